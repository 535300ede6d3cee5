"""The news section and its feeds in the built site."""

from __future__ import annotations

import re

import feedparser
import pytest
from bs4 import BeautifulSoup
from fixture import make_fixture

from cisotra.dates import format_day, format_period
from cisotra.feeds import FEED_SIZE
from cisotra.newspages import LATEST, PER_PAGE
from sitebuild import build
from sitecheck import LANGUAGES, PREFIXES, resolve


def soup(build_result, path):
    return BeautifulSoup((build_result.site / path).read_text(encoding="utf-8"), "html.parser")


def feed(build_result, code, kind):
    return feedparser.parse((build_result.site / f"{PREFIXES[code]}news/{kind}.xml").read_bytes())


@pytest.mark.parametrize("code", list(LANGUAGES))
@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_every_feed_carries_its_languages_newest_posts_with_working_links(site, data, code, kind):
    parsed = feed(site, code, kind)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    posts = data.publication.posts(code)[:FEED_SIZE]
    assert [entry.link for entry in parsed.entries] == [f"{site.site_url}{PREFIXES[code]}news/{p.stem}/" for p in posts]
    assert parsed.feed.get("language", LANGUAGES[code]) == LANGUAGES[code]
    if kind == "atom":
        assert (site.site / f"{PREFIXES[code]}news/atom.xml").read_text(encoding="utf-8").count('xml:lang="si"') == 0
    dates = [entry.published_parsed for entry in parsed.entries]
    assert dates == sorted(dates, reverse=True)
    for entry in parsed.entries:
        assert entry.link.startswith(site.site_url + PREFIXES[code] + "news/")
        target, _ = resolve(site.site, site.site_url, entry.link, entry.link)
        assert target is not None and target.exists(), entry.link
        assert f'<html lang="{LANGUAGES[code]}"' in target.read_text(encoding="utf-8")
        assert entry.id == entry.link
        assert entry.summary
        content = entry.content[0].value
        assert "<p>" in content
        for url in re.findall(r'(?:href|src)="([^"]+)"', content):
            assert url.startswith(("https://", "mailto:")), url


def test_the_slovenian_feed_says_sl(site):
    rss = (site.site / "si/news/rss.xml").read_text(encoding="utf-8")
    assert "<language>sl</language>" in rss
    assert feed(site, "si", "rss").feed.language == "sl"


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_every_page_advertises_its_own_languages_feeds(site, code):
    folder = site.site / PREFIXES[code]
    expected = sorted(str(folder / name) for name in ("news/rss.xml", "news/atom.xml", "newsletters/rss.xml"))
    for path in ("", "about/", "news/", "work-packages/wp3/"):
        page = soup(site, f"{PREFIXES[code]}{path}index.html")
        links = page.select('head link[rel="alternate"][type]')
        assert {link["type"] for link in links} == {"application/rss+xml", "application/atom+xml"}
        targets = sorted(
            str(resolve(site.site, site.site_url, page_url(site, code, path), link["href"])[0]) for link in links
        )
        assert targets == expected, (code, path)


