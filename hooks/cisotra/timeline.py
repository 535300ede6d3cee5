"""The activity timeline and the work-package activity lists, as HTML fragments inside Markdown.

Everything from the data is escaped here, once, where it becomes HTML. Links are made
relative to the page being built (`ctx.link`), so this module knows nothing of the
engine's URLs. An activity is shown as the plan says until a partner reports what
happened: a date in the past says "planned", never "took place".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from html import escape
from itertools import groupby

from babel.numbers import format_decimal

from .activities import TYPES, Activity
from .context import Context
from .dates import format_period
from .filters import filter_form, filter_select
from .markup import inline

# Languages that write language names in lower case in running text, though CLDR's names
# are capitalised for lists and menus ("Γλώσσα εργασίας: αγγλικά").
LOWER_CASE_LANGUAGE_NAMES = {"el"}


def activity_path(prefix: str, activity_id: str) -> str:
    """Site path of an activity's own page."""
    return f"{prefix}activities/{activity_id}/"


def calendar_path(prefix: str, activity_id: str | None = None) -> str:
    """Site path of a language's calendar of all activities, or of one activity's file."""
    return f"{prefix}calendar/{activity_id or 'activities'}.ics"


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


def render_activity(activity: Activity, ctx: Context, heading: str = "h3") -> str:
    """An activity as an item of a list (timeline, work package, post): its title leads to its own page."""
    title, title_code = activity.text("title", ctx.code, ctx.default_code)
    state = activity.state(ctx.today)
    parts = [
        f'<li class="cisotra-activity cisotra-activity--{state}" id="{escape(activity.id)}"'
        f' data-type="{escape(activity.type)}" data-country="{escape(country_key(activity))}"'
        f' data-year="{activity.shown_period.first.year}">',
        f'<{heading}{_lang(title_code, ctx)}><a href="{escape(ctx.link(activity_path(ctx.prefix, activity.id)))}">'
        f"{escape(title)}</a></{heading}>",
        render_when(activity, ctx),
        f'<dl class="cisotra-activity__details">{_details(activity, ctx)}</dl>',
        *render_description_and_links(activity, ctx),
        "</li>",
    ]
    return "\n".join(parts)


def render_description_and_links(activity: Activity, ctx: Context) -> list[str]:
    """The activity's description, and its links (reports, outputs, "Add to calendar" while upcoming)."""
    title, _ = activity.text("title", ctx.code, ctx.default_code)
    description, description_code = activity.text("description", ctx.code, ctx.default_code)
    parts = []
    if description:
        parts.append(f"<p{_lang(description_code, ctx)}>{escape(description)}</p>")
    links = [
        f'<a href="{escape(url)}">{ctx.html("activity." + kind)}</a>' for kind, url in sorted(activity.links.items())
    ]
    if activity.report:
        links += [f'<a href="{escape(url)}">{ctx.html("activity.output")}</a>' for url in activity.report.outputs]
    if activity.state(ctx.today) == "upcoming":
        # Past activities stay in the calendar of all activities; a file to add one of
        # them to a calendar would help nobody, and years of them would pile up.
        calendar_href = escape(ctx.link(calendar_path(ctx.prefix, activity.id)))
        links.append(
            f'<a href="{calendar_href}" download aria-label="{ctx.html("activity.add_to_calendar_label", title=title)}">'
            f"{ctx.html('activity.add_to_calendar')}</a>"
        )
    if links:
        parts.append('<p class="cisotra-activity__links">' + " · ".join(links) + "</p>")
    return parts


def render_when(activity: Activity, ctx: Context) -> str:
    """The dates and what is known of them: a status word before the period, as in 'Planned 15–16 May 2018'."""
    period = activity.shown_period
    return (
        '<p class="cisotra-activity__when">'
        f'<span class="cisotra-activity__status">{ctx.html("activity.status." + activity.state(ctx.today))}</span> '
        f'<time datetime="{period.first.isoformat()}">{escape(format_period(period, ctx.tag))}</time></p>'
    )


def render_details(activity: Activity, ctx: Context) -> str:
    """The activity's facts as <dt>/<dd> pairs: type, work package, place, dates, format, people, languages."""
    return _details(activity, ctx)


def _details(activity: Activity, ctx: Context) -> str:
    details = [
        (ctx.html("activity.type_label"), ctx.html(f"activity.types.{activity.type}")),
        (
            ctx.html("activity.work_package"),
            f'<a href="{escape(ctx.link(f"{ctx.prefix}work-packages/wp{activity.work_package}/"))}">'
            f"WP{activity.work_package}</a>",
        ),
    ]
    if (place := place_text(activity, ctx)) is not None:
        details.append((ctx.html("activity.place"), escape(place)))
    report = activity.report
    if report and report.period and report.period != activity.period:
        details.append(("", ctx.html("activity.planned_dates", period=format_period(activity.period, ctx.tag))))
    if report and report.format:
        details.append((ctx.html("activity.format_label"), ctx.html(f"activity.formats.{report.format}")))
    if activity.participants is not None:
        details.append(("", ctx.html("activity.participants", count=activity.participants)))
    if report and report.participants is not None:
        groups = ", ".join(ctx.text(f"activity.groups.{group}", count=n) for group, n in report.groups.items())
        took_part = ctx.text("activity.took_part", count=report.participants) + (f" ({groups})" if groups else "")
        details.append(("", escape(took_part)))
    if activity.languages:
        names = ", ".join(language_name(tag, ctx) for tag in activity.languages)
        details.append(("", ctx.html("activity.language", count=len(activity.languages), languages=names)))
    # Line breaks between the items keep their words apart where only the text is read (search excerpts).
    return "\n".join(
        f"<dt>{label}</dt>\n<dd>{value}</dd>" if label else f'<dd class="cisotra-activity__note">{value}</dd>'
        for label, value in details
    )


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
    heading = inline(ctx.text("activity.heading"))
    return f"\n\n## {heading} {{#activities}}\n\n{ctx.html_block(render_list(own, ctx), searchable=False)}\n"


