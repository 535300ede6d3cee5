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
from html import escape

from babel.numbers import format_decimal

from .activities import Activity
from .consortium import Consortium, Partner
from .context import Context
from .dates import format_day
from .funding import Funding
from .news import Post
from .newsletterpages import archive_path, feed_path
from .newspages import LATEST, index_path, render_items
from .partnermap import Basemap, Pin, render_map
from .timeline import country_name, render_list

UPCOMING = 3
EMBLEM = "assets/images/eu-emblem.svg"  # site path of the EU emblem


@dataclass(frozen=True)
class HomeParts:
    """What the home page shows besides its own text; the engine's adapter gathers it."""

    consortium: Consortium
    funding: Funding
    activities: list[Activity]
    posts: list[Post]  # the language's published posts, newest first
    map_svg: str
    emblem: str  # site path of the EU emblem


def render_intro(parts: HomeParts, ctx: Context) -> str:
    """HTML for the top of the page, under its title: purpose, EU funding, the project's state."""
    facts = parts.consortium.facts
    purpose = facts.purpose.get(ctx.code) or facts.purpose.get(ctx.default_code, "")
    emblem = escape(ctx.link(parts.emblem))
    return (
        '<div class="cisotra-home__intro">'
        f'<p class="cisotra-home__purpose">{escape(purpose)}</p>'
        '<p class="cisotra-home__funding">'
        f'<img src="{emblem}" alt="{ctx.html("home.emblem_alt")}" width="120" height="80">'
        f"<span>{escape(parts.funding.statement)}</span></p>"
        f"{render_state(parts, ctx)}"
        "</div>"
    )


def render_state(parts: HomeParts, ctx: Context) -> str:
    """Where the project stands on the build's day: not started, running (and what comes next), or completed."""
    facts = parts.consortium.facts
    phase = facts.phase(ctx.today)
    values = {"start": _day(facts.start, ctx), "end": _day(facts.end, ctx)}
    sentences = [ctx.html(f"home.state.{phase}", **values)]
    if phase == "completed" and facts.planned_end and facts.planned_end != facts.end:
        sentences.append(ctx.html("home.state.extended", planned_end=_day(facts.planned_end, ctx)))
    if phase == "completed":
        sentences.append(
            ctx.html_with_links(
                "home.state.produced",
                timeline=(ctx.text("home.timeline"), ctx.link(f"{ctx.prefix}timeline/")),
                news=(ctx.text("home.news"), ctx.link(index_path(ctx.prefix))),
            )
        )
        sentences.append(
            ctx.html_with_links(
                "home.state.outputs", results=(ctx.text("home.results"), ctx.link(f"{ctx.prefix}results/"))
            )
        )
    return f'<p class="cisotra-home__state cisotra-home__state--{phase}" role="note">' + " ".join(sentences) + "</p>"


def render_figures(activities: list[Activity], consortium: Consortium, ctx: Context) -> str:
    """Key figures from the data, each said for what it is: planned activities, countries, planned places."""
    kinds = Counter(activity.type for activity in activities)
    places = sum(activity.participants or 0 for activity in activities)
    countries = len(consortium.countries)
    items = [
        (len(activities), ctx.html("home.figures.activities", count=len(activities))),
        (len(consortium.partners), ctx.html("home.figures.partners", count=len(consortium.partners))),
        (countries, ctx.html("home.figures.countries", count=countries)),
        (places, ctx.html("home.figures.places", count=places)),
    ]
    # The labels agree with their number (CLDR plural forms) but do not repeat it.
    figures = "".join(
        f'<li><span class="cisotra-figure__number">{escape(format_decimal(number, locale=ctx.locale))}</span> '
        f'<span class="cisotra-figure__label">{label}</span></li>'
        for number, label in items
    )
    by_kind = "".join(
        f"<li>{ctx.html('activity.types.' + kind)}: {escape(format_decimal(count, locale=ctx.locale))}</li>"
        for kind, count in kinds.most_common()
    )
    return (
        f'<ul class="cisotra-figures">{figures}</ul>'
        f'<p class="cisotra-figures__note">{ctx.html("home.figures.note")}</p>'
        f'<details class="cisotra-figures__kinds"><summary>{ctx.html("home.figures.by_kind")}</summary><ul>{by_kind}</ul></details>'
    )


def render_news(posts: list[Post], ctx: Context) -> str:
    if not posts:
        return ""
    more = escape(ctx.link(index_path(ctx.prefix)))
    return render_items(posts[:LATEST], ctx, heading="h3") + (
        f'\n<p class="cisotra-posts__more"><a href="{more}">{ctx.html("news.all_news")}</a></p>'
    )


def upcoming(activities: list[Activity], today: date) -> list[Activity]:
    return [activity for activity in activities if activity.state(today) == "upcoming"][:UPCOMING]


def render_upcoming(activities: list[Activity], ctx: Context) -> str:
    coming = upcoming(activities, ctx.today)
    return render_list(coming, ctx) if coming else ""


def partner_line(partner: Partner, ctx: Context) -> str:
    """'MFDPŠ (ISSBS), International School …, Celje, Slovenia – coordinator; leads WP1, WP8, WP10'."""
    acronym = partner.acronym + (f" ({partner.also_known_as})" if partner.also_known_as else "")
    name = partner.full_name(ctx.code, ctx.default_code) or ctx.text("home.name_to_confirm")
    where = f"{partner.city.names[ctx.code]}, {country_name(partner.city.country, ctx)}"
    role = f" – {ctx.text('home.coordinator')}" if partner.coordinator else ""
    leads = ", ".join(f"WP{number}" for number in partner.work_packages)
    return f"{acronym}: {name}, {where}{role}" + (f"; {ctx.text('home.leads', packages=leads)}" if leads else "")


def render_partners(consortium: Consortium, map_svg: str, ctx: Context) -> str:
    """The map, and the same partners as a list: the list is the map's text equivalent."""
    items = "".join(f"<li>{escape(partner_line(partner, ctx))}</li>" for partner in consortium.partners)
    partners = escape(ctx.link(f"{ctx.prefix}partners/"))
    return (
        f'<figure class="cisotra-home__map">{map_svg}</figure>'
        f'<ul class="cisotra-home__partners">{items}</ul>'
        f'<p><a href="{partners}">{ctx.html("home.about_partners")}</a></p>'
    )


def map_description(consortium: Consortium, ctx: Context) -> str:
    cities = ", ".join(
        f"{partner.acronym} – {partner.city.names[ctx.code]}, {country_name(partner.city.country, ctx)}"
        for partner in consortium.partners
    )
    return ctx.text("home.map_description", count=len(consortium.partners), cities=cities)


def partner_map(consortium: Consortium, basemap: Basemap, ctx: Context) -> str:
    """The partners' cities on the map, the coordinator's highlighted, described in the page's language."""
    pins = [
        Pin(partner.acronym, partner.city.names[ctx.code], *partner.city.at, highlight=partner.coordinator)
        for partner in consortium.partners
    ]
    return render_map(
        basemap, pins, ctx.text("home.map_title"), map_description(consortium, ctx), set(consortium.countries)
    )


def render_newsletter(ctx: Context) -> str:
    archive = escape(ctx.link(archive_path(ctx.prefix)))
    feed = escape(ctx.link(feed_path(ctx.prefix)))
    return (
        f'<p>{ctx.html("home.newsletter_text")} <a href="{archive}">{ctx.html("newsletter.title")}</a> · '
        f'<a href="{feed}" type="application/rss+xml">{ctx.html("newsletter.rss")}</a></p>'
    )


def _day(day: date, ctx: Context) -> str:
    return format_day(day, ctx.tag)
