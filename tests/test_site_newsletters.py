"""The newsletter archive, issue pages, e-mail exports and feed in the built site."""

from __future__ import annotations

import re

import feedparser
import pytest
from bs4 import BeautifulSoup

from sitebuild import build, copy_project
from sitecheck import LANGUAGES, PREFIXES


def soup(result, path):
    return BeautifulSoup((result.site / path).read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_each_archive_lists_every_published_issue_newest_first_by_year(site, data, code):
    page = soup(site, f"{PREFIXES[code]}newsletters/index.html")
    items = page.select("li.cisotra-issue")
    archive = data.publication.archive(code)
    assert archive and [item["id"] for item in items] == [f"issue-{issue.number}" for issue in archive]
    years = [str(year) for year in dict.fromkeys(issue.date.year for issue in archive)]
    assert [h.get_text(strip=True) for h in page.select("h2[id^=year-]")] == years
    assert all(item.select_one("time") and item.h3.a for item in items)
    assert page.select_one("#subscribe")


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_each_issue_page_links_neighbours_languages_and_email_versions(site, data, code):
    archive = data.publication.archive(code)
    for position, issue in enumerate(archive):
        frame = soup(site, f"{PREFIXES[code]}newsletters/{issue.stem}/index.html").select_one(".cisotra-issue__frame")
        older = frame.select_one('a[rel="prev"]')
        newer = frame.select_one('a[rel="next"]')
        assert (older and older["href"]) == (
            f"../{archive[position + 1].stem}/" if position + 1 < len(archive) else None
        )
        assert (newer and newer["href"]) == (f"../{archive[position - 1].stem}/" if position > 0 else None)
        versions = {i.code for i in data.publication.issues if i.stem == issue.stem} - {code}
        others = {a["hreflang"] for a in frame.select(".cisotra-issue__languages a")}
        assert others == {LANGUAGES[c] for c in versions}
        emails = {a["href"].rsplit("/", 1)[-1] for a in frame.select(".cisotra-issue__email a")}
        assert emails == {"email.html", "email.txt"}


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_email_exports_are_self_contained(site, data, code):
    issue = next(i for i in data.publication.issues if i.code == code)
    folder = site.site / f"{PREFIXES[code]}newsletters/{issue.stem}"
    html = (folder / "email.html").read_text(encoding="utf-8")
    text = (folder / "email.txt").read_text(encoding="utf-8")
    assert "<script" not in html.lower() and "<style" not in html.lower() and "stylesheet" not in html.lower()
    urls = re.findall(r'(?:href|src)="([^"]+)"', html)
    online = site.site_url + f"{PREFIXES[code]}newsletters/{issue.stem}/"
    assert {online, site.site_url + "assets/images/eu-emblem.png"} <= set(urls)
    assert all(url.startswith(site.site_url) or url == "*|UNSUB|*" for url in urls), urls
    assert f'<html lang="{LANGUAGES[code]}">' in html
    assert "<table" in html
    assert "cisotra-issue__frame" not in html
    assert not re.search(r"<[a-z]+[ >]", text)
    assert site.site_url + f"{PREFIXES[code]}newsletters/{issue.stem}/" in text
    # An issue sent out has the mailing tool's unsubscribe link; one reconstructed from the plan was
    # never sent: it says so, and has none.
    unsubscribe = not issue.from_plan
    assert ("*|UNSUB|*" in html, "*|UNSUB|*" in text) == (unsubscribe, unsubscribe)
    if issue.from_plan:
        note = data.project.strings.get(code, "newsletter.from_plan")
        assert note in text and note.split(":")[0] in html


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_each_language_has_a_feed_of_its_own_issues(site, data, code):
    parsed = feedparser.parse((site.site / f"{PREFIXES[code]}newsletters/rss.xml").read_bytes())
    assert parsed.bozo == 0
    own = [issue.stem for issue in data.publication.archive(code) if issue.code == code]
    assert [e.link.rsplit("/", 2)[-2] for e in parsed.entries] == own
    assert parsed.feed.language == LANGUAGES[code]
    page = soup(site, f"{PREFIXES[code]}about/index.html")
    assert page.select_one('head link[type="application/rss+xml"][href$="newsletters/rss.xml"]')


# A name no partner would give an upload, so that the test's file is never one of theirs.
ATTACHMENT = "suite-check-newsletter-3.pdf"


@pytest.fixture(scope="module")
def partial(tmp_path_factory):
    """Issue 3 missing in Turkish and with a PDF in English; a subscription address for German."""
    project = copy_project(tmp_path_factory.mktemp("newsletters"))
    (project / "docs/tr/newsletters/issue-3.md").unlink()
    # Taking a published translation away would fail the address guard: not what this tests.
    (project / "data/addresses.txt").unlink()
    # The folder partners upload attachments to (CONTRIBUTING.md) may hold theirs already: the test adds its own file.
    (project / "docs/en/newsletters/files").mkdir(exist_ok=True)
    (project / f"docs/en/newsletters/files/{ATTACHMENT}").write_bytes(b"%PDF-1.4\n" + b"0" * 245_000)
    issue = project / "docs/en/newsletters/issue-3.md"
    text = issue.read_text(encoding="utf-8")
    issue.write_text(
        text.replace(
            "\n---\n", f"\nattachments:\n  - file: files/{ATTACHMENT}\n    name: CiSoTRA newsletter 3\n---\n", 1
        ),
        encoding="utf-8",
    )
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("subscribe: {}", "subscribe: {de: 'mailto:news@example.org'}"),
        encoding="utf-8",
    )
    result = build(project)
    assert result.returncode == 0, result.log
    return result


