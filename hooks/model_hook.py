"""The CiSoTRA model (WP8) on the page marked `model: true` (docs/<language>/work-packages/wp8.md): cisotra.model."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

import _site
from cisotra.markup import inline
from cisotra.model import render_scheme, render_text

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

GENERATOR = "the model hook"


@event_priority(-10)  # on the WP8 page: after the activities, before the results
@_site.timed
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if not page.meta.get("model"):
        return None
    project = _site.project(config)
    text = _site.text_language(page, config).code
    ctx = _site.context(config, page.url, text_code=text, generator=GENERATOR)
    model = project.model
    heading = f"\n\n## {inline(ctx.text('model.heading'))} {{#scheme}}\n\n"
    if not model.nodes:
        return markdown + heading + ctx.html("model.empty") + "\n"
    description = ctx.text("model.description", count=len(model.nodes), connections=len(model.connections))
    scheme = render_scheme(model, ctx.code, ctx.default_code, ctx.default_tag, ctx.text("model.heading"), description)
    labels = {key: ctx.text(f"model.{key}") for key in ("change", "organisations", "connections")}
    listing = render_text(model, ctx.code, ctx.default_code, ctx.default_tag, labels)
    return (
        markdown
        + heading
        + ctx.html_block(f'<figure class="cisotra-model__figure">{scheme}</figure>\n{listing}')
        + "\n"
    )
