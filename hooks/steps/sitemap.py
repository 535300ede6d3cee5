"""The sitemap: every translated page with its translations, written once from what the passes noted
(Material's own sitemap template is switched off: it would list one language)."""

from __future__ import annotations

import gzip
from typing import TYPE_CHECKING

import _site
from cisotra.sitemap import render_sitemap

if TYPE_CHECKING:
    from mkdocs.structure.pages import Page

    from buildstate import SiteBuild


def drop_theme_sitemap(site: SiteBuild) -> None:
    site.config.theme.static_templates.discard("sitemap.xml")


def note_page(site: SiteBuild, page: Page, output: str) -> None:
    if site.in_sitemap(page):
        alternates = [(alt.language.tag, alt.url) for alt in site.alternates(page) if alt.translated]
        site.current.sitemap.append((_site.site_path(page.url), alternates))


def write_sitemap(site: SiteBuild) -> None:
    sitemap = render_sitemap([entry for done in site.passes.values() for entry in done.sitemap], site.site_url)
    site.write("sitemap.xml", sitemap)
    site.write("sitemap.xml.gz", gzip.compress(sitemap, mtime=0))