def test_a_missing_translation_shows_the_english_issue_with_the_notice(partial):
    archive = soup(partial, "tr/newsletters/index.html")
    entry = archive.select_one("#issue-3")
    assert entry.h3.a["lang"] == "en"
    assert entry.select_one(".cisotra-issue__lang")
    page = soup(partial, "tr/newsletters/issue-3/index.html")
    assert page.html["lang"] == "tr"
    assert page.select_one(".cisotra-fallback")
    assert page.select_one(".cisotra-fallback__content")["lang"] == "en"
    assert not (partial.site / "tr/newsletters/issue-3/email.html").exists()
    entries = feedparser.parse((partial.site / "tr/newsletters/rss.xml").read_bytes()).entries
    assert "issue-3" not in [e.link.rsplit("/", 2)[-2] for e in entries]


def test_attachments_show_type_and_size(partial):
    entry = soup(partial, "newsletters/index.html").select_one("#issue-3 .cisotra-attachments li")
    assert entry.get_text() == "CiSoTRA newsletter 3 (PDF, 246\u00a0kB)"
    assert (partial.site / f"newsletters/files/{ATTACHMENT}").stat().st_size == 245_009
    # The Turkish archive shows the English issue 3, and its download.
    turkish = soup(partial, "tr/newsletters/index.html").select_one("#issue-3 .cisotra-attachments a")
    assert turkish["href"] == f"../../newsletters/files/{ATTACHMENT}"
    page = soup(partial, "newsletters/issue-3/index.html")
    assert page.select_one("#downloads + ul a")["href"] == f"../files/{ATTACHMENT}"


def test_the_subscription_target_comes_from_the_configuration(partial):
    assert soup(partial, "de/newsletters/index.html").select_one('#subscribe + p a[href="mailto:news@example.org"]')
    assert soup(partial, "si/newsletters/index.html").select_one('#subscribe + p a[href="../contact/"]')


def test_an_issue_whose_languages_disagree_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "p")
    issue = project / "docs/it/newsletters/issue-2.md"
    issue.write_text(issue.read_text(encoding="utf-8").replace("number: 2", "number: 3", 1), encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert "docs/it/newsletters/issue-2.md: number" in result.log
