"""Quality indicators (WP9): what was planned against what partners reported, and the data for the consortium's reports.

The figures are sums over the activities of data/activities.yml, each labelled for what it
is: planned places count a person once per activity they take part in; reported
participants count what the reports say, and the share of activities with a report says
how far the reported figures go. The exports hold every activity, planned and reported,
in CSV and JSON, so a report can be made from them without retyping.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from babel.numbers import format_percent
from markupsafe import Markup

from .activities import TYPES, Activity
from .context import Context
from .paths import INDICATORS_CSV, INDICATORS_JSON
from .render import html
from .timeline import country_key, country_name

EXPORT_CSV = INDICATORS_CSV
EXPORT_JSON = INDICATORS_JSON


@dataclass(frozen=True)
class Row:
    """One group of activities (a kind, a country, a year or a work package) and its sums."""

    key: str
    planned: int  # activities
    reported: int  # activities with a report
    held: int
    postponed: int
    cancelled: int
    planned_places: int | None  # None: no activity of the group has a planned number
    participants: int | None  # None: no report of the group gives a number

    @property
    def reported_share(self) -> float:
        return self.reported / self.planned if self.planned else 0.0


def rows(activities: list[Activity], key: Callable[[Activity], str]) -> list[Row]:
    """The sums per group, in the order the groups first appear."""
    groups: dict[str, list[Activity]] = {}
    for activity in activities:
        groups.setdefault(key(activity), []).append(activity)
    return [_row(name, members) for name, members in groups.items()]


def total(activities: list[Activity]) -> Row:
    return _row("", activities)


def _row(key: str, members: list[Activity]) -> Row:
    reports = [activity.report for activity in members if activity.report]
    planned = [activity.participants for activity in members if activity.participants is not None]
    counted = [report.participants for report in reports if report.participants is not None]
    return Row(
        key=key,
        planned=len(members),
        reported=len(reports),
        held=sum(report.status == "held" for report in reports),
        postponed=sum(report.status == "postponed" for report in reports),
        cancelled=sum(report.status == "cancelled" for report in reports),
        planned_places=sum(planned) if planned else None,
        participants=sum(counted) if counted else None,
    )


# ---------------------------------------------------------------------------


def groupings(activities: list[Activity], ctx: Context) -> list[tuple[str, list[tuple[str, Row]]]]:
    """(caption key, [(row label, row)]) for each way of grouping, labels in the page's language."""
    by_type = {row.key: row for row in rows(activities, lambda a: a.type)}
    countries = rows([a for a in activities if a.place], country_key)
    named = {
        row.key: (ctx.text("activity.online") if row.key == "online" else country_name(row.key, ctx))
        for row in countries
    }
    return [
        (
            "indicators.by_type",
            [(ctx.text(f"activity.types.{kind}"), by_type[kind]) for kind in TYPES if kind in by_type],
        ),
        (
            "indicators.by_country",
            [(named[row.key], row) for row in ctx.sorted_by_name(countries, lambda row: named[row.key])],
        ),
        (
            "indicators.by_year",
            sorted((row.key, row) for row in rows(activities, lambda a: str(a.shown_period.first.year))),
        ),
        (
            "indicators.by_work_package",
            [
                (f"WP{row.key}", row)
                for row in sorted(rows(activities, lambda a: str(a.work_package)), key=lambda row: int(row.key))
            ],
        ),
    ]


TABLE_COLUMNS = ("group", "planned", "held", "postponed", "cancelled", "reported", "places", "participants")


@dataclass(frozen=True)
class Table:
    caption: str
    rows: list[tuple[str, list[str]]]  # (row label, its cells as written)
    total: list[str]


def render_indicators(activities: list[Activity], ctx: Context, exports: tuple[str, str]) -> Markup:
    """The tables and the links to the exports (site paths)."""
    whole = _cells(total(activities), ctx)
    tables = [
        Table(ctx.text(caption), [(label, _cells(row, ctx)) for label, row in labelled], whole)
        for caption, labelled in groupings(activities, ctx)
    ]
    csv_path, json_path = exports
    return html(
        "indicators.html",
        ctx=ctx,
        columns=TABLE_COLUMNS,
        tables=tables,
        csv=ctx.link(csv_path),
        json=ctx.link(json_path),
    )


def _cells(row: Row, ctx: Context) -> list[str]:
    """A row's cells as written. Where no activity of the row has a report, what happened is not
    known: "not reported", never a 0 that would read as "nothing was held"."""

    def number(value: int | None) -> str:
        return "–" if value is None else ctx.number(value)

    def reported(value: int | None) -> str:
        return ctx.text("indicators.not_reported") if row.reported == 0 or value is None else ctx.number(value)

    share = format_percent(row.reported_share, locale=ctx.locale)
    return [
        number(row.planned),
        reported(row.held),
        reported(row.postponed),
        reported(row.cancelled),
        share,
        number(row.planned_places),
        reported(row.participants),
    ]


# ---------------------------------------------------------------------------
# Exports

COLUMNS = (
    "id",
    "type",
    "work_package",
    "planned_start",
    "planned_end",
    "precision",
    "country",
    "city",
    "online",
    "planned_participants",
    "languages",
    "title",
    "status",
    "held_start",
    "held_end",
    "format",
    "participants",
    # then a column per participant group of data/participant-groups.yml (`columns`)
    "outputs",
)


def columns(groups: Sequence[str]) -> tuple[str, ...]:
    """The exports' columns: the participants, then a number per group, then the outputs."""
    return (*COLUMNS[:-1], *groups, COLUMNS[-1])


def records(activities: list[Activity], default_code: str, today: date, groups: Sequence[str] = ()) -> list[dict]:
    """Every activity as a flat record: the plan, and the report where there is one, with a number per group."""
    out = []
    for activity in activities:
        report = activity.report
        place = activity.place
        out.append(
            {
                "id": activity.id,
                "type": activity.type,
                "work_package": activity.work_package,
                "planned_start": activity.period.first.isoformat(),
                "planned_end": activity.period.last.isoformat(),
                "precision": activity.period.precision,
                "country": place.country if place and not place.online else None,
                "city": place.city.key if place and place.city else None,
                "online": bool(place and place.online),
                "planned_participants": activity.participants,
                "languages": list(activity.languages),
                "title": activity.text("title", default_code, default_code)[0],
                "status": activity.state(today),
                "held_start": report.period.first.isoformat() if report and report.period else None,
                "held_end": report.period.last.isoformat() if report and report.period else None,
                "format": report.format if report else None,
                "participants": report.participants if report else None,
                **{group: (report.groups.get(group) if report else None) for group in groups},
                "outputs": list(report.outputs) if report else [],
            }
        )
    return out


def to_json(items: list[dict]) -> bytes:
    return (json.dumps({"activities": items}, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def to_csv(items: list[dict], groups: Sequence[str] = ()) -> bytes:
    """CSV with a header row; lists joined with a space; empty cells where nothing is known."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns(groups), lineterminator="\r\n")
    writer.writeheader()
    for item in items:
        writer.writerow(
            {
                key: " ".join(value) if isinstance(value, list) else ("" if value is None else value)
                for key, value in item.items()
            }
        )
    return out.getvalue().encode("utf-8")
