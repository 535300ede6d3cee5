"""The site-wide 404 page speaks the language of the address asked for.

GitHub Pages answers every missing address with the site's one /404.html (served here the
same way, under the site's sub-path). Its script gives the page the language whose folder the
address is in; without scripts it shows every language, each marked with its own.
"""

from __future__ import annotations

import pytest

from sitecheck import LANGUAGES, PREFIXES

PHONE = {"width": 360, "height": 740}
COMPUTER = {"width": 1280, "height": 900}
# The text of every shown element that says which language it is in (the language switcher's
# links name each language in its own, and say so with hreflang, not lang).
SHOWN_LANGUAGES = """() => [...document.body.querySelectorAll("[lang]")]
  .filter((element) => element.checkVisibility({ visibilityProperty: true }))
  .map((element) => element.lang)"""


def words(data, code: str) -> dict:
    return data.project.strings.table(code)


@pytest.mark.parametrize("screen", ["phone", "computer"])
@pytest.mark.parametrize("code", list(LANGUAGES))
def test_a_missing_address_is_answered_in_its_languages_words(served_site, visit, data, code, screen):
    base, _ = served_site
    tag, own = LANGUAGES[code], words(data, code)
    page = visit(base + PREFIXES[code] + "no/such/page/", viewport=PHONE if screen == "phone" else COMPUTER)
    assert page.response.status == 404
    shown = page.page
    assert shown.locator("html").get_attribute("lang") == tag
    assert shown.title() == f"{own['not_found.title']} – CiSoTRA"
    assert set(shown.evaluate(SHOWN_LANGUAGES)) == {tag}
    block = shown.locator("section.cisotra-not-found:visible")
    assert block.count() == 1 and block.get_attribute("lang") == tag
    assert block.locator("h2").inner_text() == own["not_found.title"]
    assert own["not_found.text"] in block.inner_text()
    home = block.locator("a", has_text=own["not_found.home"])
    assert home.evaluate("a => a.href") == base + PREFIXES[code]
    # Seen at once on a phone: the heading, the text and the way home are above the fold.
    assert home.bounding_box()["y"] + home.bounding_box()["height"] <= PHONE["height"]
    footer = shown.locator(".cisotra-funding > div:visible")
    assert footer.count() == 1 and footer.get_attribute("lang") == tag
    assert data.project.funding[code].statement in footer.inner_text()
    # No menu in another language, and no button for a menu that is not there.
    assert shown.locator("nav.md-nav--primary").count() == 0
    assert shown.locator('label.md-header__button[for="__drawer"]').count() == 0
    assert shown.locator(".md-select > button").get_attribute("aria-label") not in ("", None)
    # The page answers 404, which the browser reports in its console; nothing else goes wrong.
    assert len(page.errors) == 1 and "status of 404" in page.errors[0]


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_its_search_is_in_the_language_of_the_address(served_site, visit, data, code):
    """The words, the stemming and the index of the search are the address's language's."""
    base, _ = served_site
    own = words(data, code)
    page = visit(base + PREFIXES[code] + "no-such-page/").page
    opener = page.locator(".cisotra-search__open")
    assert opener.get_attribute("title") == own["search.open"]
    opener.click()
    assert page.locator("#cisotra-search-input").get_attribute("placeholder") == own["search.label"]
    assert page.locator(".cisotra-search__hint").inner_text() == own["search.hint"]
    page.locator("#cisotra-search-input").press_sequentially("Erasmus", delay=20)
    page.wait_for_function("() => document.querySelectorAll('.cisotra-search__result').length > 0", timeout=10_000)
    found = page.locator(".cisotra-search__result > a").evaluate_all("links => links.map(a => a.href)")
    others = tuple(base + prefix for other, prefix in PREFIXES.items() if other != code and prefix)
    assert all(href.startswith(base + PREFIXES[code]) and not href.startswith(others) for href in found), found


def test_an_address_outside_every_language_folder_is_answered_in_the_default_language(served_site, visit):
    base, _ = served_site
    default = next(code for code, prefix in PREFIXES.items() if not prefix)
    for address in ("elx/page/", "no-such-page", "news/2099/"):
        page = visit(base + address).page
        assert page.locator("html").get_attribute("lang") == LANGUAGES[default], address
        assert page.locator("section.cisotra-not-found:visible").get_attribute("lang") == LANGUAGES[default]


def test_without_scripts_it_shows_every_language_each_marked_with_its_own(served_site, browser, data):
    base, _ = served_site
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    try:
        page = context.new_page()
        assert page.goto(base + "tr/no-such-page/").status == 404
        blocks = page.locator("section.cisotra-not-found")
        assert [blocks.nth(i).get_attribute("lang") for i in range(blocks.count())] == list(LANGUAGES.values())
        for index, code in enumerate(LANGUAGES):
            assert blocks.nth(index).is_visible()
            assert blocks.nth(index).locator("h2").inner_text() == words(data, code)["not_found.title"]
        footers = page.locator(".cisotra-funding > div[lang]")
        assert [footers.nth(i).get_attribute("lang") for i in range(footers.count())] == list(LANGUAGES.values())
        # A line of links to each language's block, so a visitor need not scroll through the others.
        jumps = page.locator(".cisotra-not-found__languages a")
        assert jumps.count() == len(LANGUAGES) and jumps.first.is_visible()
        assert jumps.nth(len(LANGUAGES) - 1).get_attribute("href") == f"#not-found-{list(LANGUAGES)[-1]}"
    finally:
        context.close()
