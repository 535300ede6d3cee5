"""Every page type in every language, in a real browser: accessibility, privacy, errors, language switching, phones."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from screen_fit import cut_parts

from sitecheck import LANGUAGES, PAGE_TYPES, PREFIXES

PAGES = {**PAGE_TYPES, "404": "no-such-page/"}
CASES = [(code, kind) for code in LANGUAGES for kind in PAGES]
IDS = [f"{code}-{kind.replace(' ', '-')}" for code, kind in CASES]
SCREENS = {"phone": {"width": 360, "height": 740}, "computer": {"width": 1280, "height": 900}}


def url(base: str, code: str, kind: str) -> str:
    return base + PREFIXES[code] + PAGES[kind]


# Each page type of each language is loaded once per screen, and every check that only reads it runs
# on that load (pytest runs the tests of one parameter together): a few hundred loads fewer.
def _shown(request, served_site, browser, screen: str):
    from conftest import Visit  # the browser suite's own conftest (tests/browser/)

    code, kind = request.param
    base, _ = served_site
    page = Visit(browser, url(base, code, kind), SCREENS[screen])
    yield code, kind, page
    try:
        assert page.violations() == [], page.violations()  # whatever the tests did on the page
    finally:
        page.close()


@pytest.fixture(scope="module", params=CASES, ids=IDS)
def on_computer(request, served_site, browser):
    yield from _shown(request, served_site, browser, "computer")


@pytest.fixture(scope="module", params=CASES, ids=IDS)
def on_phone(request, served_site, browser):
    yield from _shown(request, served_site, browser, "phone")


def test_no_serious_accessibility_violation_no_foreign_request_no_console_error(served_site, on_computer):
    from axe_playwright_python.sync_playwright import Axe

    base, _ = served_site
    code, kind, page = on_computer
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


def test_the_language_switcher_lands_on_the_same_page_in_each_language(served_site, on_computer):
    base, _ = served_site
    code, kind, page = on_computer
    links = page.page.locator("a.md-select__link")
    assert links.count() == len(LANGUAGES)
    for index in range(links.count()):
        link = links.nth(index)
        tag = link.get_attribute("hreflang")
        target_code = next(c for c, t in LANGUAGES.items() if t == tag)
        href = link.evaluate("element => element.href")
        # The 404 page is one page for every language: it leads to each language's home page.
        assert href == url(base, target_code, "home" if kind == "404" else kind), (tag, href)
        response = page.context.request.get(href)
        assert response.status == 200
        assert f'<html lang="{tag}"' in response.text()


def test_on_a_phone_the_navigation_opens_and_closes_and_nothing_overflows(on_phone):
    code, kind, shown = on_phone
    page = shown.page
    if kind == "404":
        # No menu on the one 404 page for every language (the theme's menu is in one language);
        # each language's part links its home page instead (test_not_found.py).
        assert page.locator('label.md-header__button[for="__drawer"]').count() == 0
        return
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    drawer = page.locator("nav.md-nav--primary")
    assert not drawer.is_visible() or drawer.bounding_box()["x"] < -100 or not page.locator("#__drawer").is_checked()
    page.locator('label.md-header__button[for="__drawer"]').click()
    # Opened: the box slides in (a transition); waited for as it happens, not for a fixed time.
    page.wait_for_function(
        "() => document.getElementById('__drawer').checked && "
        "document.querySelector('nav.md-nav--primary').getBoundingClientRect().x >= 0",
        timeout=5_000,
    )
    page.locator("label.md-overlay").click(position={"x": 350, "y": 400})
    page.wait_for_function("() => !document.getElementById('__drawer').checked", timeout=5_000)


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
    assert cut_parts(page.page, scroll_boxes_allowed=True) == []
    # Its link to the PDF names the language's file, printed next to it by `./run build`.
    assert page.page.locator('a[type="application/pdf"]').get_attribute("href") == f"cisotra-leaflet-{code}.pdf"


def test_on_a_computer_no_table_or_other_element_is_cut_or_wider_than_the_screen(on_computer):
    """On a computer nothing needs to scroll sideways."""
    _code, _kind, page = on_computer
    assert cut_parts(page.page, scroll_boxes_allowed=False) == []


def test_on_a_phone_only_a_table_in_a_box_made_for_it_scrolls(on_phone):
    """On a phone, a wide table may scroll sideways in a box made for it (focusable and named, so the
    keyboard reaches it); nothing else is cut or wider than the screen."""
    _code, _kind, page = on_phone
    assert cut_parts(page.page, scroll_boxes_allowed=True) == []


# A box of the page's text that clips a table wider than itself; made reachable on request.
TOO_WIDE = """(reachable) => {
  const box = document.createElement("div");
  box.className = "cisotra-test-box";
  box.style.overflowX = "auto";  // through the CSS object model, which the page's policy allows
  if (reachable) { box.tabIndex = 0; box.setAttribute("aria-label", "A wide table"); }
  const table = document.createElement("table");
  table.className = "cisotra-test-wide";
  table.style.width = "2000px";
  table.insertRow().insertCell().textContent = "Προβλεπόμενες θέσεις";
  box.append(table);
  document.querySelector("article").prepend(box);
}"""


@pytest.mark.parametrize("screen", list(SCREENS))
def test_the_check_finds_a_cut_table_and_lets_only_a_reachable_box_scroll_on_a_phone(served_site, visit, screen):
    base, _ = served_site
    page = visit(url(base, "el", "timeline"), viewport=SCREENS[screen]).page
    phone = screen == "phone"
    assert cut_parts(page, phone) == []
    page.evaluate(TOO_WIDE, False)
    found = cut_parts(page, phone)
    assert len(found) == 1 and found[0].startswith("div.cisotra-test-box") and "table.cisotra-test-wide" in found[0]
    page.reload()
    page.evaluate(TOO_WIDE, True)
    assert (cut_parts(page, phone) == []) is phone


@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize("code", list(LANGUAGES))
def test_the_home_page_has_the_sites_menu(served_site, visit, code, screen):
    """Contact and legal notice, the work packages and the indicators are reached from the home page:
    in the menu beside the text on a computer, in the menu the header's button opens on a phone."""
    base, _ = served_site
    page = visit(base + PREFIXES[code], viewport=SCREENS[screen]).page
    if screen == "phone":
        page.locator('label.md-header__button[for="__drawer"]').click()
        page.wait_for_timeout(400)
    shown = page.locator("nav.md-nav--primary a.md-nav__link:visible").evaluate_all("links => links.map(a => a.href)")
    for target in ("about/", "work-packages/", "timeline/", "indicators/", "results/", "partners/", "contact/"):
        assert base + PREFIXES[code] + target in shown, (target, shown)
    if screen == "computer":
        assert page.locator("#__drawer").is_checked() is False  # nothing had to be opened