def page_url(site, code, path):
    return site.site_url + PREFIXES[code] + path


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_the_news_index_pages_years_and_topics_list_the_published_posts(site, data, code):
    """The language's own posts, and those written only in other languages, marked with their language."""
    posts = data.publication.listed(code)
    prefix = PREFIXES[code]
    pages = max(1, -(-len(posts) // PER_PAGE))
    listed = []
    for number in range(1, pages + 1):
        path = f"{prefix}news/" + ("" if number == 1 else f"page/{number}/") + "index.html"
        items = soup(site, path).select("li.cisotra-post")
        for item in items:
            target, _ = resolve(site.site, site.site_url, site.site_url + path, item.a["href"])
            listed.append(target.relative_to(site.site).as_posix())
            assert target.is_file(), item.a["href"]
            assert item.a.get("hreflang") == item.a.get("lang"), item.a
            marked = item.a.get("lang")
            assert f'<html lang="{marked or LANGUAGES[code]}"' in target.read_text(encoding="utf-8")
            assert (item.select_one(".cisotra-post__lang") is None) == (marked is None)
    assert listed == [f"{PREFIXES[post.code]}news/{post.stem}/index.html" for post in posts]
    assert not (site.site / f"{prefix}news/page/{pages + 1}").exists()
    first = soup(site, f"{prefix}news/index.html")
    if posts:
        post = posts[0]
        day = format_day(post.published.date(), LANGUAGES[code])
        # A post put together from the plan gives its date as the planned one: the plan's whole
        # period when the activities it names take more than a day.
        strings = data.project.strings
        planned = post.planned
        if not post.from_plan:
            shown = day
        elif planned is not None and (planned.first != planned.last or planned.precision != "day"):
            shown = strings.get(code, "activity.planned_dates", period=format_period(planned, LANGUAGES[code]))
        else:
            shown = strings.get(code, "news.planned_date", date=day)
        assert first.select_one("li.cisotra-post time").get_text() == shown
    assert {a["href"] for a in first.select(".cisotra-feeds a")} == {"rss.xml", "atom.xml"}
    years = sorted({post.published.year for post in posts}, reverse=True)
    archive = first.select_one("#archive").find_next_sibling()
    assert [a.get_text() for a in archive.select("a")] == [str(year) for year in years]
    for year in years:
        own = [post for post in posts if post.published.year == year]
        assert len(soup(site, f"{prefix}news/{year}/index.html").select("li.cisotra-post")) == len(own)
    for tag in {tag for post in posts for tag in post.tags}:
        own = [post for post in posts if tag in post.tags]
        page = soup(site, f"{prefix}news/tags/{tag}/index.html")
        assert len(page.select("li.cisotra-post")) == len(own)
        assert data.project.tags.name(tag, code, "en") in page.h1.get_text()


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_the_home_page_shows_the_latest_news(site, data, code):
    page = soup(site, f"{PREFIXES[code]}index.html")
    latest = [li.a["href"] for li in page.select_one("#latest-news").find_next_sibling().select("li.cisotra-post")]
    assert latest == [f"news/{post.stem}/" for post in data.publication.posts(code)[:LATEST]]


def test_a_post_links_its_translations_and_shows_its_activities(site, data):
    post = next(p for p in data.publication.posts("el") if p.activities)
    page = soup(site, f"el/news/{post.stem}/index.html")
    hreflangs = {link["hreflang"] for link in page.select("head link[hreflang]")}
    translated = data.publication.post_translations[post.key]
    assert hreflangs == {LANGUAGES[code] for code in translated} | {"x-default"}
    for ident in post.activities:
        assert page.select_one(f"#{ident} time"), ident


def test_a_post_written_from_the_activities_document_says_so(site, data):
    for code in LANGUAGES:
        for post in data.publication.posts(code):
            note = soup(site, f"{PREFIXES[code]}news/{post.stem}/index.html").select_one(".cisotra-note--plan")
            if post.from_plan:
                assert note.get_text() == data.project.strings.get(code, "news.from_plan"), post.docs_path
            else:
                assert note is None, post.docs_path


# ---------------------------------------------------------------------------
# Scenarios on the fixture project (tests/fixtures/site/): builds of a small site, several times over


DRAFT = """---
title: Draft post
date: 2019-01-01
summary: Not ready.
draft: true
---

# Draft post
"""
FUTURE = """---
title: Post from the future
date: 2031-01-01
summary: Not yet.
---

# Post from the future
"""


@pytest.fixture(scope="module")
def scenario(tmp_path_factory):
    """The fixture with a draft and a future post, built twice with the same sources and once with a retitled post."""
    project = make_fixture(tmp_path_factory.mktemp("news") / "site")
    (project / "docs/en/news/2019-01-01-draft.md").write_text(DRAFT, encoding="utf-8")
    (project / "docs/en/news/2031-01-01-future.md").write_text(FUTURE, encoding="utf-8")
    first = build(project, into="first")
    assert first.returncode == 0, first.log
    snapshot = {kind: (first.site / f"news/{kind}.xml").read_bytes() for kind in ("rss", "atom")}
    again = build(project, into="again")
    assert again.returncode == 0, again.log
    repeat = {kind: (again.site / f"news/{kind}.xml").read_bytes() for kind in ("rss", "atom")}
    post = project / "docs/en/news/2020-04-02-workshop-held.md"
    post.write_text(post.read_text(encoding="utf-8").replace("title: ", "title: Renamed ", 1), encoding="utf-8")
    retitled = build(project, into="retitled")
    assert retitled.returncode == 0, retitled.log
    later = build(project, extra_env={"SOURCE_DATE_EPOCH": "1924992000"}, into="later")  # 1 January 2031
    assert later.returncode == 0, later.log
    return {"first": snapshot, "repeat": repeat, "retitled": retitled, "later": later, "site": again}


def test_rebuilding_unchanged_sources_gives_identical_feeds(scenario):
    assert scenario["first"] == scenario["repeat"]


def test_drafts_and_future_posts_stay_out_of_pages_and_feeds(scenario):
    site = scenario["site"]
    for kind in ("rss", "atom"):
        titles = [e.title for e in feedparser.parse(scenario["repeat"][kind]).entries]
        assert titles
        assert "Draft post" not in titles and "Post from the future" not in titles
    assert not (site.site / "news/2019-01-01-draft").exists()
    assert not (site.site / "news/2031-01-01-future").exists()
    later = feedparser.parse((scenario["later"].site / "news/rss.xml").read_bytes())
    assert later.entries[0].title == "Post from the future"
    assert "Draft post" not in [e.title for e in later.entries]


def test_a_retitled_post_keeps_its_guid(scenario):
    before = {e.id: e.title for e in feedparser.parse(scenario["first"]["rss"]).entries}
    after = {e.id: e.title for e in feedparser.parse((scenario["retitled"].site / "news/rss.xml").read_bytes()).entries}
    assert before.keys() == after.keys()
    changed = [guid for guid in before if before[guid] != after[guid]]
    assert len(changed) == 1 and after[changed[0]].startswith("Renamed ")


def test_a_post_without_a_date_stops_the_build(tmp_path):
    project = make_fixture(tmp_path / "p")
    post = project / "docs/tr/news/2020-06-01-turkish-only.md"
    post.write_text(re.sub(r"\ndate: [^\n]*", "", post.read_text(encoding="utf-8"), count=1), encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert (
        "docs/tr/news/2020-06-01-turkish-only.md:2: date: missing (expected a date like 2018-05-15 or 2018-05-15 10:30 (optionally with +02:00))"
        in result.log
    )
