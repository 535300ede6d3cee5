"""iCalendar files of the activities (RFC 5545), written with the icalendar library.

UIDs come from the activity ids, so a calendar app that subscribed once updates the
same events after every rebuild. DTSTAMP comes from the sources' revision time, never
from the clock, so the same sources give the same bytes. An activity known only to
the month is an all-day event spanning its whole months, said so in its description: no
days are invented. Only an activity reported as held is confirmed; a plan is tentative.
"""

from __future__ import annotations

import functools
from datetime import datetime

from icalendar import Calendar, Event, vCategory, vDDDTypes, vText, vUri

from .activities import Activity
from .context import Context
from .dates import Period, format_period
from .paths import calendar_path
from .timeline import place_text

PRODID = "-//CiSoTRA project//Activities//EN"
_FOLD_AT = 75  # octets (RFC 5545 §3.1)


def calendar_files(
    activities: list[Activity], ctx: Context, stamp: datetime, name: str, site_url: str
) -> dict[str, bytes]:
    """A language's calendar files by site path: every activity in one, and a file of its own for
    each upcoming activity (to add it to a calendar; past ones would help nobody and pile up)."""

    def url_of(activity: Activity) -> str:
        return f"{site_url}{ctx.prefix}timeline/#{activity.id}"

    everything, singles = calendars(activities, ctx, stamp, name, url_of)
    upcoming = {activity.id for activity in activities if activity.is_upcoming(ctx.today)}
    files = {calendar_path(ctx.prefix): everything}
    files.update({calendar_path(ctx.prefix, key): text for key, text in singles.items() if key in upcoming})
    return files


def calendars(
    activities: list[Activity], ctx: Context, stamp: datetime, name: str, url_of
) -> tuple[bytes, dict[str, bytes]]:
    """The calendar of all activities and one calendar per activity (by id); `url_of(activity)` is an absolute URL.

    Each event is serialised once and the same bytes go into both files: an iCalendar
    file is its calendar's lines around its events' lines.
    """
    head, tail = _frame(name)
    events = {activity.id: event_bytes(activity, ctx, stamp, url_of(activity)) for activity in activities}
    everything = head + b"".join(events.values()) + tail
    return everything, {key: head + event + tail for key, event in events.items()}


def event_bytes(activity: Activity, ctx: Context, stamp: datetime, url: str) -> bytes:
    """One VEVENT in the language of `ctx`.

    The properties every language shares are serialised once per build, not once per
    language: icalendar spends most of its time per property line.
    """
    shared = _shared_lines(activity.id, activity.shown_period, stamp, event_status(activity))
    return b"BEGIN:VEVENT\r\n" + shared + _property_lines(_worded_event(activity, ctx, url)) + b"END:VEVENT\r\n"


def event_status(activity: Activity) -> str:
    """RFC 5545 STATUS, for what a partner reported and nothing more: CONFIRMED when the activity
    was held (on the dates shown), CANCELLED when it was cancelled; a plan nobody has reported on,
    or an activity postponed, is TENTATIVE."""
    report = activity.report
    if report and report.status == "cancelled":
        return "CANCELLED"
    if report and report.status == "held":
        return "CONFIRMED"
    return "TENTATIVE"


@functools.lru_cache(maxsize=65536)
def _shared_lines(uid: str, period: Period, stamp: datetime, status: str) -> bytes:
    # Typed values set directly: icalendar's add() would infer the same types, a fifth slower.
    event = Event()
    event["uid"] = vText(f"{uid}@cisotra")
    event["dtstamp"] = vDDDTypes(stamp)
    event["dtstart"] = vDDDTypes(period.first)
    # All-day events end on the day after the last one (RFC 5545 §3.6.1).
    event["dtend"] = vDDDTypes(period.end_exclusive)
    event["status"] = vText(status)
    event["transp"] = vText("TRANSPARENT")
    return _property_lines(event)


def _worded_event(activity: Activity, ctx: Context, url: str) -> Event:
    title, _ = activity.text("title", ctx.code, ctx.default_code)
    description, _ = activity.text("description", ctx.code, ctx.default_code)
    event = Event()
    event["summary"] = vText(title)
    lines = [
        ctx.text(f"activity.status.{activity.state(ctx.today)}") + ": " + format_period(activity.shown_period, ctx.tag)
    ]
    if description:
        lines.append(description)
    lines.append(ctx.text(f"activity.types.{activity.type}") + f" · WP{activity.work_package}")
    if activity.participants is not None:
        lines.append(ctx.text("activity.participants", count=activity.participants))
    event["description"] = vText("\n".join(lines))
    if (place := place_text(activity, ctx)) is not None:
        event["location"] = vText(place)
    event["categories"] = vCategory([ctx.text(f"activity.types.{activity.type}")])
    event["url"] = vUri(url)
    return event


def _property_lines(component: Event) -> bytes:
    """A component's property lines without its BEGIN and END lines, folded as icalendar folds them.

    icalendar folds every line character by character; a line shorter than the limit
    comes out unchanged, so only the long ones are handed to it.
    """
    lines = component.content_lines()[1:-2]  # BEGIN ... END, then an empty string
    out = []
    for line in lines:
        encoded = line.encode("utf-8")
        out.append(encoded if len(encoded) < _FOLD_AT else line.to_ical())
    return b"\r\n".join(out) + b"\r\n"


def _frame(name: str) -> tuple[bytes, bytes]:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    text = cal.to_ical()
    end = text.index(b"END:VCALENDAR")
    return text[:end], text[end:]
