"""Search in every language, and using the site with the keyboard alone."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from sitecheck import LANGUAGES, PREFIXES

# Words with the letters a language's visitors type, so search is tested where it is hardest.
SPECIAL = {"si": "[čšž]", "de": "[äöüß]", "it": "[àèéìòù]", "el": "[α-ω]", "tr": "[çğışöü]", "en": "[a-z]"}


def rare_word(site, code: str, page: str) -> str:
    """A word of the page that no other page of the site contains, preferably with the language's own letters."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    separator = re.compile(index["config"]["separator"])

    def words(doc):
        return {
            w.lower() for w in separator.split(doc["title"] + " " + re.sub(r"<[^>]+>", " ", doc["text"])) if len(w) >= 7
        }

    documents: dict[str, set[str]] = {}
    for doc in index["docs"]:
        documents.setdefault(doc["location"].split("#")[0], set()).update(words(doc))
    counts = Counter(word for found in documents.values() for word in found)
    own = documents[PREFIXES[code] + page]
    candidates = sorted(w for w in own if counts[w] == 1 and re.fullmatch(r"\w+", w) and re.search(SPECIAL[code], w))
    assert candidates, f"no word unique to {code}/{page}"
    return candidates[0]


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_search_finds_a_page_by_a_word_of_its_own_language(served_site, visit, code):
    base, site = served_site
    word = rare_word(site, code, "about/")
    page = visit(base + PREFIXES[code]).page
    search = page.locator("input.md-search__input")
    search.click()
    search.fill(word)
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=10_000)  # raises, naming the word, when nothing is found
    hrefs = [results.nth(i).evaluate("a => a.href") for i in range(results.count())]
    assert any(href.split("#")[0].split("?")[0] == base + PREFIXES[code] + "about/" for href in hrefs), (word, hrefs)


def _focus_outline(page) -> str:
    return page.evaluate("getComputedStyle(document.activeElement).outlineStyle")


@pytest.mark.parametrize("code", ["si", "el"])
def test_the_skip_link_comes_first_and_moves_to_the_content(served_site, visit, code):
    base, _ = served_site
    page = visit(base + PREFIXES[code] + "about/").page
    page.keyboard.press("Tab")
    active = page.evaluate("document.activeElement.className")
    assert "md-skip" in active
    assert page.locator("a.md-skip").is_visible()
    assert _focus_outline(page) != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash").startswith("#")


def _tab_until(page, selector: str, limit: int = 80) -> bool:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({json.dumps(selector)})"):
            return True
    return False


def test_the_navigation_is_reachable_and_usable_with_the_keyboard(served_site, visit):
    base, _ = served_site
    page = visit(base + "si/").page
    assert _tab_until(page, "nav.md-nav--primary a[href$='about/']")
    assert _focus_outline(page) != "none"
    page.keyboard.press("Enter")
    page.wait_for_url(base + "si/about/")


def test_the_timeline_filters_work_with_the_keyboard_and_announce_the_result(served_site, visit, data):
    from cisotra.activities import TYPES

    activities = data.project.activities
    total = len(activities)
    first_type = next(kind for kind in TYPES if any(a.type == kind for a in activities))
    of_type = [a for a in activities if a.type == first_type]
    first_year = min(a.shown_period.first.year for a in activities)
    of_type_and_year = [a for a in of_type if a.shown_period.first.year == first_year]

    def said(shown: int) -> str:
        return data.project.strings.get("de", "timeline.filter_status").format(shown=shown, total=total)

    base, _ = served_site
    page = visit(base + "de/timeline/").page
    status = page.locator(".cisotra-timeline-filters__status")
    assert status.inner_text() == said(total)
    assert _tab_until(page, "#filter-type")
    assert _focus_outline(page) != "none"
    page.keyboard.press("ArrowDown")  # the first type
    assert status.inner_text() == said(len(of_type))
    assert page.locator("li.cisotra-activity:visible").count() == len(of_type)
    assert _tab_until(page, "#filter-year", limit=5)
    page.keyboard.press("ArrowDown")  # the first year
    assert status.inner_text() == said(len(of_type_and_year))
    assert _tab_until(page, ".cisotra-timeline-filters button[type=reset]", limit=5)
    page.keyboard.press("Enter")
    page.wait_for_timeout(100)
    assert status.inner_text() == said(total)
    assert page.locator("li.cisotra-activity:visible").count() == total


def test_without_javascript_the_timeline_lists_everything(served_site, browser, data):
    base, _ = served_site
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base + "it/timeline/")
        assert page.locator("li.cisotra-activity:visible").count() == len(data.project.activities)
        assert not page.locator("form.cisotra-timeline-filters").is_visible()
    finally:
        context.close()
