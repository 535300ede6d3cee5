"""The contact lines (cisotra.contact) at the start of the first section of a page marked `contact: true`."""

from __future__ import annotations

from typing import TYPE_CHECKING

import _site
from cisotra.contact import render_contact
from cisotra.markup import insert_into_first_section

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
    return insert_into_first_section(markdown, block)
