"""The home page of each language (docs/<language>/index.md) with what cisotra.home makes from the data."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import _site
from cisotra.home import (
    HomeParts,
    map_description,
    render_figures,
    render_intro,
    render_news,
    render_newsletter,
    render_partners,
    render_upcoming,
)
from cisotra.markup import inline, insert_after_title
from cisotra.partnermap import Pin, load_basemap, render_map

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

GENERATOR = "the home page hook"
EMBLEM = "assets/images/eu-emblem.svg"


@_site.timed
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if _site.path_in_language(page, config) != "index.md" or _site.is_fallback(page, config):
        return None
    page.meta.setdefault("hide", ["navigation", "toc"])  # the home page uses the whole width
    project = _site.project(config)
    ctx = _site.context(config, page.url, generator=GENERATOR)
    consortium = _site.consortium(config)
    parts = HomeParts(
        consortium=consortium,
        funding=project.funding[ctx.code],
        activities=project.activities,
        posts=_site.publication(config).posts(ctx.code),
        map_svg=_map(config, ctx),
        emblem=EMBLEM,
    )
    sections = [
        ("figures", "home.figures.heading", render_figures(parts.activities, consortium, ctx), False),
        ("latest-news", "news.latest", render_news(parts.posts, ctx), False),
        ("coming-next", "home.coming_next", render_upcoming(parts.activities, ctx), False),
        ("partners", "home.partners", render_partners(consortium, parts.map_svg, ctx), True),
        ("newsletter", "newsletter.title", render_newsletter(ctx), True),
    ]
    body = "".join(
        f"\n\n## {inline(ctx.text(key))} {{#{anchor}}}\n\n{ctx.html_block(html, searchable=searchable)}\n"
        for anchor, key, html, searchable in sections
        if html
    )
    return insert_after_title(markdown, ctx.html_block(render_intro(parts, ctx))) + body


def _map(config: MkDocsConfig, ctx) -> str:
    consortium = _site.consortium(config)
    memo = _site.build(config).memo.setdefault("partner map", {})
    if ctx.code not in memo:
        basemap = memo.get("basemap") or load_basemap(
            Path(_site.project_root(config)) / "data" / "map" / "basemap.json"
        )
        memo["basemap"] = basemap
        pins = [
            Pin(partner.acronym, partner.city.names[ctx.code], *partner.city.at, highlight=partner.coordinator)
            for partner in consortium.partners
        ]
        memo[ctx.code] = render_map(
            basemap, pins, ctx.text("home.map_title"), map_description(consortium, ctx), set(consortium.countries)
        )
    return memo[ctx.code]
