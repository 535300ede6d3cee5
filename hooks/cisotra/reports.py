"""What actually happened to a planned activity: the optional `report:` of an activity in `data/activities.yml`.

The activities document only plans. Until a partner reports, the site says "planned"
and shows the plan; a report says whether the activity was held, postponed or
cancelled, and may give the dates it was actually held, its format, how many took
part (in total and by group) and links to what it produced.

    report:
      status: held            # held, postponed or cancelled
      start: 2018-05-16       # optional: the dates it was held, when they differ from the plan
      end: 2018-05-17
      format: in_person       # in_person, online or hybrid
      participants:           # a whole number, or a total with groups
        total: 24
        professionals: 18
        young_people: 6
      outputs:                # links to what it produced
        - https://doi.org/10.5281/zenodo.0000000
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date

from .dates import Period, PeriodError, make_period

STATUSES = ("held", "postponed", "cancelled")
FORMATS = ("in_person", "online", "hybrid")
GROUPS = ("professionals", "young_people")
FIELDS = ("status", "start", "end", "format", "participants", "outputs")
_URL = re.compile(r"^https?://\S+$")


@dataclass(frozen=True)
class Report:
    status: str
    period: Period | None = None  # the dates it was held (or postponed to), when they differ from the plan
    format: str | None = None
    participants: int | None = None  # total
    groups: dict[str, int] = field(default_factory=dict)  # by group, when reported
    outputs: tuple[str, ...] = ()


def parse_report(value: object, today: date, problem: Callable[[str, str], None]) -> Report | None:
    """A report from the data; each mistake goes to `problem(field, message)`."""
    if not isinstance(value, Mapping):
        problem("report", "expected the fields status, and optionally start, end, format, participants, outputs")
        return None
    for key in value:
        if key not in FIELDS:
            problem(f"report.{key}", f"unknown field (expected one of: {', '.join(FIELDS)})")
    status = value.get("status")
    if status not in STATUSES:
        problem("report.status", f"expected held, postponed or cancelled, found {status!r}")
    period = None
    if "start" in value:
        start, end = value.get("start"), value.get("end")
        if not isinstance(start, str) or (end is not None and not isinstance(end, str)):
            problem("report.start", "expected a day like 2018-05-15 or a month like 2018-06")
        else:
            try:
                period = make_period(start, end)
            except PeriodError as error:
                problem(f"report.{error.field}", str(error))
    elif "end" in value:
        problem("report.end", "an end needs a start: give the first day it was held as start")
    if status == "held" and period is not None and period.last > today:
        problem(
            "report.start",
            f"marked held, but its dates ({period.first.isoformat()} to {period.last.isoformat()}) end after "
            f"today ({today.isoformat()}): report it once it has taken place",
        )
    fmt = value.get("format")
    if fmt is not None and fmt not in FORMATS:
        problem("report.format", f"expected in_person, online or hybrid, found {fmt!r}")
    total, groups = _participants(value.get("participants"), problem)
    outputs = value.get("outputs", []) or []
    if not isinstance(outputs, list) or not all(isinstance(url, str) and _URL.match(url) for url in outputs):
        problem("report.outputs", f"expected a list of web addresses starting with https://, found {outputs!r}")
        outputs = []
    if status not in STATUSES:
        return None
    return Report(status, period, fmt, total, groups, tuple(outputs))


def _participants(value: object, problem: Callable[[str, str], None]) -> tuple[int | None, dict[str, int]]:
    if value is None:
        return None, {}
    if _is_count(value):
        return value, {}
    if not isinstance(value, Mapping):
        problem("report.participants", f"expected a whole number of participants (0 or more), found {value!r}")
        return None, {}
    groups = {}
    for key, count in value.items():
        if key != "total" and key not in GROUPS:
            problem(f"report.participants.{key}", f"unknown group (expected total, {', '.join(GROUPS)})")
        elif not _is_count(count):
            problem(f"report.participants.{key}", f"expected a whole number (0 or more), found {count!r}")
        elif key != "total":
            groups[key] = count
    total = value.get("total") if _is_count(value.get("total")) else None
    if total is None:
        total = sum(groups.values()) if groups else None
    elif sum(groups.values()) > total:
        problem(
            "report.participants.total",
            f"{total}, but the groups add up to {sum(groups.values())}: the total counts everyone who took part",
        )
    return total, groups


def _is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0
