"""The home page of each language: what the project is, where it stands, what it did, who it is.

Everything comes from the data and the pages that exist (data/project.yml, partners.yml,
activities.yml, the published posts); the home page's own Markdown (docs/<language>/index.md)
stays the partners' to write and comes after the introduction. The project's state is
worked out from the build's day and the period in data/project.yml.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from .activities import Activity
from .consortium import Consortium, Partner
from .context import Context, Part
from .dates import format_day
from .funding import Funding
from .news import Post
from .newspages import LATEST, render_items
from .partnermap import Basemap, Pin, render_map
from .paths import (
    EMBLEM_SVG,
    news_index_path,
    newsletter_archive_path,
    newsletter_feed_path,
    partners_path,
    results_path,
    timeline_path,
)
from .render import html
from .timeline import country_name, render_list

UPCOMING = 3


@dataclass(frozen=True)
class HomeParts:
    """What the home page shows besides its own text; the engine's adapter gathers it."""

    consortium: Consortium
    funding: Funding
    activities: list[Activity]
    posts: list[Post]  # the language's published posts, newest first
    map_svg: Markup


def render_intro(parts: HomeParts, ctx: Context) -> Markup:
    """The top of the page, under its title: purpose, EU funding, the project's state."""
    facts = parts.consortium.facts
    purpose = facts.purpose.get(ctx.code) or facts.purpose.get(ctx.default_code, "")
    return html(
        "home-intro.html",
        ctx=ctx,
        purpose=purpose,
        emblem=ctx.link(EMBLEM_SVG),
        statement=parts.funding.statement,
        state=render_state(parts, ctx),
    )


def render_state(parts: HomeParts, ctx: Context) -> Markup:
    """Where the project stands on the build's day: not started, running (and what comes next), or completed."""
    facts = parts.consortium.facts
    phase = facts.phase(ctx.today)
    values = {"start": _day(facts.start, ctx), "end": _day(facts.end, ctx)}
    sentences = [[Part(ctx.text(f"home.state.{phase}", **values))]]
    if phase == "completed" and facts.planned_end and facts.planned_end != facts.end:
        sentences.append([Part(ctx.text("home.state.extended", planned_end=_day(facts.planned_end, ctx)))])
    if phase == "completed":
        sentences.append(
            ctx.sentence(
                "home.state.produced",
                timeline=(ctx.text("home.timeline"), ctx.link(timeline_path(ctx.prefix))),
                news=(ctx.text("home.news"), ctx.link(news_index_path(ctx.prefix))),
            )
        )
        sentences.append(
            ctx.sentence("home.state.outputs", results=(ctx.text("home.results"), ctx.link(results_path(ctx.prefix))))
        )
    return html("home-state.html", phase=phase, sentences=sentences)


def render_figures(activities: list[Activity], consortium: Consortium, ctx: Context) -> Markup:
    """Key figures from the data, each said for what it is: planned activities, countries, planned places."""
    kinds = Counter(activity.type for activity in activities)
    places = sum(activity.participants or 0 for activity in activities)
    countries = len(consortium.countries)
    figures = [
        (ctx.number(len(activities)), ctx.text("home.figures.activities", count=len(activities))),
        (ctx.number(len(consortium.members)), ctx.text("home.figures.partners", count=len(consortium.members))),
        (ctx.number(countries), ctx.text("home.figures.countries", count=countries)),
        (ctx.number(places), ctx.text("home.figures.places", count=places)),
    ]
    by_kind = [(ctx.text("activity.types." + kind), ctx.number(count)) for kind, count in kinds.most_common()]
    return html("home-figures.html", ctx=ctx, figures=figures, kinds=by_kind)


def render_news(posts: list[Post], ctx: Context) -> Markup | None:
    if not posts:
        return None
    return html(
        "home-news.html",
        ctx=ctx,
        posts=render_items(posts[:LATEST], ctx, heading="h3"),
        more=ctx.link(news_index_path(ctx.prefix)),
    )


def upcoming(activities: list[Activity], today: date) -> list[Activity]:
    return [activity for activity in activities if activity.state(today) == "upcoming"][:UPCOMING]


def render_upcoming(activities: list[Activity], ctx: Context) -> Markup | None:
    coming = upcoming(activities, ctx.today)
    return render_list(coming, ctx) if coming else None


def partner_line(partner: Partner, ctx: Context) -> str:
    """'MFDPŠ (ISSBS), International School …, Celje, Slovenia – coordinator; leads WP1, WP8, WP10'."""
    acronym = partner.acronym + (f" ({partner.also_known_as})" if partner.also_known_as else "")
    name = partner.full_name(ctx.code, ctx.default_code) or ctx.text("home.name_to_confirm")
    where = f"{partner.city.names[ctx.code]}, {country_name(partner.city.country, ctx)}"
    role = f" – {ctx.text('home.coordinator')}" if partner.coordinator else ""
    leads = ", ".join(f"WP{number}" for number in partner.work_packages)
    separator = ctx.text("home.separator")
    return f"{acronym}: {name}, {where}{role}" + (
        f"{separator} {ctx.text('home.leads', packages=leads)}" if leads else ""
    )


def render_partners(consortium: Consortium, map_svg: Markup, ctx: Context) -> Markup:
    """The map, and the same partners as a list: the list is the map's text equivalent. Associated
    partners follow under a heading of their own: they are not on the map of the consortium."""
    return html(
        "home-partners.html",
        ctx=ctx,
        map=map_svg,
        partners=[partner_line(partner, ctx) for partner in consortium.members],
        associated=[partner_line(partner, ctx) for partner in consortium.associated],
        about=ctx.link(partners_path(ctx.prefix)),
    )


def map_description(consortium: Consortium, ctx: Context) -> str:
    # Each entry has a comma of its own ('Celje, Slovenia'): entries are set apart by the language's
    # list separator (';', Greek '·'), as in the partner list.
    cities = (ctx.text("home.separator") + " ").join(
        f"{partner.acronym} – {partner.city.names[ctx.code]}, {country_name(partner.city.country, ctx)}"
        for partner in consortium.members
    )
    return ctx.text("home.map_description", count=len(consortium.members), cities=cities)


def partner_map(consortium: Consortium, basemap: Basemap, ctx: Context) -> str:
    """The members' cities on the map, the coordinator's highlighted, their countries coloured, described
    in the page's language."""
    pins = [
        Pin(partner.acronym, partner.city.names[ctx.code], *partner.city.at, highlight=partner.coordinator)
        for partner in consortium.members
    ]
    return render_map(
        basemap, pins, ctx.text("home.map_title"), map_description(consortium, ctx), set(consortium.countries)
    )


def render_newsletter(ctx: Context) -> Markup:
    return html(
        "home-newsletter.html",
        ctx=ctx,
        archive=ctx.link(newsletter_archive_path(ctx.prefix)),
        feed=ctx.link(newsletter_feed_path(ctx.prefix)),
    )


def _day(day: date, ctx: Context) -> str:
    return format_day(day, ctx.tag)
