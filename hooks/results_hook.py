"""The results library (cisotra.results, cisotra.resultspages): the outputs on the results page and on their work package's page.

A page marked `results: true` in its front matter (docs/<language>/results.md) gets the list
before its first section, so its introduction stays the partners' to edit; a work package
page (`work_package: N`) gets its own outputs in a section at the end.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

import _site
from cisotra.markup import insert_before_first_section
from cisotra.paths import leaflet_path
from cisotra.render import markdown
from cisotra.resultspages import render_results, render_work_package_results

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

GENERATOR = "the results hook"


@event_priority(-20)  # the last section of a work package page, whatever the hooks' order
@_site.timed
def on_page_markdown(page_markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    results = _site.project(config).results
    text = _site.text_language(page, config).code
    ctx = _site.context(config, page.url, text_code=text, generator=GENERATOR)
    if page.meta.get("results"):
        leaflet = leaflet_path(_site.current(config).prefix)
        block = ctx.html_block(render_results(results, ctx, leaflet), searchable=False)
        return insert_before_first_section(page_markdown, block)
    work_package = page.meta.get("work_package")
    if work_package is None:
        return None
    html = render_work_package_results(results, int(work_package), ctx)
    if html is None:
        return None
    block = ctx.html_block(html, searchable=False)
    return page_markdown + markdown("section.md", heading=ctx.text("results.title"), anchor="results", block=block)
