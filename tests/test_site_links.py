"""Every link inside the built site resolves, and nothing is loaded from another host."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from sitecheck import html_pages, ids, resolve

URL_ATTRIBUTES = ("href", "src", "srcset", "action", "poster", "data")
# Hyperlinks a visitor chooses to follow (to the repository on GitHub) load nothing by themselves.
EDITOR = "https://github.com/example/cisotra-site"


def _links(page):
    for element in page.soup.find_all(True):
        for attribute in URL_ATTRIBUTES:
            value = element.get(attribute)
            if not value:
                continue
            values = [part.strip().split(" ")[0] for part in value.split(",")] if attribute == "srcset" else [value]
            for url in values:
                yield element.name, attribute, url


def _broken_links(build):
    broken = []
    checked = 0
    for page in html_pages(build.site):
        if page.path.name in ("404.html", "email.html") or "leaflet" in page.path.parts:
            # 404: served at any depth, checked below; e-mails: checked in test_site_newsletters;
            # leaflets: their PDFs are printed after the build (tests/test_leaflets.py).
            continue
        url = page.url(build.site_url)
        for _element, _attribute, href in _links(page):
            if href.startswith(("mailto:", "tel:", "data:")):
                continue
            target, fragment = resolve(build.site, build.site_url, url, href)
            if target is None:
                continue  # other hosts are the next test's business
            checked += 1
            if not target.exists():
                broken.append((str(page.path), href, "no such file"))
            elif fragment and target.suffix == ".html" and fragment not in ids(target):
                broken.append((str(page.path), href, f"no anchor #{fragment}"))
    return checked, broken


@pytest.mark.parametrize("which", ["site", "fixture_sub_path", "root_site"])
def test_every_internal_link_and_anchor_resolves(which, request):
    build = request.getfixturevalue(which)
    checked, broken = _broken_links(build)
    assert checked > len(list(html_pages(build.site)))  # every page links at least to the others in its menu
    assert broken == []


def test_the_404_page_links_resolve_from_any_depth(site):
    text = (site.site / "404.html").read_text(encoding="utf-8")
    hrefs = re.findall(r'(?:href|src)="([^"#]+)', text)
    assert hrefs
    for href in hrefs:
        if href.startswith(EDITOR):
            continue
        if href.startswith("https://example.org/"):
            href = href[len("https://example.org") :]
        assert href.startswith("/cisotra/"), href
        target, _ = resolve(site.site, site.site_url, "https://example.org/cisotra/any/depth/x/", href)
        assert target is not None and target.exists(), href


def test_no_page_or_stylesheet_loads_anything_from_another_host(site):
    own = urlsplit(site.site_url).netloc
    foreign = []
    for page in html_pages(site.site):
        for tag, _attribute, href in _links(page):
            host = urlsplit(href).netloc
            # A link elsewhere (a licence, a privacy statement) is followed only if the visitor
            # chooses to; everything else here would be fetched as the page loads.
            if host and host != own and tag != "a":
                foreign.append((str(page.path), tag, href))
    for css in site.site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        for url in re.findall(r"""url\(\s*['"]?([^'")]+)""", text) + re.findall(r"""@import\s+['"]([^'"]+)""", text):
            if urlsplit(url).netloc:
                foreign.append((str(css.relative_to(site.site)), "css", url))
    assert foreign == []


def test_the_project_scripts_name_no_other_host(site):
    # Material's own bundle is checked in a real browser (tests/browser), where what matters
    # is the requests it makes, not the URLs in its licence comments.
    own_scripts = list((site.site / "assets" / "javascripts").glob("cisotra*.js"))
    for script in own_scripts:
        assert not re.search(r"https?://", script.read_text(encoding="utf-8")), script


def test_no_stand_in_for_generated_html_is_left_in_any_page(site):
    # The hooks put generated HTML in after Markdown rendering (see hooks/_site.py); the
    # build fails if one is left, and this looks at every written page for any kind of them.
    left = [
        str(page.path)
        for page in html_pages(site.site)
        if "<!--cisotra-html" in (site.site / page.path).read_text(encoding="utf-8")
    ]
    assert not left


def test_navigation_and_footer_links_name_their_pages(site):
    # Pages are built one after another and let go of their text once written
    # (language_hook.on_post_page); later pages must still show the earlier ones' titles.
    unnamed = []
    for page in html_pages(site.site):
        for link in page.soup.select("a.md-footer__link, a.md-nav__link"):
            label = link.get("aria-label") or link.get_text(" ", strip=True)
            if not label or label == "None" or label.endswith(": None"):
                unnamed.append((str(page.path), str(link)[:120]))
    assert not unnamed
