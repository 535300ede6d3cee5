"""The CiSoTRA model (WP8) on the page marked `model: true` (docs/<language>/work-packages/wp8.md): cisotra.model."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

import _site
from cisotra.model import render_scheme, render_text
from cisotra.render import html, markdown

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

GENERATOR = "the model hook"


@event_priority(-10)  # on the WP8 page: after the activities, before the results
@_site.timed
def on_page_markdown(page_markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if not page.meta.get("model"):
        return None
    project = _site.project(config)
    text = _site.text_language(page, config).code
    ctx = _site.context(config, page.url, text_code=text, generator=GENERATOR)
    model = project.model
    if not model.nodes:
        return page_markdown + markdown("model.md", ctx=ctx, body=ctx.text("model.empty"))
    description = ctx.text("model.description", count=len(model.nodes), connections=len(model.connections))
    scheme = render_scheme(model, ctx.code, ctx.default_code, ctx.default_tag, ctx.text("model.heading"), description)
    labels = {key: ctx.text(f"model.{key}") for key in ("change", "organisations", "connections")}
    listing = render_text(model, ctx.code, ctx.default_code, ctx.default_tag, labels)
    block = ctx.html_block(html("model.html", scheme=scheme, listing=listing))
    return page_markdown + markdown("model.md", ctx=ctx, body=block)
