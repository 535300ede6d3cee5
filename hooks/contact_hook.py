"""The contact lines (cisotra.contact) at the start of the first section of a page marked `contact: true`."""

from __future__ import annotations

from typing import TYPE_CHECKING

import _site
from cisotra.contact import render_contact

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

GENERATOR = "the contact hook"


@_site.timed
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if not page.meta.get("contact"):
        return None
    text = _site.text_language(page, config).code
    ctx = _site.context(config, page.url, text_code=text, generator=GENERATOR)
    block = ctx.html_block(render_contact(_site.consortium(config), ctx))
    lines = markdown.split("\n")
    first_section = next((index for index, line in enumerate(lines) if line.startswith("## ")), None)
    if first_section is None:
        return markdown + "\n\n" + block + "\n"
    return "\n".join([*lines[: first_section + 1], "", block, *lines[first_section + 1 :]])
