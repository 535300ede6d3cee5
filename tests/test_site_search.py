"""The search index of the built site: one per language, holding the pages of that language's own text; every beginning of every word found at every split depth; synonyms no page has reported."""

from __future__ import annotations

import json
import subprocess

import pytest
import searchfixture
from bs4 import BeautifulSoup

from cisotra.search import client_rules
from sitebuild import ROOT
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
    for page in content_pages(site.site, site.project):
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


def test_every_beginning_of_every_indexed_word_finds_its_pages_at_every_split_depth(small_shards_site):
    """On the real site with small shards (keys split at up to a dozen letters), the browser's
    engine (tests/js/prefixes.mjs, under Node) finds each word of every page by each of its
    beginnings of 3 letters and more, and by its first 2 letters unless they ask for one more."""
    executable = searchfixture.node()
    if executable is None:
        pytest.skip(f"the check runs the browser's engine: {searchfixture.node.missing}")
    built, _port = small_shards_site
    rules = {tag: client_rules(tag) for tag in LANGUAGES.values()}
    result = subprocess.run(
        searchfixture.node_command(
            executable, str(searchfixture.JS_TESTS / "prefixes.mjs"), str(built.site / "search"), json.dumps(rules)
        ),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    checked = {line["tag"]: line for line in map(json.loads, result.stdout.splitlines())}
    assert set(checked) == set(LANGUAGES.values())
    for tag, line in checked.items():
        assert line["failures"] == 0 and line["words"] > 300 and line["split"] > 30, line
        manifest = json.loads((built.site / "search" / tag / "index.json").read_text(encoding="utf-8"))
        assert {2, 3, 4} <= set(map(len, manifest["split"])), tag  # split at several depths


def test_a_synonym_that_no_page_has_is_reported_and_the_strict_build_goes_on(site, small_shards_site):
    built, _port = small_shards_site  # its data/synonyms.yml adds Schulung, which no German page has
    lines = [line for line in built.log.splitlines() if "no page in this language has the word" in line]
    assert len(lines) == 1, built.log[-3000:]
    assert lines[0].startswith("INFO")
    assert (
        "data/synonyms.yml:" in lines[0] and "de: words: no page in this language has the word 'Schulung'" in lines[0]
    )
    assert "no page in this language has the word" not in site.log  # the project's own synonyms are all on pages
