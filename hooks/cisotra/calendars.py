"""iCalendar files of the activities (RFC 5545), written with the icalendar library.

UIDs come from the activity ids, so a calendar app that subscribed once updates the
same events after every rebuild. DTSTAMP comes from the sources' revision time, never
from the clock, so the same sources give the same bytes. An activity known only to
the month is an all-day event spanning its whole months, marked tentative and said so
in its description: no days are invented.
"""

from __future__ import annotations

from datetime import datetime

from icalendar import Calendar, Event, vCategory, vDDDTypes, vText, vUri

from .activities import Activity
from .context import Context
from .dates import format_period
from .timeline import place_text

PRODID = "-//CiSoTRA project//Activities//EN"


def activity_event(activity: Activity, ctx: Context, stamp: datetime, url: str) -> Event:
    title, _ = activity.text("title", ctx.code, ctx.reference)
    description, _ = activity.text("description", ctx.code, ctx.reference)
    # Typed values set directly: icalendar's add() would infer the same types, a fifth slower.
    event = Event()
    event["uid"] = vText(f"{activity.id}@cisotra")
    event["dtstamp"] = vDDDTypes(stamp)
    event["dtstart"] = vDDDTypes(activity.period.first)
    # All-day events end on the day after the last one (RFC 5545 §3.6.1).
    event["dtend"] = vDDDTypes(activity.period.end_exclusive)
    event["summary"] = vText(title)
    lines = [format_period(activity.period, ctx.tag)]
    if description:
        lines.append(description)
    lines.append(ctx.text(f"activity.types.{activity.type}") + f" · WP{activity.work_package}")
    if activity.participants is not None:
        lines.append(ctx.text("activity.participants", count=activity.participants))
    event["description"] = vText("\n".join(lines))
    if (place := place_text(activity, ctx)) is not None:
        event["location"] = vText(place)
    event["categories"] = vCategory([ctx.text(f"activity.types.{activity.type}")])
    event["status"] = vText("TENTATIVE" if activity.period.precision == "month" else "CONFIRMED")
    event["transp"] = vText("TRANSPARENT")
    event["url"] = vUri(url)
    return event


def calendars(
    activities: list[Activity], ctx: Context, stamp: datetime, name: str, url_of
) -> tuple[bytes, dict[str, bytes]]:
    """The calendar of all activities and one calendar per activity (by id); `url_of(activity)` is an absolute URL.

    Each event is serialised by icalendar once and the same bytes go into both files:
    an iCalendar file is its calendar's lines around its events' lines.
    """
    head, tail = _frame(name)
    events = {activity.id: activity_event(activity, ctx, stamp, url_of(activity)).to_ical() for activity in activities}
    everything = head + b"".join(events.values()) + tail
    return everything, {key: head + event + tail for key, event in events.items()}


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
