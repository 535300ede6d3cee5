"""Puts the HTML the other hooks generated into each page, in place of its stand-ins (see _site.html_block)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

import _site

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


@event_priority(100)  # before the search index and the hooks that read the rendered page (feeds, e-mails)
@_site.timed
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    return _site.restore_html(html, searchable=True)


@event_priority(100)  # after the search index has read the page
@_site.timed
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str | None:
    return _site.restore_html(output, searchable=False)
