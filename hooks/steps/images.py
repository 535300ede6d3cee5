"""Photos published fit for the web (cisotra.images): re-encoded where needed, with smaller versions for lead images.

Re-encoding is slow: each photo is made once per build (the `Photos` below) and kept in
.cache/images/ between builds (not in git).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import _site
from cisotra.images import RASTER, WebImage, reason_to_process, web_image
from cisotra.paths import file_site_path

if TYPE_CHECKING:
    from mkdocs.structure.files import Files

    from buildstate import SiteBuild


@dataclass
class Photos:
    """This build's web versions of photos, by their path under docs/."""

    lead: dict[str, WebImage | None] = field(default_factory=dict)  # posts' lead images, with smaller versions
    replaced: dict[str, WebImage | None] = field(default_factory=dict)  # photos that cannot be published as they are


def publish_for_the_web(site: SiteBuild, files: Files) -> None:
    """A photo too large or with EXIF data is published re-encoded at its own address; lead images
    get smaller versions beside them for `srcset`."""
    docs = site.docs_dir.resolve()
    for file in files.media_files():
        source = Path(file.abs_src_path) if file.abs_src_path else None
        if source and source.suffix.lower() in RASTER and source.resolve().is_relative_to(docs):
            photo = photo_to_replace(site, source.resolve().relative_to(docs).as_posix())
            if photo is not None:
                file.content_bytes = photo.full.data  # the same address, the web version's bytes
    for post in site.publication.posts(site.language.code):
        image = lead_image(site, post.image) if post.image else None
        if image is not None:
            _site.add_files(
                files,
                [_site.generated_media(site.config, path, rendition.data) for path, rendition in image.smaller.items()],
            )


def lead_image(site: SiteBuild, docs_path: str) -> WebImage | None:
    """A post's lead image in web sizes (None for a drawing, which needs none)."""
    photos = site.feature(Photos).lead
    if docs_path not in photos:
        source = site.docs_dir / docs_path
        photos[docs_path] = (
            web_image(source, file_site_path(docs_path, site.default.code), _cache(site), with_srcset=True)
            if source.suffix.lower() in RASTER
            else None
        )
    return photos[docs_path]


def photo_to_replace(site: SiteBuild, docs_path: str) -> WebImage | None:
    """A photo that cannot be published as it is (too large, or with EXIF data), re-encoded; else None."""
    photos = site.feature(Photos).replaced
    if docs_path not in photos:
        source = site.docs_dir / docs_path
        photos[docs_path] = (
            web_image(source, file_site_path(docs_path, site.default.code), _cache(site), with_srcset=False)
            if reason_to_process(source)
            else None
        )
    return photos[docs_path]


def _cache(site: SiteBuild) -> Path:
    return site.cache / "images"
