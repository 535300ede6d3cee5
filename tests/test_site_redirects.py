"""The redirect pages at the addresses of moved pages (data/redirects.yml), in the real site.

The suite's partner renames a post as CONTRIBUTING.md section 8 says (tests/partner.py), so the
site has at least one. A redirect page is not a page of the site: it sends visitors and search
engines on at once (a meta refresh), names the new address as the canonical one and asks search
engines not to index it. It has no language versions, share card or menu of its own, and the
site-wide checks of pages leave it out (tests/sitecheck.py, content_pages); this test checks it.
"""

from __future__ import annotations

from urllib.parse import urljoin

from bs4 import BeautifulSoup
from partner import renamed_post

from sitecheck import LANGUAGES, PREFIXES, content_pages, redirect_pages


def test_every_redirect_line_has_a_page_in_every_language_that_sends_to_the_new_address(site):
    pages = redirect_pages(site.project)
    old, new = renamed_post()
    assert {code for code, _ in pages.values()} == set(LANGUAGES)
    assert f"{PREFIXES['el']}news/{old}/index.html" in pages  # the partner's rename is among them
    for stub, (code, target) in pages.items():
        page = BeautifulSoup((site.site / stub).read_text(encoding="utf-8"), "html.parser")
        address = site.site_url + stub.removesuffix("index.html")
        assert page.html["lang"] == LANGUAGES[code], stub
        assert page.select_one('meta[name="robots"]')["content"] == "noindex", stub
        assert page.select_one('link[rel="canonical"]')["href"] == site.site_url + target, stub
        refresh = page.select_one('meta[http-equiv="refresh"]')["content"]
        assert refresh.startswith("0; url="), stub
        link = refresh.removeprefix("0; url=")
        # Relative, so it works under the sub-path the site is published at; the link in the text is the same.
        assert urljoin(address, link) == site.site_url + target, stub
        assert page.select_one("body a")["href"] == link, stub
        arrived = BeautifulSoup((site.site / target / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert arrived.html["lang"] == LANGUAGES[code], target
    assert f"news/{new}/" in {target.removeprefix(PREFIXES[code]) for code, target in pages.values()}


def test_redirect_pages_are_left_out_of_the_sitemap_and_the_site_wide_checks(site):
    pages = redirect_pages(site.project)
    assert pages
    sitemap = (site.site / "sitemap.xml").read_text(encoding="utf-8")
    checked = {page.path.as_posix() for page in content_pages(site.site, site.project)}
    for stub, (_code, target) in pages.items():
        assert f"<loc>{site.site_url}{stub.removesuffix('index.html')}</loc>" not in sitemap, stub
        assert f"<loc>{site.site_url}{target}</loc>" in sitemap, target
        assert stub not in checked and f"{target}index.html" in checked, stub
