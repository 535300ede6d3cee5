"""The activity timeline and the work-package activity lists, as HTML fragments inside Markdown.

Every text reaches the page through the templates in templates/ (activity*.html,
timeline*.html, timeline.md), which escape it where it lands. Links are made
relative to the page being built (`ctx.link`), so this module knows nothing of the
engine's URLs. An activity is shown as the plan says until a partner reports what
happened: a date in the past says "planned", never "took place".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby

from markupsafe import Markup

from .activities import TYPES, Activity
from .context import Context
from .dates import format_period
from .filters import filter_form
from .paths import activity_path, calendar_path, file_site_path, work_package_path
from .render import html, markdown
from .reports import is_address
from .strings import fill

# Languages that write language names in lower case in running text, though CLDR's names
# are capitalised for lists and menus ("Γλώσσα εργασίας: αγγλικά").
LOWER_CASE_LANGUAGE_NAMES = {"el"}


def country_name(code: str, ctx: Context) -> str:
    return ctx.locale.territories.get(code, code)


def language_name(tag: str, ctx: Context) -> str:
    """A language's name as the page's language writes it in a sentence."""
    name = ctx.locale.languages.get(tag.replace("-", "_"), tag)
    return name.lower() if ctx.locale.language in LOWER_CASE_LANGUAGE_NAMES else name


def place_text(activity: Activity, ctx: Context) -> str | None:
    """Where the activity takes place, as plain text in the context's language."""
    place = activity.place
    if place is None:
        return None
    if place.online:
        return ctx.text("activity.online")
    country = country_name(place.country, ctx) if place.country else ""
    return f"{place.city.names[ctx.code]}, {country}" if place.city else country


def country_key(activity: Activity) -> str:
    """What the country filter and count go by: an ISO code, 'online', or '' for no place."""
    if activity.place is None:
        return ""
    return "online" if activity.place.online else (activity.place.country or "")


@dataclass(frozen=True)
class Detail:
    """One fact of an activity: labelled (<dt>/<dd>), or a note of its own when `label` is empty."""

    label: str
    text: str
    href: str | None = None


@dataclass(frozen=True)
class Link:
    text: str
    href: str
    download: bool = False
    label: str | None = None  # a fuller name for screen readers (aria-label)


@dataclass(frozen=True)
class ActivityView:
    """What the templates show of an activity, in one language, seen from one page."""

    id: str
    state: str
    type: str
    country: str  # what the country filter goes by
    year: int
    title: str
    title_code: str
    href: str
    status: str  # the status word: Planned, Held …
    datetime: str
    period: str
    details: list[Detail]
    description: str
    description_code: str
    links: list[Link]


def activity_view(activity: Activity, ctx: Context) -> ActivityView:
    title, title_code = activity.text("title", ctx.code, ctx.default_code)
    description, description_code = activity.text("description", ctx.code, ctx.default_code)
    state = activity.state(ctx.today)
    period = activity.shown_period
    return ActivityView(
        id=activity.id,
        state=state,
        type=activity.type,
        country=country_key(activity),
        year=period.first.year,
        title=title,
        title_code=title_code,
        href=ctx.link(activity_path(ctx.prefix, activity.id)),
        status=ctx.text("activity.status." + state),
        datetime=period.first.isoformat(),
        period=format_period(period, ctx.tag),
        details=details(activity, ctx),
        description=description,
        description_code=description_code,
        links=_links(activity, title, ctx),
    )


def render_activity(activity: Activity, ctx: Context, heading: str = "h3") -> Markup:
    """An activity as an item of a list (timeline, work package, post): its title leads to its own page."""
    return html("activity.html", ctx=ctx, view=activity_view(activity, ctx), heading=heading)


def _links(activity: Activity, title: str, ctx: Context) -> list[Link]:
    """Its reports, outputs, and "Add to calendar" while upcoming."""
    links = [Link(ctx.text("activity." + kind), url) for kind, url in sorted(activity.links.items())]
    if activity.report:
        # A file of this site is linked from the page, like every address (cisotra.paths).
        links += [
            Link(
                ctx.text("activity.output"),
                output if is_address(output) else ctx.link(file_site_path(output, ctx.default_code)),
            )
            for output in activity.report.outputs
        ]
    if activity.state(ctx.today) == "upcoming":
        # Past activities stay in the calendar of all activities; a file to add one of
        # them to a calendar would help nobody, and years of them would pile up.
        links.append(
            Link(
                ctx.text("activity.add_to_calendar"),
                ctx.link(calendar_path(ctx.prefix, activity.id)),
                download=True,
                label=ctx.text("activity.add_to_calendar_label", title=title),
            )
        )
    return links


