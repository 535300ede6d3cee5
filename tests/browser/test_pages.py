"""Every page type in every language, in a real browser: accessibility, privacy, errors, language switching, phones."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from sitecheck import LANGUAGES, PAGE_TYPES, PREFIXES

PAGES = {**PAGE_TYPES, "404": "no-such-page/"}
CASES = [(code, kind) for code in LANGUAGES for kind in PAGES]
IDS = [f"{code}-{kind.replace(' ', '-')}" for code, kind in CASES]


def url(base: str, code: str, kind: str) -> str:
    return base + PREFIXES[code] + PAGES[kind]


@pytest.mark.parametrize(("code", "kind"), CASES, ids=IDS)
def test_no_serious_accessibility_violation_no_foreign_request_no_console_error(served_site, visit, code, kind):
    from axe_playwright_python.sync_playwright import Axe

    base, _ = served_site
    page = visit(url(base, code, kind))
    assert page.response.status == (404 if kind == "404" else 200)
    results = Axe().run(page.page)
    serious = [
        (violation["id"], violation["impact"], [node["target"] for node in violation["nodes"]][:3])
        for violation in results.response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]
    assert serious == []
    assert page.violations() == []  # the page's Content-Security-Policy allows all it does, and no more
    own = urlsplit(base).netloc
    assert page.requests and all(urlsplit(request).netloc == own for request in page.requests), page.requests
    if kind == "404":
        # The page itself answers 404, which the browser reports in the console; nothing else may fail.
        assert page.failed == [page.page.url]
        assert [error for error in page.errors if "status of 404" not in error] == []
        assert len(page.errors) == 1
    else:
        assert page.failed == []
        assert page.errors == []


@pytest.mark.parametrize(
    ("code", "kind"), [case for case in CASES if case[1] != "404"], ids=[i for i in IDS if not i.endswith("404")]
)
def test_the_language_switcher_lands_on_the_same_page_in_each_language(served_site, visit, code, kind):
    base, _ = served_site
    page = visit(url(base, code, kind))
    links = page.page.locator("a.md-select__link")
    assert links.count() == len(LANGUAGES)
    for index in range(links.count()):
        link = links.nth(index)
        tag = link.get_attribute("hreflang")
        target_code = next(c for c, t in LANGUAGES.items() if t == tag)
        href = link.evaluate("element => element.href")
        assert href == url(base, target_code, kind), (tag, href)
        response = page.context.request.get(href)
        assert response.status == 200
        assert f'<html lang="{tag}"' in response.text()


@pytest.mark.parametrize("code", list(LANGUAGES))
@pytest.mark.parametrize("kind", ["home", "timeline", "news index", "newsletter issue"])
def test_on_a_phone_the_navigation_opens_and_closes_and_nothing_overflows(served_site, visit, code, kind):
    base, _ = served_site
    page = visit(url(base, code, kind), viewport={"width": 360, "height": 740}).page
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    drawer = page.locator("nav.md-nav--primary")
    assert not drawer.is_visible() or drawer.bounding_box()["x"] < -100 or not page.locator("#__drawer").is_checked()
    page.locator('label.md-header__button[for="__drawer"]').click()
    page.wait_for_timeout(400)
    assert page.locator("#__drawer").is_checked()
    box = drawer.bounding_box()
    assert box is not None and box["x"] >= 0
    page.locator("label.md-overlay").click(position={"x": 350, "y": 400})
    page.wait_for_timeout(400)
    assert not page.locator("#__drawer").is_checked()


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_the_leaflet_page_is_accessible_private_and_fits_a_phone(served_site, visit, code):
    """The leaflet stands outside the theme: checked on its own, at a phone's width."""
    from axe_playwright_python.sync_playwright import Axe

    base, _ = served_site
    page = visit(base + PREFIXES[code] + "leaflet/", viewport={"width": 360, "height": 740})
    assert page.response.status == 200
    assert page.page.locator("html").get_attribute("lang") == LANGUAGES[code]
    serious = [
        violation["id"]
        for violation in Axe().run(page.page).response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]
    assert serious == []
    assert page.violations() == []  # the page's Content-Security-Policy allows all it does, and no more
    own = urlsplit(base).netloc
    assert all(urlsplit(request).netloc == own for request in page.requests), page.requests
    assert page.failed == [] and page.errors == []
    overflow = page.page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    # Its link to the PDF names the language's file, printed next to it by `./run build`.
    assert page.page.locator('a[type="application/pdf"]').get_attribute("href") == f"cisotra-leaflet-{code}.pdf"