# Each label of the partner map: its text, the box it covers and its font size on the screen (px).
MAP_LABELS = """() => [...document.querySelectorAll("svg.cisotra-map .cisotra-map__pin")].map((pin) => {
  const label = pin.querySelector("text");
  const box = (element) => { const r = element.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  return {
    text: label.textContent,
    label: box(label),
    dot: box(pin.querySelector("circle")),
    size: parseFloat(getComputedStyle(label).fontSize) * label.getScreenCTM().a,
    map: box(label.ownerSVGElement),
  };
})"""


def _overlap(one, other) -> bool:
    return min(one[2], other[2]) > max(one[0], other[0]) and min(one[3], other[3]) > max(one[1], other[1])


@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize("where", ["", "leaflet/"], ids=["home", "leaflet"])
@pytest.mark.parametrize("code", list(LANGUAGES))
def test_the_partner_maps_labels_are_12_px_high_at_least_and_cover_no_other(served_site, visit, code, where, screen):
    base, _ = served_site
    page = visit(base + PREFIXES[code] + where, viewport=SCREENS[screen]).page
    pins = page.evaluate(MAP_LABELS)
    assert len(pins) >= 2
    for pin in pins:
        height = pin["label"][3] - pin["label"][1]
        assert height >= 12 and pin["size"] >= 12, (pin["text"], height, pin["size"])
        inside = pin["map"][0] <= pin["label"][0] and pin["label"][2] <= pin["map"][2]
        assert inside and pin["map"][1] <= pin["label"][1] and pin["label"][3] <= pin["map"][3], pin
        for other in pins:
            if other is not pin:
                assert not _overlap(pin["label"], other["label"]), (pin["text"], other["text"])
                assert not _overlap(pin["label"], other["dot"]), (pin["text"], other["text"])
