"""The home page of each language (docs/<language>/index.md) with what cisotra.home makes from the data."""

from __future__ import annotations

from typing import TYPE_CHECKING

import _site
from cisotra.home import (
    HomeParts,
    render_figures,
    render_intro,
    render_news,
    render_newsletter,
    render_partners,
    render_upcoming,
)
from cisotra.markup import insert_after_title
from cisotra.render import markdown

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

GENERATOR = "the home page hook"


@_site.timed
def on_page_markdown(page_markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if _site.path_in_language(page, config) != "index.md" or _site.is_fallback(page, config):
        return None
    # The menu stays (contact, legal notice and every section are reached from here); the table
    # of contents goes, so the map and figures have the width the menu leaves.
    page.meta.setdefault("hide", ["toc"])
    project = _site.project(config)
    ctx = _site.context(config, page.url, generator=GENERATOR)
    consortium = _site.consortium(config)
    parts = HomeParts(
        consortium=consortium,
        funding=project.funding[ctx.code],
        activities=project.activities,
        posts=_site.publication(config).posts(ctx.code),
        map_svg=_site.partner_map(config, ctx),
    )
    sections = [
        ("figures", "home.figures.heading", render_figures(parts.activities, consortium, ctx), False),
        ("latest-news", "news.latest", render_news(parts.posts, ctx), False),
        ("coming-next", "home.coming_next", render_upcoming(parts.activities, ctx), False),
        ("partners", "home.partners", render_partners(consortium, parts.map_svg, ctx), True),
        ("newsletter", "newsletter.title", render_newsletter(ctx), True),
    ]
    body = markdown(
        "home.md",
        sections=[
            (anchor, ctx.text(key), ctx.html_block(html, searchable=searchable))
            for anchor, key, html, searchable in sections
            if html
        ],
    )
    return insert_after_title(page_markdown, ctx.html_block(render_intro(parts, ctx))) + body
