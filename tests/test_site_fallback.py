"""A page missing in a language falls back to English, says so, and is not passed off as a translation."""

from __future__ import annotations

import pytest
import yaml
from bs4 import BeautifulSoup

from sitebuild import build, copy_project


@pytest.fixture(scope="module")
def fallback_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("fallback"))
    (project / "docs" / "de" / "partners.md").unlink()
    (project / "docs" / "si" / "work-packages" / "wp4.md").unlink()
    result = build(project)
    assert result.returncode == 0, result.log
    return result


def page(site, path):
    return BeautifulSoup((site.site / path).read_text(encoding="utf-8"), "html.parser")


def test_the_notice_is_in_the_visitors_language_and_the_text_is_marked_english(fallback_site):
    german = page(fallback_site, "de/partners/index.html")
    assert german.html["lang"] == "de"
    notice = german.select_one(".cisotra-fallback")
    assert notice is not None and "Deutsche" in notice.get_text() or "deutsch" in notice.get_text().lower()
    content = german.select_one(".cisotra-fallback__content")
    assert content["lang"] == "en"
    assert content.h1.get_text(strip=True) == page(fallback_site, "partners/index.html").select_one(
        "article h1"
    ).get_text(strip=True)


def test_a_fallback_work_package_page_lists_activities_in_english_inside_the_english_text(fallback_site):
    slovenian = page(fallback_site, "si/work-packages/wp4/index.html")
    content = slovenian.select_one(".cisotra-fallback__content")
    assert "Ta stran" in slovenian.select_one(".cisotra-fallback").get_text()
    # Work package 4's activities, from the data (a partner may add one).
    activities = yaml.safe_load((fallback_site.project / "data/activities.yml").read_text(encoding="utf-8"))
    titles = [activity["title"]["en"] for activity in activities if activity.get("work_package") == 4]
    assert len(content.select("li.cisotra-activity")) == len(titles) > 0
    assert all(title in content.get_text() for title in titles)
    # Links from the list stay in the visitor's language: the work package is this Slovenian page.
    links = {a["href"] for a in content.select(".cisotra-activity__details a")}
    assert links == {"./"}


def test_fallback_pages_are_not_announced_as_translations(fallback_site):
    english = page(fallback_site, "partners/index.html")
    hreflangs = {link["hreflang"] for link in english.select('link[rel="alternate"][hreflang]')}
    assert "de" not in hreflangs and {"en", "sl", "x-default"} <= hreflangs
    german = page(fallback_site, "de/partners/index.html")
    assert german.select_one('link[rel="canonical"]')["href"] == fallback_site.site_url + "partners/"
    sitemap = (fallback_site.site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/de/partners/</loc>" not in sitemap and "/de/about/</loc>" in sitemap


def test_translated_pages_carry_no_notice(fallback_site):
    assert page(fallback_site, "de/about/index.html").select_one(".cisotra-fallback") is None
