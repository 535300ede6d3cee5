"""The activity timeline and the work-package activity lists, as HTML fragments inside Markdown.

Everything from the data is escaped here, once, where it becomes HTML. Links are
made by a callable the caller passes (`link(site_path) -> href`), so this module
knows nothing of the engine's URLs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from html import escape
from itertools import groupby

from .activities import TYPES, Activity
from .context import Context
from .dates import format_period


def calendar_path(prefix: str, activity_id: str | None = None) -> str:
    """Site path of a language's calendar of all activities, or of one activity's file."""
    return f"{prefix}calendar/{activity_id or 'activities'}.ics"


def country_name(code: str, ctx: Context) -> str:
    return ctx.locale.territories.get(code, code)


def place_text(activity: Activity, ctx: Context) -> str | None:
    """Where the activity takes place, as plain text in the context's language."""
    place = activity.place
    if place is None:
        return None
    if place.online:
        return ctx.text("activity.online")
    country = country_name(place.country, ctx) if place.country else ""
    return f"{place.city.names[ctx.code]}, {country}" if place.city else country


def render_activity(activity: Activity, ctx: Context, heading: str = "h3") -> str:
    title, title_code = activity.text("title", ctx.code, ctx.reference)
    description, description_code = activity.text("description", ctx.code, ctx.reference)
    status = "upcoming" if activity.is_upcoming(ctx.today) else "past"
    details = [
        (ctx.word("activity.type_label"), ctx.word(f"activity.types.{activity.type}")),
        (
            ctx.word("activity.work_package"),
            f'<a href="{escape(ctx.link(f"{ctx.prefix}work-packages/wp{activity.work_package}/"))}">WP{activity.work_package}</a>',
        ),
    ]
    if (place := place_text(activity, ctx)) is not None:
        details.append((ctx.word("activity.place"), escape(place)))
    if activity.participants is not None:
        details.append(("", ctx.word("activity.participants", count=activity.participants)))
    if activity.languages:
        names = ", ".join(ctx.locale.languages.get(tag.replace("-", "_"), tag) for tag in activity.languages)
        details.append(("", ctx.word("activity.language", languages=names)))
    rows = "".join(
        f"<dt>{label}</dt><dd>{value}</dd>" if label else f'<dd class="cisotra-activity__note">{value}</dd>'
        for label, value in details
    )
    year = activity.period.first.year
    country = (
        "online"
        if activity.place and activity.place.online
        else (activity.place.country if activity.place and activity.place.country else "")
    )
    parts = [
        f'<li class="cisotra-activity cisotra-activity--{status}" id="{escape(activity.id)}"'
        f' data-type="{escape(activity.type)}" data-country="{escape(country or "")}" data-year="{year}">',
        f"<{heading}{_lang(title_code, ctx)}>{escape(title)}</{heading}>",
        '<p class="cisotra-activity__when">'
        f'<time datetime="{activity.period.first.isoformat()}">{escape(format_period(activity.period, ctx.tag))}</time>'
        f' <span class="cisotra-activity__status">{ctx.word("activity." + status)}</span></p>',
        f'<dl class="cisotra-activity__details">{rows}</dl>',
    ]
    if description:
        parts.append(f"<p{_lang(description_code, ctx)}>{escape(description)}</p>")
    links = [
        f'<a href="{escape(url)}">{ctx.word("activity." + kind)}</a>' for kind, url in sorted(activity.links.items())
    ]
    if status == "upcoming":
        # Past activities stay in the calendar of all activities; a file to add one of
        # them to a calendar would help nobody, and years of them would pile up.
        calendar_href = escape(ctx.link(calendar_path(ctx.prefix, activity.id)))
        links.append(
            f'<a href="{calendar_href}" download aria-label="{ctx.word("activity.add_to_calendar_label", title=title)}">'
            f"{ctx.word('activity.add_to_calendar')}</a>"
        )
    if links:
        parts.append('<p class="cisotra-activity__links">' + " · ".join(links) + "</p>")
    parts.append("</li>")
    return "\n".join(parts)


def render_list(activities: Iterable[Activity], ctx: Context, heading: str = "h3", year: int | None = None) -> str:
    items = "\n".join(render_activity(activity, ctx, heading) for activity in activities)
    data_year = f' data-year="{year}"' if year is not None else ""
    return f'<ol class="cisotra-timeline"{data_year}>\n{items}\n</ol>'


def render_work_package(activities: list[Activity], work_package: int, ctx: Context) -> str:
    """Markdown to append to a work-package page: a heading and the package's own activities.

    Search finds each activity on the timeline; the package's list is left out of the index.
    """
    own = [activity for activity in activities if activity.work_package == work_package]
    if not own:
        return ""
    return f"\n\n## {ctx.words['activity.heading']}\n\n{ctx.raw(render_list(own, ctx), searchable=False)}\n"


