"""Photos made fit for the web: no larger than needed, and without the camera's hidden data.

A partner uploads a photo as the camera made it: 6 MB, 4,000 pixels wide, with the place
it was taken in its EXIF data. Published as is, it costs visitors on phones seconds and
can tell anyone where the people in it were. So a photo that is over 1 MB, wider than
2,000 pixels, or carries EXIF data is published re-encoded (Pillow): turned upright,
at most 2,000 pixels wide, EXIF and XMP removed, at the same address. A post's lead
image also gets smaller versions for `srcset`, so phones load a small one.

Re-encoding is slow, so results are kept in a cache folder keyed by the photo's
content: an unchanged photo is read from there on the next build.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup
from PIL import Image, ImageOps

from .cachefiles import write_atomically
from .render import html

LIMIT_BYTES = 1_000_000
LIMIT_WIDTH = 2000
SRCSET_WIDTHS = (480, 960, 1600)
RASTER = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}
_SAVE = {
    "JPEG": {"quality": 82, "optimize": True, "progressive": True},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 80, "method": 6},
}


@dataclass(frozen=True)
class Rendition:
    width: int
    height: int
    data: bytes


@dataclass(frozen=True)
class WebImage:
    """A photo as published: its own address (largest version) and smaller ones for srcset."""

    site_path: str  # 'assets/images/news/photo.jpg'
    full: Rendition
    smaller: dict[str, Rendition]  # site path → rendition, narrower than `full`

    def srcset(self, link) -> str:
        """`link(site_path)` makes an href from the page."""
        candidates = [(path, rendition.width) for path, rendition in self.smaller.items()]
        candidates.append((self.site_path, self.full.width))
        return ", ".join(f"{link(path)} {width}w" for path, width in sorted(candidates, key=lambda item: item[1]))


def reason_to_process(source: Path) -> str | None:
    """Why this photo cannot be published as it is, or None."""
    if source.suffix.lower() not in RASTER:
        return None
    size = source.stat().st_size
    with Image.open(source) as image:
        if size > LIMIT_BYTES:
            return f"{size / 1_000_000:.1f} MB"
        if image.width > LIMIT_WIDTH:
            return f"{image.width} pixels wide"
        if image.getexif():
            return "EXIF data"
    return None


def web_image(source: Path, site_path: str, cache: Path, with_srcset: bool) -> WebImage:
    """The web versions of the photo at `source`, published at `site_path` (smaller ones beside it)."""
    data = source.read_bytes()
    key = hashlib.sha256(data).hexdigest()[:20]
    widths = SRCSET_WIDTHS if with_srcset else ()
    full = _rendition(data, LIMIT_WIDTH, cache / f"{key}-full{source.suffix.lower()}")
    smaller = {}
    stem, dot, extension = site_path.rpartition(".")
    for width in widths:
        if width < full.width:
            smaller[f"{stem}-{width}w{dot}{extension}"] = _rendition(
                data, width, cache / f"{key}-{width}{source.suffix.lower()}"
            )
    return WebImage(site_path, full, smaller)


def img_tag(image: WebImage, alt: str, link, sizes: str = "(max-width: 52rem) 100vw, 50rem") -> Markup:
    """An <img> with width and height (no layout shift while it loads) and a srcset for small screens."""
    return html(
        "img.html",
        src=link(image.site_path),
        srcset=image.srcset(link) if image.smaller else None,
        sizes=sizes,
        width=image.full.width,
        height=image.full.height,
        alt=alt,
        lazy=True,
    )


def plain_img_tag(src: str, alt: str) -> Markup:
    """An <img> of a file that is published as it is (a drawing)."""
    return html("img.html", src=src, srcset=None, sizes=None, width=None, height=None, alt=alt, lazy=False)


def _rendition(data: bytes, width: int, cached: Path) -> Rendition:
    if cached.exists():
        with Image.open(cached) as image:
            return Rendition(image.width, image.height, cached.read_bytes())
    with Image.open(io.BytesIO(data)) as original:
        kind = original.format or "JPEG"
        image = ImageOps.exif_transpose(original)  # upright, as the camera meant; drops the orientation tag
        if image.width > width:
            image = image.resize((width, round(image.height * width / image.width)), Image.Resampling.LANCZOS)
        if kind == "JPEG" and image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        out = io.BytesIO()
        # No exif=, no xmp=: the camera's data (place, time, device) stays behind. The colour
        # profile is kept, so colours look as the photographer saw them.
        options = dict(_SAVE.get(kind, {}))
        if icc := original.info.get("icc_profile"):
            options["icc_profile"] = icc
        image.save(out, format=kind, **options)
    rendition = Rendition(image.width, image.height, out.getvalue())
    write_atomically(cached, rendition.data)
    return rendition
