"""A partner's ordinary changes (tests/partner.py) reach the site as CONTRIBUTING.md says they will.

The suite's real site is built with those changes (tests/conftest.py), so every check of the real
site runs on the site as a partner leaves it; the tests here check that the changes themselves are
there: the post in its two languages, the activity on the timeline and in the calendar, the issue
in the archive with its link, the corrected typo, the renamed post (its redirect pages have a test of
their own, tests/test_site_redirects.py).
"""

from __future__ import annotations

from babel import Locale
from bs4 import BeautifulSoup
from partner import DAY, ISSUE_TITLE, SLUG, renamed_post


def soup(site, path):
    return BeautifulSoup((site.site / path).read_text(encoding="utf-8"), "html.parser")


def test_the_post_is_published_in_its_two_languages_and_listed_first(site):
    for prefix, title in (("", "Partners meet online"), ("el/", "Οι εταίροι συναντήθηκαν διαδικτυακά")):
        post = soup(site, f"{prefix}news/{DAY}-{SLUG}/index.html")
        assert post.select_one("h1").get_text(strip=True) == title
        news = soup(site, f"{prefix}news/index.html")
        assert news.select_one(".cisotra-post__title a").get_text(strip=True) == title
    assert not (site.site / f"si/news/{DAY}-{SLUG}/index.html").exists()  # written in two languages only


def test_the_post_is_listed_in_the_other_languages_marked_as_english_and_their_switcher_leads_there(site, data):
    """A post written in some languages only is news for every visitor: the other languages' lists link to
    the English version, its title marked as English and its language named in the visitor's language."""
    strings = data.project.strings
    others = [code for code in data.codes if code not in ("en", "el")]
    assert others
    for code in others:
        prefix = data.language(code).prefix
        items = soup(site, f"{prefix}news/index.html").select("li.cisotra-post")
        (item,) = [item for item in items if f"/{DAY}-{SLUG}/" in item.a["href"]]
        assert item.a["href"] == f"../../news/{DAY}-{SLUG}/"
        assert (item.a["lang"], item.a["hreflang"], item.a.get_text()) == ("en", "en", "Partners meet online")
        english = Locale.parse(data.language(code).tag).languages["en"]
        assert item.select_one(".cisotra-post__lang").get_text() == strings.get(
            code, "news.in_language", language=english
        )
        # On the post, this language's choice in the switcher leads to the list that has it.
        choice = soup(site, f"news/{DAY}-{SLUG}/index.html").select_one(
            f'a.md-select__link[hreflang="{data.language(code).tag}"]'
        )
        assert choice["href"] == f"../../{prefix}news/"
    assert "Partners meet online" not in (site.site / "si/news/rss.xml").read_text(encoding="utf-8")  # its own only


def test_the_activity_is_on_the_timeline_in_every_language_and_in_the_calendar(site, data):
    for code in data.codes:
        prefix = data.language(code).prefix
        assert soup(site, f"{prefix}timeline/index.html").select_one("#meeting-partner-online"), code
    assert "meeting-partner-online@cisotra" in (site.site / "calendar/activities.ics").read_text(encoding="utf-8")


def test_the_issue_is_in_the_archive_and_leads_to_the_earlier_post(site, data):
    number = max(issue.number for issue in data.publication.issues)
    title = ISSUE_TITLE.format(number=number)
    issue = next(issue for issue in data.publication.issues if issue.title == title)
    archive = soup(site, "newsletters/index.html")
    assert title in archive.get_text()
    page = soup(site, f"newsletters/{issue.stem}/index.html")
    assert any("/news/" in link["href"] for link in page.select("article a[href]"))


def test_the_typo_fix_is_published(site):
    assert "Projekt  " not in (site.project / "docs/de/about.md").read_text(encoding="utf-8")


def test_the_renamed_post_is_at_its_new_address_in_every_language_and_links_lead_there(site, data):
    old, new = renamed_post()
    linked = 0
    for code in data.codes:
        prefix = data.language(code).prefix
        assert soup(site, f"{prefix}news/{new}/index.html").select_one("h1"), code
        for post in data.publication.posts(code):
            hrefs = [a["href"] for a in soup(site, f"{prefix}news/{post.stem}/index.html").select("article a[href]")]
            assert not any(old in href for href in hrefs), post.docs_path
            linked += any(href.startswith(f"../{new}/") for href in hrefs)
    assert linked  # a post that linked to the old file now links to the new address
