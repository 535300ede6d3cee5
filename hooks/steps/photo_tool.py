"""The page that cleans a photo in the visitor's own browser (cisotra.phototool), in every language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cisotra.languages import Alternate
from cisotra.paths import photo_tool_path
from cisotra.phototool import render_photo_tool

if TYPE_CHECKING:
    from buildstate import SiteBuild


def register_page(site: SiteBuild) -> None:
    """The photo page in this pass's language: not in the menu, the sitemap or search."""
    page = render_photo_tool(site.context(generator="the photo page"))
    alternates = {lang.code: Alternate(lang, photo_tool_path(lang.prefix), True) for lang in site.built}
    site.add_page(page, alternates, in_sitemap=False)
