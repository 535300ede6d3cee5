"""The quality indicators page (WP9) of each language, and the activities exported as CSV and JSON (cisotra.indicators).

A page marked `indicators: true` in its front matter (docs/<language>/indicators.md) gets the
tables before its first section; its own text (the strengths, weaknesses, opportunities
and threats the consortium writes) stays the partners' to edit.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import _site
from cisotra.indicators import EXPORT_CSV, EXPORT_JSON, records, render_indicators, to_csv, to_json
from cisotra.markup import insert_before_first_section

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

GENERATOR = "the indicators hook"


@_site.timed
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if not page.meta.get("indicators"):
        return None
    # Eight columns need the width the table of contents would take: beside it they were cut on a
    # 1280 px screen. The page's sections are still listed in the menu's drawer on narrower screens.
    page.meta.setdefault("hide", ["toc"])
    text = _site.text_language(page, config).code
    ctx = _site.context(config, page.url, text_code=text, generator=GENERATOR)
    block = ctx.html_block(render_indicators(_site.project(config).activities, ctx, (EXPORT_CSV, EXPORT_JSON)))
    return insert_before_first_section(markdown, block)


@_site.timed
def on_post_build(config: MkDocsConfig) -> None:
    """The exports hold the default language's titles and are the same for every language: written once."""
    if not _site.current(config).default and _site.default(config) in _site.built_languages(config):
        return
    items = records(_site.project(config).activities, _site.default(config).code, _site.today(config))
    site = Path(config.site_dir)
    (site / EXPORT_CSV).parent.mkdir(parents=True, exist_ok=True)
    (site / EXPORT_CSV).write_bytes(to_csv(items))
    (site / EXPORT_JSON).write_bytes(to_json(items))