def render_timeline(activities: list[Activity], ctx: Context) -> str:
    """Markdown for the timeline page: numbers, calendar, filters, then the activities by year."""
    sections = [render_numbers(activities, ctx), ctx.raw(_calendar_link(ctx) + "\n" + _filters(activities, ctx))]
    for year, group in groupby(activities, key=lambda activity: activity.period.first.year):
        sections.append(f"## {year} {{#year-{year}}}\n\n{ctx.raw(render_list(group, ctx, year=year))}")
    return "\n\n".join(sections) + "\n"


def render_numbers(activities: list[Activity], ctx: Context) -> str:
    by_type = Counter(activity.type for activity in activities)
    people: Counter[str] = Counter()
    counted: set[str] = set()  # types with a planned number: the others show a dash, not a made-up 0
    for activity in activities:
        if activity.participants is not None:
            people[activity.type] += activity.participants
            counted.add(activity.type)
    by_country = Counter(_country_key(activity) for activity in activities if activity.place)
    type_rows = "".join(
        f'<tr><th scope="row">{ctx.word(f"activity.types.{kind}")}</th><td>{by_type[kind]}</td><td>{people[kind] if kind in counted else "–"}</td></tr>'
        for kind in TYPES
        if by_type[kind]
    )
    total = f'<tr><th scope="row">{ctx.word("timeline.total")}</th><td>{len(activities)}</td><td>{sum(people.values())}</td></tr>'
    countries = sorted(by_country, key=lambda key: (key == "online", country_name(key, ctx) if key != "online" else ""))
    country_rows = "".join(
        f'<tr><th scope="row">{ctx.word("activity.online") if key == "online" else escape(country_name(key, ctx))}</th>'
        f"<td>{by_country[key]}</td></tr>"
        for key in countries
    )
    return f"## {ctx.words['timeline.in_numbers']} {{#in-numbers}}\n\n" + ctx.raw(
        '<div class="cisotra-numbers">\n'
        f"<table><caption>{ctx.word('timeline.numbers_by_type')}</caption>"
        f'<thead><tr><th scope="col">{ctx.word("activity.type_label")}</th>'
        f'<th scope="col">{ctx.word("timeline.numbers_activities")}</th>'
        f'<th scope="col">{ctx.word("timeline.numbers_participants")}</th></tr></thead>'
        f"<tbody>{type_rows}</tbody><tfoot>{total}</tfoot></table>\n"
        f"<table><caption>{ctx.word('timeline.numbers_by_country')}</caption>"
        f'<thead><tr><th scope="col">{ctx.word("timeline.filter_country")}</th>'
        f'<th scope="col">{ctx.word("timeline.numbers_activities")}</th></tr></thead>'
        f"<tbody>{country_rows}</tbody></table>\n"
        "</div>"
    )


def _calendar_link(ctx: Context) -> str:
    href = escape(ctx.link(calendar_path(ctx.prefix)))
    return (
        f'<p class="cisotra-calendar-link"><a href="{href}" download>{ctx.word("timeline.calendar")}</a><br>\n'
        f"{ctx.word('timeline.calendar_hint')}</p>"
    )


def _filters(activities: list[Activity], ctx: Context) -> str:
    types = [kind for kind in TYPES if any(activity.type == kind for activity in activities)]
    countries = sorted(
        {_country_key(a) for a in activities if a.place},
        key=lambda k: (k == "online", country_name(k, ctx) if k != "online" else ""),
    )
    years = sorted({activity.period.first.year for activity in activities})

    def select(name: str, label_key: str, options: list[tuple[str, str]]) -> str:
        choices = "".join(f'<option value="{escape(value)}">{text}</option>' for value, text in options)
        return (
            f'<div class="cisotra-filter"><label for="filter-{name}">{ctx.word(label_key)}</label>'
            f'<select id="filter-{name}" data-filter="{name}"><option value="">{ctx.word("timeline.filter_all")}</option>{choices}</select></div>'
        )

    country_options = [
        (key, ctx.word("activity.online") if key == "online" else escape(country_name(key, ctx))) for key in countries
    ]
    return (
        f'<form class="cisotra-timeline-filters" hidden data-status="{escape(ctx.words["timeline.filter_status"])}">\n'
        f"<fieldset><legend>{ctx.word('timeline.filters')}</legend>\n"
        + select("type", "timeline.filter_type", [(kind, ctx.word(f"activity.types.{kind}")) for kind in types])
        + select("country", "timeline.filter_country", country_options)
        + select("year", "timeline.filter_year", [(str(year), str(year)) for year in years])
        + f'<button type="reset" class="md-button">{ctx.word("timeline.filter_reset")}</button>\n'
        "</fieldset>\n"
        '<p class="cisotra-timeline-filters__status" role="status" aria-live="polite"></p>\n'
        "</form>\n"
        f"<noscript><p>{ctx.word('timeline.no_js')}</p></noscript>"
    )


def _country_key(activity: Activity) -> str:
    assert activity.place is not None
    return "online" if activity.place.online else (activity.place.country or "")


def _lang(code: str, ctx: Context) -> str:
    """A lang attribute when a text falls back to the reference language."""
    return "" if code == ctx.code else f' lang="{ctx.reference_tag}"'
