"""The search index of the built site: one per language, holding the pages of that language's own text."""

from __future__ import annotations

import json

from sitecheck import LANGUAGES, content_pages


def test_pagefind_made_an_index_for_every_language(site):
    entry = json.loads((site.site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert set(entry["languages"]) == set(LANGUAGES.values())
    for language in entry["languages"].values():
        assert language["page_count"] > 0


def test_only_pages_in_their_own_language_and_not_lists_are_indexed(site):
    marked = 0
    for page in content_pages(site.site):
        body = page.soup.select_one("[data-pagefind-body]")
        if page.soup.select_one(".cisotra-fallback"):
            assert body is None, page.path  # English text under another language: found in English
            continue
        meta = page.path.parts
        if "tags" in meta or (len(meta) > 2 and meta[-2].isdigit()):
            assert body is None, page.path  # year and topic pages repeat the posts
        marked += body is not None
    assert marked > 0


def test_lists_that_repeat_other_pages_are_skipped_inside_indexed_pages(site):
    for code, prefix in ((code, "" if code == "en" else f"{code}/") for code in LANGUAGES):
        page = (site.site / f"{prefix}work-packages/wp1/index.html").read_text(encoding="utf-8")
        assert "data-pagefind-body" in page and "data-pagefind-ignore" in page, code
