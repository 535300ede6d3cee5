"""The news section and its feeds in the built site."""

from __future__ import annotations

import re

import feedparser
import pytest
from bs4 import BeautifulSoup

from sitebuild import build, copy_project
from sitecheck import LANGUAGES, PREFIXES, resolve

POSTS_PER_LANGUAGE = 13


def soup(build_result, path):
    return BeautifulSoup((build_result.site / path).read_text(encoding="utf-8"), "html.parser")


def feed(build_result, code, kind):
    return feedparser.parse((build_result.site / f"{PREFIXES[code]}news/{kind}.xml").read_bytes())


@pytest.mark.parametrize("code", list(LANGUAGES))
@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_every_feed_parses_in_its_language_newest_first_with_working_links(site, code, kind):
    parsed = feed(site, code, kind)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert len(parsed.entries) == POSTS_PER_LANGUAGE
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


def test_the_news_index_lists_posts_with_localized_dates_and_subscribe_links(site):
    page = soup(site, "si/news/index.html")
    items = page.select("li.cisotra-post")
    assert len(items) == 10  # the first of two pages
    assert items[0].select_one("time").get_text() == "15. oktober 2020"
    assert {a["href"] for a in page.select(".cisotra-feeds a")} == {"rss.xml", "atom.xml"}
    assert page.select_one('nav.cisotra-pagination a[href="page/2/"]')
    second = soup(site, "si/news/page/2/index.html")
    assert len(second.select("li.cisotra-post")) == 3
    assert [a.get_text() for a in page.select("#archive + p a")] == ["2020", "2019", "2018"]
    assert len(soup(site, "si/news/2019/index.html").select("li.cisotra-post")) == 3
    meetings = soup(site, "si/news/tags/meeting/index.html")
    assert meetings.h1.get_text() == "Novice: Projektna srečanja"
    assert len(meetings.select("li.cisotra-post")) == 6


def test_the_home_page_shows_the_latest_news(site):
    page = soup(site, "de/index.html")
    latest = page.select("#latest-news + ol li.cisotra-post")
    assert len(latest) == 3
    assert latest[0].a["href"] == "news/2020-10-15-sixth-project-meeting-istanbul/"


def test_a_post_links_its_translations_and_shows_its_activity(site):
    page = soup(site, "el/news/2018-05-15-first-project-meeting-naples/index.html")
    hreflangs = {link["hreflang"] for link in page.select("head link[hreflang]")}
    assert hreflangs == set(LANGUAGES.values()) | {"x-default"}
    assert page.select_one("#meeting-1-naples time").get_text() == "15–16 Μαΐου 2018"


# ---------------------------------------------------------------------------
# Scenarios on a copy of the project


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
    """A copy with a draft and a future post, built twice with the same sources and once with a retitled post."""
    project = copy_project(tmp_path_factory.mktemp("news"))
    (project / "docs/en/news/2019-01-01-draft.md").write_text(DRAFT, encoding="utf-8")
    (project / "docs/en/news/2031-01-01-future.md").write_text(FUTURE, encoding="utf-8")
    first = build(project, into="first")
    assert first.returncode == 0, first.log
    snapshot = {kind: (first.site / f"news/{kind}.xml").read_bytes() for kind in ("rss", "atom")}
    again = build(project, into="again")
    assert again.returncode == 0, again.log
    repeat = {kind: (again.site / f"news/{kind}.xml").read_bytes() for kind in ("rss", "atom")}
    post = project / "docs/en/news/2018-05-15-first-project-meeting-naples.md"
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
        assert len(titles) == POSTS_PER_LANGUAGE
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
    project = copy_project(tmp_path / "p")
    post = project / "docs/tr/news/2018-10-08-second-project-meeting-taranto.md"
    post.write_text(re.sub(r"\ndate: [^\n]*", "", post.read_text(encoding="utf-8"), count=1), encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert (
        "docs/tr/news/2018-10-08-second-project-meeting-taranto.md:2: date: missing (expected a date like 2018-05-15)"
        in result.log
    )


def test_search_finds_posts_but_not_the_lists_that_repeat_them(site):
    import json

    indexed = {
        doc["location"].split("#")[0]
        for doc in json.loads((site.site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    }
    for prefix in PREFIXES.values():
        assert f"{prefix}news/" in indexed
        assert f"{prefix}news/2018-05-15-first-project-meeting-naples/" in indexed
        assert f"{prefix}news/page/2/" not in indexed
        assert f"{prefix}news/2018/" not in indexed
        assert f"{prefix}news/tags/meeting/" not in indexed
    assert "translation-status/" not in indexed
