"""Photos published fit for the web (see cisotra.images): re-encoded where needed, with smaller versions for lead images;
and the page that cleans a photo in the visitor's browser (cisotra.phototool)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

import _site
from cisotra.images import RASTER
from cisotra.languages import Alternate
from cisotra.paths import photo_tool_path
from cisotra.phototool import render_photo_tool

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files


@event_priority(-110)  # after mkdocs-static-i18n has made this pass's files
@_site.timed
def on_files(files: Files, config: MkDocsConfig) -> Files:
    docs = Path(config.docs_dir).resolve()
    for file in files.media_files():
        source = Path(file.abs_src_path) if file.abs_src_path else None
        if source and source.suffix.lower() in RASTER and source.resolve().is_relative_to(docs):
            photo = _site.photo_to_replace(config, source.resolve().relative_to(docs).as_posix())
            if photo is not None:
                file.content_bytes = photo.full.data  # the same address, the web version's bytes
    for post in _site.publication(config).posts(_site.current(config).code):
        image = _site.web_image(config, post.image) if post.image else None
        if image is not None:
            for site_path, rendition in image.smaller.items():
                files.append(File.generated(config, site_path, content=rendition.data))
    _add_photo_tool(config)
    return files


def _add_photo_tool(config: MkDocsConfig) -> None:
    """The photo page in this pass's language: not in the menu, the sitemap or search."""
    built = _site.built_languages(config)
    page = render_photo_tool(_site.context(config, generator="the photo page"))
    alternates = {lang.code: Alternate(lang, photo_tool_path(lang.prefix), True) for lang in built}
    _site.add_page(config, page, alternates, in_sitemap=False)
