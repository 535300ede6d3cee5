"""The built site tells every reader the right language: html lang, hreflang, switcher, sitemap, theme words."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from sitecheck import LANGUAGES, content_pages, resolve

TAGS = set(LANGUAGES.values())


def test_every_page_declares_the_language_of_its_folder(site):
    pages = content_pages(site.site, site.project)
    assert {page.folder_code for page in pages} == set(LANGUAGES)
    wrong = [
        (str(p.path), p.soup.html.get("lang")) for p in pages if p.soup.html.get("lang") != LANGUAGES[p.folder_code]
    ]
    assert wrong == []


def test_no_page_calls_itself_sinhala(site):
    offenders = []
    for path in site.site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        if re.search(r'\b(?:lang|hreflang|xml:lang)="si"', text) or re.search("[\u0d80-\u0dff]", text):
            offenders.append(str(path.relative_to(site.site)))
    assert offenders == []


def test_hreflang_links_are_reciprocal_and_lead_to_pages_in_that_language(site):
    """Languages may have different pages (a post in two languages): each page announces the
    translations it has, and each of them announces it back. A page not yet translated
    announces only the original."""
    announced = {}
    for page in content_pages(site.site, site.project):
        url = page.url(site.site_url)
        links = {link["hreflang"]: link["href"] for link in page.soup.select('head link[rel="alternate"][hreflang]')}
        assert "x-default" in links and set(links) <= TAGS | {"x-default"}, page.path
        if page.soup.select_one(".cisotra-fallback"):
            assert LANGUAGES[page.folder_code] not in links, page.path
            continue
        assert links[LANGUAGES[page.folder_code]] == url, page.path
        for tag, href in links.items():
            target, _ = resolve(site.site, site.site_url, url, href)
            assert target is not None and target.exists(), (page.path, href)
            if tag != "x-default":
                assert f'<html lang="{tag}"' in target.read_text(encoding="utf-8"), (page.path, tag)
        announced[url] = links
    assert announced
    for url, links in announced.items():
        for tag, href in links.items():
            assert announced[href][tag] == href and url in announced[href].values(), (url, tag)


def test_language_switcher_lands_on_the_same_page_or_the_nearest_one_in_the_chosen_language(site):
    """Where a page has a translation, the switcher leads to it; where it has none (a post written in
    two languages), to a page in that language all the same (its news index)."""
    for page in content_pages(site.site, site.project):
        url = page.url(site.site_url)
        choices = page.soup.select("a.md-select__link")
        assert {a["hreflang"] for a in choices} == TAGS, page.path
        head = {link["hreflang"]: link["href"] for link in page.soup.select('head link[rel="alternate"][hreflang]')}
        for choice in choices:
            target, _ = resolve(site.site, site.site_url, url, choice["href"])
            assert target is not None and target.exists(), (page.path, choice["href"])
            assert f'<html lang="{choice["hreflang"]}"' in target.read_text(encoding="utf-8"), (
                page.path,
                choice["href"],
            )
            if choice["hreflang"] in head:
                announced, _ = resolve(site.site, site.site_url, url, head[choice["hreflang"]])
                assert target == announced, (page.path, choice["hreflang"])


def test_slovenian_pages_use_slovenian_interface_words(site, data):
    page = (site.site / "si" / "about" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'class="md-skip">\s*Skoči na vsebino\s*<', page)
    assert 'aria-label="Izberi jezik"' in page
    assert f'placeholder="{data.project.strings.get("si", "search.label")}"' in page


def test_greek_and_turkish_pages_use_their_interface_words(site):
    greek = (site.site / "el" / "index.html").read_text(encoding="utf-8")
    turkish = (site.site / "tr" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'class="md-skip">\s*Μετάβαση στο περιεχόμενο\s*<', greek)
    assert re.search(r'class="md-skip">\s*Ana içeriğe geç\s*<', turkish)


def test_sitemap_lists_every_translated_page_with_its_translations(site):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    tree = ET.parse(site.site / "sitemap.xml")
    listed = {url.find("s:loc", ns).text: url for url in tree.findall("s:url", ns)}
    # Pages not yet translated are not announced, nor pages kept from search engines (the photo page).
    own_pages = [
        page
        for page in content_pages(site.site, site.project)
        if not page.soup.select_one(".cisotra-fallback")
        and not page.soup.select_one('meta[name="robots"][content~="noindex"]')
    ]
    assert set(listed) == {page.url(site.site_url) for page in own_pages}
    for page in own_pages:
        url = page.url(site.site_url)
        alternates = {link.get("hreflang"): link.get("href") for link in listed[url].findall("x:link", ns)}
        head = {
            link["hreflang"]: link["href"]
            for link in page.soup.select('head link[rel="alternate"][hreflang]')
            if link["hreflang"] != "x-default"
        }
        assert alternates == head, url
        assert set(alternates) <= TAGS and url in alternates.values()


def test_the_404_page_helps_in_every_language(site):
    page = (site.site / "404.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in page
    for code, tag in LANGUAGES.items():
        assert f'<section class="cisotra-not-found" lang="{tag}"' in page, code
    # It is served at any depth, so its links must be absolute paths under the site's sub-path.
    assert 'href="/cisotra/si/"' in page
    # GitHub Pages serves only the site's /404.html: its script, a file of the site's own, picks the
    # language from the address (tests/browser/test_not_found.py). No language has a copy of its own.
    assert '<script src="/cisotra/assets/javascripts/cisotra-not-found.js"></script>' in page
    assert (site.site / "assets" / "javascripts" / "cisotra-not-found.js").is_file()
    assert not (site.site / "si" / "404.html").exists()
