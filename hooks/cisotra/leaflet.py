"""The project's leaflet: one page per language, designed for two A4 sheets, printed to PDF.

Everything on it comes from the data and the pages the site already has: the purpose and
target groups (data/project.yml), the work packages (their pages' titles and descriptions),
the partners and their map (data/partners.yml), the contact, and the EU emblem with the
funding statement and the disclaimer for publications (data/funding.yml). Links are absolute,
so they still lead to the site from a printed or forwarded PDF. The page stands alone (no
site menu, no scripts); its fonts come with the site, so every language prints with letters
that have its accents, on any machine.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from .consortium import Consortium
from .contact import render_contact
from .context import Context
from .csp import secured
from .dates import format_day
from .funding import Funding
from .home import partner_line
from .paths import leaflet_path, leaflet_pdf_name
from .render import html

FONTS = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")  # assets/fonts/, copied to the site's assets/fonts/


@dataclass(frozen=True)
class WorkPackage:
    number: int
    title: str  # as its page is titled, e.g. 'WP2: Initial study'
    description: str
    lang: str | None = None  # set when the text is the default language's (no translation yet)


@dataclass(frozen=True)
class LeafletAssets:
    """The site's files the leaflet uses, each relative to the leaflet page."""

    icon: str
    stylesheet: str  # the site's own stylesheet (the map's colours)
    leaflet_stylesheet: str  # the sheets' layout, and the fonts it prints with
    emblem: str  # the EU emblem


@dataclass(frozen=True)
class LeafletParts:
    """What the leaflet shows; the engine's adapter gathers it for one language."""

    consortium: Consortium
    funding: Funding
    work_packages: list[WorkPackage]
    map_svg: Markup
    site_url: str  # absolute, ending in '/'
    assets: LeafletAssets


def render_leaflet(parts: LeafletParts, ctx: Context) -> str:
    """The whole HTML document of the language's leaflet."""
    facts = parts.consortium.facts
    home = parts.site_url + ctx.prefix
    document = html(
        "leaflet.html",
        ctx=ctx,
        title=f"{facts.acronym} – {ctx.text('leaflet.title')}",
        facts=facts,
        purpose=facts.purpose.get(ctx.code) or facts.purpose[ctx.default_code],
        state=_state(facts, ctx),
        groups=facts.target_groups.get(ctx.code) or facts.target_groups.get(ctx.default_code, []),
        work_packages=parts.work_packages,
        partners=[partner_line(partner, ctx) for partner in parts.consortium.members],
        associated=[partner_line(partner, ctx) for partner in parts.consortium.associated],
        map=parts.map_svg,
        contact=render_contact(parts.consortium, ctx, website=home, css_class="contact"),
        funding=parts.funding,
        assets=parts.assets,
        canonical=parts.site_url + leaflet_path(ctx.prefix),
        home=home,
        pdf=leaflet_pdf_name(ctx.code),
    )
    return secured(str(document) + "\n")


def _state(facts, ctx: Context) -> list[str]:
    phase = facts.phase(ctx.today)
    sentences = [ctx.text(f"home.state.{phase}", start=_day(facts.start, ctx), end=_day(facts.end, ctx))]
    if phase == "completed" and facts.planned_end and facts.planned_end != facts.end:
        sentences.append(ctx.text("home.state.extended", planned_end=_day(facts.planned_end, ctx)))
    return sentences


def _day(day: date, ctx: Context) -> str:
    return format_day(day, ctx.tag)
