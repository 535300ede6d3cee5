"""The home page of each language (docs/<language>/index.md) with what cisotra.home makes from the data,
and the partner map it shares with the leaflet."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from markupsafe import Markup

from cisotra.home import (
    HomeParts,
    render_figures,
    render_intro,
    render_news,
    render_newsletter,
    render_partners,
    render_upcoming,
)
from cisotra.home import partner_map as draw_partner_map
from cisotra.markup import insert_after_title
from cisotra.partnermap import Basemap, load_basemap
from cisotra.render import markdown

if TYPE_CHECKING:
    from mkdocs.structure.pages import Page

    from buildstate import SiteBuild
    from cisotra.context import Context

GENERATOR = "the home page"


@dataclass
class PartnerMaps:
    """The partner map, drawn once per build and language."""

    basemap: Basemap | None = None
    by_language: dict[str, Markup] = field(default_factory=dict)


def fill_home(site: SiteBuild, page: Page, page_markdown: str) -> str | None:
    if site.path_in_language(page) != "index.md" or site.is_fallback(page):
        return None
    # The menu stays (contact, legal notice and every section are reached from here); the table
    # of contents goes, so the map and figures have the width the menu leaves.
    page.meta.setdefault("hide", ["toc"])
    project = site.project
    ctx = site.context(page.url, generator=GENERATOR)
    consortium = site.consortium
    parts = HomeParts(
        consortium=consortium,
        funding=project.funding[ctx.code],
        activities=project.activities,
        posts=site.publication.posts(ctx.code),
        map_svg=partner_map(site, ctx),
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


def partner_map(site: SiteBuild, ctx: Context) -> Markup:
    """The partner map in the context's language."""
    maps = site.feature(PartnerMaps)
    if ctx.code not in maps.by_language:
        if maps.basemap is None:
            maps.basemap = load_basemap(site.root / "data" / "map" / "basemap.json")
        maps.by_language[ctx.code] = draw_partner_map(site.consortium, maps.basemap, ctx)
    return maps.by_language[ctx.code]
