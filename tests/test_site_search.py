"""The search index of the built site: one per language, holding the pages of that language's own text."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup

from sitecheck import LANGUAGES, PREFIXES, content_pages, search_pages


def test_every_language_has_an_index_of_its_own_pages_only(site):
    for code, tag in LANGUAGES.items():
        manifest = json.loads((site.site / "search" / tag / "index.json").read_text(encoding="utf-8"))
        pages = search_pages(site.site, tag)
        assert manifest["pages"] == len(pages) > 0, tag
        others = tuple(prefix for other, prefix in PREFIXES.items() if other != code and prefix)
        assert all(path.startswith(PREFIXES[code]) and not path.startswith(others) for path in pages), tag


def test_pages_shown_in_english_and_lists_of_other_pages_are_not_indexed(site):
    indexed = {path for tag in LANGUAGES.values() for path in search_pages(site.site, tag)}
    checked = 0
    for page in content_pages(site.site):
        path = page.url("")
        parts = page.path.parts
        if page.soup.select_one(".cisotra-fallback") or "tags" in parts or (len(parts) > 2 and parts[-2].isdigit()):
            # English text under another language is found in English; year and topic pages repeat posts.
            assert path not in indexed, path
            checked += 1
    assert checked > 0


def test_lists_that_repeat_other_pages_are_skipped_inside_indexed_pages(site, data):
    number = next(a.work_package for a in data.project.activities)
    for code, tag in LANGUAGES.items():
        path = f"{PREFIXES[code]}work-packages/wp{number}/"
        entry = search_pages(site.site, tag)[path]
        indexed = " ".join(section[2] for section in entry["sections"])
        page = BeautifulSoup((site.site / path / "index.html").read_text(encoding="utf-8"), "html.parser")
        listed = page.select_one("li.cisotra-activity")
        assert listed.find_parent(class_="cisotra-unindexed"), code
        assert " ".join(listed.get_text(" ").split()) not in indexed, code
        assert entry["sections"], code  # the page's own text is there