def details(activity: Activity, ctx: Context) -> list[Detail]:
    """The activity's facts: type, work package, place, dates, format, people, languages."""
    found = [
        Detail(ctx.text("activity.type_label"), ctx.text(f"activity.types.{activity.type}")),
        Detail(
            ctx.text("activity.work_package"),
            f"WP{activity.work_package}",
            ctx.link(work_package_path(ctx.prefix, activity.work_package)),
        ),
    ]
    if (place := place_text(activity, ctx)) is not None:
        found.append(Detail(ctx.text("activity.place"), place))
    report = activity.report
    if report and report.period and report.period != activity.period:
        found.append(Detail("", ctx.text("activity.planned_dates", period=format_period(activity.period, ctx.tag))))
    if report and report.format:
        found.append(Detail(ctx.text("activity.format_label"), ctx.text(f"activity.formats.{report.format}")))
    if activity.participants is not None:
        found.append(Detail("", ctx.text("activity.participants", count=activity.participants)))
    if report and report.participants is not None:
        groups = ", ".join(
            fill(report.names[group].name(ctx.code, ctx.default_code), ctx.locale, {"count": n})
            for group, n in report.groups.items()
        )
        took_part = ctx.text("activity.took_part", count=report.participants) + (f" ({groups})" if groups else "")
        found.append(Detail("", took_part))
    if activity.languages:
        names = ", ".join(language_name(tag, ctx) for tag in activity.languages)
        found.append(Detail("", ctx.text("activity.language", count=len(activity.languages), languages=names)))
    return found


def render_list(activities: Iterable[Activity], ctx: Context, heading: str = "h3", year: int | None = None) -> Markup:
    items = [render_activity(activity, ctx, heading) for activity in activities]
    return html("activity-list.html", items=items, year=year)


def render_work_package(activities: list[Activity], work_package: int, ctx: Context) -> str:
    """Markdown to append to a work-package page: a heading and the package's own activities.

    Search finds each activity on the timeline; the package's list is left out of the index.
    """
    own = [activity for activity in activities if activity.work_package == work_package]
    if not own:
        return ""
    block = ctx.html_block(render_list(own, ctx), searchable=False)
    return markdown("section.md", heading=ctx.text("activity.heading"), anchor="activities", block=block)


def render_timeline(activities: list[Activity], ctx: Context) -> str:
    """Markdown for the timeline page: numbers, calendar, filters, then the activities by year."""
    tools = html(
        "timeline-tools.html", ctx=ctx, calendar=ctx.link(calendar_path(ctx.prefix)), filters=_filters(activities, ctx)
    )
    # Each activity is found by search on its own page; the timeline's lists repeat them.
    years = [
        (year, ctx.html_block(render_list(group, ctx, year=year), searchable=False))
        for year, group in groupby(activities, key=lambda activity: activity.shown_period.first.year)
    ]
    return markdown(
        "timeline.md",
        ctx=ctx,
        numbers=ctx.html_block(render_numbers(activities, ctx)),
        tools=ctx.html_block(tools),
        years=years,
    )


def render_numbers(activities: list[Activity], ctx: Context) -> Markup:
    """Activities by type and by country. Planned places are a sum over activities: a person
    who takes part in several is counted in each, as the table's note says."""
    by_type = Counter(activity.type for activity in activities)
    places: Counter[str] = Counter()
    counted: set[str] = set()  # types with a planned number: the others show a dash, not a made-up 0
    for activity in activities:
        if activity.participants is not None:
            places[activity.type] += activity.participants
            counted.add(activity.type)
    type_rows = [
        (
            ctx.text(f"activity.types.{kind}"),
            ctx.number(by_type[kind]),
            ctx.number(places[kind]) if kind in counted else "–",
        )
        for kind in TYPES
        if by_type[kind]
    ]
    by_country = Counter(country_key(activity) for activity in activities if activity.place)
    country_rows = [(name, ctx.number(by_country[key])) for key, name in _countries(by_country, ctx)]
    return html(
        "timeline-numbers.html",
        ctx=ctx,
        by_type=type_rows,
        total=ctx.number(len(activities)),
        # The same sum the home and indicators pages give: places, not people (see the note).
        total_places=ctx.number(sum(places.values())) if counted else "–",
        by_country=country_rows,
    )


def _countries(keys: Iterable[str], ctx: Context) -> list[tuple[str, str]]:
    """(key, name) of countries in the language's alphabetical order, then 'online'."""
    countries = ctx.sorted_by_name([key for key in keys if key != "online"], lambda key: country_name(key, ctx))
    named = [(key, country_name(key, ctx)) for key in countries]
    return named + ([("online", ctx.text("activity.online"))] if "online" in keys else [])


def _filters(activities: list[Activity], ctx: Context) -> Markup:
    types = [kind for kind in TYPES if any(activity.type == kind for activity in activities)]
    countries = _countries({country_key(a) for a in activities if a.place}, ctx)
    years = sorted({activity.shown_period.first.year for activity in activities})
    selects = [
        ("type", ctx.text("timeline.filter_type"), [(kind, ctx.text(f"activity.types.{kind}")) for kind in types]),
        ("country", ctx.text("timeline.filter_country"), countries),
        ("year", ctx.text("timeline.filter_year"), [(str(year), str(year)) for year in years]),
    ]
    return filter_form(ctx, selects, ctx.text("timeline.filters"), ctx.text("timeline.filter_status"))
