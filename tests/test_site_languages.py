"""The built site tells every reader the right language: html lang, hreflang, switcher, sitemap, theme words."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict

from sitecheck import LANGUAGES, content_pages, resolve

TAGS = set(LANGUAGES.values())


def test_every_page_declares_the_language_of_its_folder(site):
    pages = content_pages(site.site)
    assert len(pages) >= 6 * 16
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


def test_each_language_has_the_same_pages(site):
    by_language = defaultdict(set)
    for page in content_pages(site.site):
        path = page.path.as_posix()
        prefix = "" if page.folder_code == "en" else page.folder_code + "/"
        by_language[page.folder_code].add(path[len(prefix) :])
    assert set(by_language) == set(LANGUAGES)
    assert all(pages == by_language["en"] for pages in by_language.values())


def test_hreflang_links_are_complete_reciprocal_and_lead_to_pages_in_that_language(site):
    announced = {}
    for page in content_pages(site.site):
        url = page.url(site.site_url)
        links = {link["hreflang"]: link["href"] for link in page.soup.select('head link[rel="alternate"][hreflang]')}
        assert set(links) == TAGS | {"x-default"}, page.path
        assert links[LANGUAGES[page.folder_code]] == url, page.path
        for tag, href in links.items():
            target, _ = resolve(site.site, site.site_url, url, href)
            assert target is not None and target.exists(), (page.path, href)
            if tag != "x-default":
                assert f'<html lang="{tag}"' in target.read_text(encoding="utf-8"), (page.path, tag)
        announced[url] = links
    for url, links in announced.items():
        for tag, href in links.items():
            assert announced[href][tag] == href and url in announced[href].values(), (url, tag)


def test_language_switcher_lands_on_the_same_page_in_the_chosen_language(site):
    for page in content_pages(site.site):
        url = page.url(site.site_url)
        choices = page.soup.select("a.md-select__link")
        assert {a["hreflang"] for a in choices} == TAGS, page.path
        head = {link["hreflang"]: link["href"] for link in page.soup.select('head link[rel="alternate"][hreflang]')}
        for choice in choices:
            target, _ = resolve(site.site, site.site_url, url, choice["href"])
            assert target is not None and target.exists(), (page.path, choice["href"])
            expected, _ = resolve(site.site, site.site_url, url, head[choice["hreflang"]])
            assert target == expected, (page.path, choice["hreflang"])


def test_slovenian_pages_use_slovenian_interface_words(site):
    page = (site.site / "si" / "about" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'class="md-skip">\s*Skoči na vsebino\s*<', page)
    assert 'aria-label="Izberi jezik"' in page
    assert 'placeholder="Išči"' in page


def test_greek_and_turkish_pages_use_their_interface_words(site):
    greek = (site.site / "el" / "index.html").read_text(encoding="utf-8")
    turkish = (site.site / "tr" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'class="md-skip">\s*Μετάβαση στο περιεχόμενο\s*<', greek)
    assert re.search(r'class="md-skip">\s*Ana içeriğe geç\s*<', turkish)


def test_sitemap_announces_language_tags_not_folder_names(site):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    tree = ET.parse(site.site / "sitemap.xml")
    urls = tree.findall("s:url", ns)
    assert len(urls) == len(content_pages(site.site))
    for url in urls:
        loc = url.find("s:loc", ns).text
        assert loc.startswith(site.site_url) and "/./" not in loc
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)}
        assert set(alternates) == TAGS, loc
        assert loc in alternates.values()


def test_search_configuration_names_no_folder_code(site):
    import json

    config = json.loads((site.site / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]
    assert "si" not in config["lang"]


def test_the_404_page_helps_in_every_language(site):
    page = (site.site / "404.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in page
    for code, tag in LANGUAGES.items():
        assert f'<section class="cisotra-not-found" lang="{tag}"' in page, code
    # It is served at any depth, so its links must be absolute paths under the site's sub-path.
    assert 'href="/cisotra/si/"' in page
    assert not (site.site / "si" / "404.html").exists()
