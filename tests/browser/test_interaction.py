"""Search in every language, and using the site with the keyboard alone."""

from __future__ import annotations

import json

import pytest

from cisotra.search import Terms, fold
from cisotra.search import words as search_words
from sitecheck import LANGUAGES, PREFIXES, search_pages

# Per language: (query as a visitor types it, what it tests, which posts count as the page it should find).
# The posts are found from the data by their topic or activity, so new posts do not break this; the pages
# of activities of the same kind as the posts' activities count too.
QUERIES = {
    "en": [
        ("meetings", "an inflected form", ("tag", "meeting")),
        ("ISTANBUL", "another case", ("activity", "meeting-6-istanbul")),
    ],
    "si": [("srečanjih", "an inflected form", ("tag", "meeting")), ("srecanje", "no č", ("tag", "meeting"))],
    "de": [
        ("Workshops", "a plural", ("tag", "workshop")),
        ("regensburg", "lower case", ("activity", "meeting-3-regensburg")),
    ],
    "it": [("seminari", "a plural", ("tag", "seminar")), ("ATENE", "upper case", ("activity", "meeting-5-athens"))],
    "el": [
        ("σεμιναρια", "no accent", ("tag", "seminar")),
        ("ΑΘΗΝΑ", "upper case, no accent", ("activity", "meeting-5-athens")),
    ],
    "tr": [
        ("atölyeler", "an inflected form", ("tag", "workshop")),
        ("İSTANBUL", "dotted capital İ", ("activity", "meeting-6-istanbul")),
    ],
}
# The same word in every language: results stay in the visitor's language.
EVERY_LANGUAGE = "Erasmus"


def expected_pages(data, code, how):
    kind, value = how
    posts = data.publication.posts(code)
    chosen = [p for p in posts if (value in p.tags if kind == "tag" else value in p.activities)]
    assert chosen, f"no {code} post with {kind} {value}"
    kinds = {data.project.activity_by_id[ident].type for post in chosen for ident in post.activities}
    activities = {a.id for a in data.project.activities if a.type in kinds} if kind == "tag" else {value}
    return {f"{PREFIXES[code]}news/{post.stem}/" for post in chosen} | {
        f"{PREFIXES[code]}activities/{ident}/" for ident in activities
    }


def search(page, query: str) -> list[str]:
    page.locator(".cisotra-search__open").click()
    field = page.locator("#cisotra-search-input")
    field.press_sequentially(query, delay=20)  # typed, key by key
    page.wait_for_function(
        "q => document.querySelector('.cisotra-search__status').textContent.trim() !== '' && "
        "document.querySelector('.cisotra-search__input').value === q",
        arg=query,
        timeout=10_000,
    )
    page.wait_for_timeout(400)  # the last keystroke's search
    return page.locator(".cisotra-search__result > a").evaluate_all("links => links.map(a => a.href)")


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_search_finds_inflected_unaccented_and_differently_cased_words_in_the_visitors_language(
    served_site, visit, data, code
):
    base, _ = served_site
    others = [prefix for other, prefix in PREFIXES.items() if other != code and prefix]
    for query, what, how in [*QUERIES[code], (EVERY_LANGUAGE, "a word every language has", None)]:
        page = visit(base + PREFIXES[code]).page
        found = [href.removeprefix(base).split("#")[0] for href in search(page, query)]
        assert found, f"{code}: nothing found for {query!r} ({what})"
        assert all(path.startswith(PREFIXES[code]) and not path.startswith(tuple(others)) for path in found), (
            query,
            found,
        )
        if how:
            assert expected_pages(data, code, how) & set(found[:5]), (code, query, what, found[:5])


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_the_browser_makes_the_same_search_terms_of_the_sites_words_as_the_build(served_site, visit, code):
    """A query finds what the index holds only if both make the same term of a word."""
    base, site = served_site
    tag = LANGUAGES[code]
    text = " ".join(section[2] for entry in search_pages(site, tag).values() for section in entry["sections"])
    words = sorted(set(search_words(text)))
    typed = [word.upper() for word in words[::7]] + [fold(word.lower()) for word in words[::5]]  # as people type
    page = visit(base + PREFIXES[code]).page
    made = page.evaluate(
        """async (words) => {
          const dialog = document.getElementById("cisotra-search");
          const engine = await import(new URL(dialog.dataset.engine, document.baseURI).href);
          const index = await engine.open(new URL(dialog.dataset.index, document.baseURI),
            document.documentElement.lang, JSON.parse(dialog.dataset.rules),
            new URL(dialog.dataset.stemmers, document.baseURI));
          return words.map((word) => index.termsOf(word).join(" "));
        }""",
        words + typed,
    )
    terms = Terms(tag)
    expected = [" ".join(terms.of(word)) for word in words + typed]
    differ = [(word, py, js) for word, py, js in zip(words + typed, expected, made, strict=True) if py != js]
    assert len(words) > 100 and not differ, differ[:10]


def test_the_search_dialog_works_with_the_keyboard_and_announces_its_results(served_site, visit):
    base, _ = served_site
    page = visit(base + "el/").page
    opener = page.locator(".cisotra-search__open")
    assert opener.is_visible() and opener.get_attribute("aria-haspopup") == "dialog"
    opener.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "cisotra-search-input"
    assert page.locator("#cisotra-search").evaluate("d => d.open")
    page.keyboard.type("σεμινάρια")
    status = page.locator(".cisotra-search__status")
    assert status.get_attribute("role") == "status"
    page.wait_for_function("() => /αποτελέσμα/.test(document.querySelector('.cisotra-search__status').textContent)")
    page.keyboard.press("Escape")
    assert not page.locator("#cisotra-search").evaluate("d => d.open")
    assert page.evaluate("document.activeElement.classList.contains('cisotra-search__open')")


def test_nothing_is_fetched_for_search_until_it_is_opened(served_site, visit):
    base, _ = served_site
    page = visit(base + "tr/")
    assert not [url for url in page.requests if "/search/" in url]
    page.page.locator(".cisotra-search__open").click()
    page.page.wait_for_function("() => document.querySelector('.cisotra-search__status').textContent === ''")
    assert [url for url in page.requests if "/search/" in url]


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
    page = visit(base + "si/timeline/").page  # the home page shows no menu beside the text
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


def test_a_script_the_site_did_not_write_is_refused_and_reported(served_site, visit):
    """The policy is live in the browser: a script slipped into a page does not run, and the
    violation is seen (the other browser tests rely on seeing none)."""
    base, _ = served_site
    page = visit(base + "timeline/", attack=True)
    page.page.evaluate(
        """() => {
          const inline = document.createElement("script");
          inline.textContent = "window.__ran = true";
          document.head.append(inline);
          const handler = document.createElement("img");
          handler.setAttribute("onerror", "window.__ran = true");
          handler.src = "data:,not-an-image";
          document.body.append(handler);
        }"""
    )
    page.page.wait_for_timeout(300)
    assert page.page.evaluate("window.__ran === undefined")
    found = page.violations()
    assert any(violation.startswith("script-src-elem blocked inline") for violation in found), found
    assert any(violation.startswith("script-src-attr blocked inline") for violation in found), found
