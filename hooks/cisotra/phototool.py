"""The photo page (/clean-photo/, not in the menu): a photo cleaned in the visitor's own browser, nothing uploaded.

Partners who upload on GitHub's web page have no terminal for `./run photos`. This page
reads a photo chosen from their computer, draws it upright on a canvas and saves the
canvas as a new file (docs/assets/javascripts/cisotra-photo.js): a canvas holds pixels
only, so the copy has no EXIF, GPS or XMP data. The file is named the way the site
needs (lower-case letters and hyphens). The page's words are in data/strings/<language>.yml
(photo_tool); it is kept out of search, the sitemap and search engines.
"""

from __future__ import annotations

from .context import Context
from .pages import GeneratedPage
from .paths import PHOTO_SCRIPT, photo_tool_path
from .render import html

STRINGS = (
    "intro",
    "step_choose",
    "step_download",
    "step_upload",
    "choose",
    "working",
    "failed",
    "privacy",
    "no_script",
)


def render_photo_tool(ctx: Context) -> GeneratedPage:
    """The page in the context's language."""
    path = photo_tool_path(ctx.prefix)
    ctx = ctx.at(path)
    values = {key: ctx.text(f"photo_tool.{key}") for key in STRINGS}
    # The script fills in the name of the file it saves.
    values["done"] = ctx.text("photo_tool.done", name="{name}")
    values["download"] = ctx.text("photo_tool.download", name="{name}")
    values["download_again"] = ctx.text("photo_tool.download", name="…")  # hidden until the script names the copy
    tool = html("clean-photo.html", script=ctx.link(PHOTO_SCRIPT), **values)
    return GeneratedPage(
        path,
        ctx.text("photo_tool.title"),
        ctx.text("photo_tool.description"),
        ctx.html_block(tool, searchable=False),
        searchable=False,
        meta={"robots": "noindex"},
    )
