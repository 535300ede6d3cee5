"""Pages and feeds the steps make from data, added to MkDocs; and their generated HTML, put back into
the rendered pages in place of its stand-ins (standins.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import _site
from standins import check_written

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

    from buildstate import SiteBuild


def add_registered_pages(site: SiteBuild, files: Files) -> None:
    """Every page the steps registered in this pass, in path order: the order of the steps changes
    nothing in the output."""
    current = site.current
    prefix = current.language.prefix
    for item in sorted(current.generated, key=lambda registered: registered.page.site_path):
        file = _site.generated_file(site.config, item.page, prefix)
        files.append(file)
        current.alternates[file.src_uri] = item.alternates
        if not item.in_sitemap:
            current.unlisted.add(file.src_uri)


def announce_feeds(site: SiteBuild, env: Environment) -> None:
    """This language's feeds, in every page's <head>."""
    env.globals["site_feeds"] = site.feeds()


def put_back(site: SiteBuild, page: Page, html: str) -> str:
    return site.standins.restore(_page_name(page), page.url, html)


def check_arrived(site: SiteBuild, page: Page, output: str) -> None:
    check_written(_page_name(page), output)


def check_all_arrived(site: SiteBuild) -> None:
    site.standins.check_all_restored()


def _page_name(page: Page) -> str:
    return f"page {page.file.src_uri} ({page.url or '/'})"