def render_timeline(activities: list[Activity], ctx: Context) -> str:
    """Markdown for the timeline page: numbers, calendar, filters, then the activities by year."""
    sections = [render_numbers(activities, ctx), ctx.html_block(_calendar_link(ctx) + "\n" + _filters(activities, ctx))]
    # Each activity is found by search on its own page; the timeline's lists repeat them.
    for year, group in groupby(activities, key=lambda activity: activity.shown_period.first.year):
        lists = ctx.html_block(render_list(group, ctx, year=year), searchable=False)
        sections.append(f"## {year} {{#year-{year}}}\n\n{lists}")
    return "\n\n".join(sections) + "\n"


def render_numbers(activities: list[Activity], ctx: Context) -> str:
    """Activities by type and by country. Planned places are a sum over activities: a person
    who takes part in several is counted in each, so no grand total of people is claimed."""
    by_type = Counter(activity.type for activity in activities)
    places: Counter[str] = Counter()
    counted: set[str] = set()  # types with a planned number: the others show a dash, not a made-up 0
    for activity in activities:
        if activity.participants is not None:
            places[activity.type] += activity.participants
            counted.add(activity.type)
    type_rows = "".join(
        f'<tr><th scope="row">{ctx.html(f"activity.types.{kind}")}</th><td>{_number(by_type[kind], ctx)}</td>'
        f"<td>{_number(places[kind], ctx) if kind in counted else '–'}</td></tr>"
        for kind in TYPES
        if by_type[kind]
    )
    total = (
        f'<tr><th scope="row">{ctx.html("timeline.total")}</th><td>{_number(len(activities), ctx)}</td><td></td></tr>'
    )
    by_country = Counter(country_key(activity) for activity in activities if activity.place)
    country_rows = "".join(
        f'<tr><th scope="row">{escape(name)}</th><td>{_number(by_country[key], ctx)}</td></tr>'
        for key, name in _countries(by_country, ctx)
    )
    heading = inline(ctx.text("timeline.in_numbers"))
    return f"## {heading} {{#in-numbers}}\n\n" + ctx.html_block(
        '<div class="cisotra-numbers">\n'
        f"<table><caption>{ctx.html('timeline.numbers_by_type')}</caption>"
        f'<thead><tr><th scope="col">{ctx.html("activity.type_label")}</th>'
        f'<th scope="col">{ctx.html("timeline.numbers_activities")}</th>'
        f'<th scope="col">{ctx.html("timeline.numbers_participants")}</th></tr></thead>'
        f"<tbody>{type_rows}</tbody><tfoot>{total}</tfoot></table>\n"
        f"<table><caption>{ctx.html('timeline.numbers_by_country')}</caption>"
        f'<thead><tr><th scope="col">{ctx.html("timeline.filter_country")}</th>'
        f'<th scope="col">{ctx.html("timeline.numbers_activities")}</th></tr></thead>'
        f"<tbody>{country_rows}</tbody></table>\n"
        "</div>\n"
        f'<p class="cisotra-numbers__note">{ctx.html("timeline.numbers_note")}</p>'
    )


def _countries(keys: Iterable[str], ctx: Context) -> list[tuple[str, str]]:
    """(key, name) of countries in the language's alphabetical order, then 'online'."""
    countries = ctx.sorted_by_name([key for key in keys if key != "online"], lambda key: country_name(key, ctx))
    named = [(key, country_name(key, ctx)) for key in countries]
    return named + ([("online", ctx.text("activity.online"))] if "online" in keys else [])


def _number(value: int, ctx: Context) -> str:
    return escape(format_decimal(value, locale=ctx.locale))


def _calendar_link(ctx: Context) -> str:
    href = escape(ctx.link(calendar_path(ctx.prefix)))
    return (
        f'<p class="cisotra-calendar-link"><a href="{href}" download>{ctx.html("timeline.calendar")}</a><br>\n'
        f"{ctx.html('timeline.calendar_hint')}</p>"
    )


def _filters(activities: list[Activity], ctx: Context) -> str:
    types = [kind for kind in TYPES if any(activity.type == kind for activity in activities)]
    countries = _countries({country_key(a) for a in activities if a.place}, ctx)
    years = sorted({activity.shown_period.first.year for activity in activities})
    selects = [
        filter_select(
            "type",
            ctx.html("timeline.filter_type"),
            [(kind, ctx.text(f"activity.types.{kind}")) for kind in types],
            ctx,
        ),
        filter_select("country", ctx.html("timeline.filter_country"), countries, ctx),
        filter_select("year", ctx.html("timeline.filter_year"), [(str(year), str(year)) for year in years], ctx),
    ]
    form = filter_form(selects, ctx.html("timeline.filters"), ctx.html("timeline.filter_status"), ctx)
    return form + f"\n<noscript><p>{ctx.html('timeline.no_js')}</p></noscript>"


def _lang(code: str, ctx: Context) -> str:
    """A lang attribute when a text falls back to the default language."""
    return "" if code == ctx.code else f' lang="{ctx.default_tag}"'
