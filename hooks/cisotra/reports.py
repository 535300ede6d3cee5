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

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date

from .dates import Period, PeriodError, make_period
from .fields import Choice, Count, Day, Field, ListOf, OneOf, Record, Url

STATUSES = ("held", "postponed", "cancelled")
FORMATS = ("in_person", "online", "hybrid")
GROUPS = ("professionals", "young_people")

PARTICIPANTS = OneOf(
    (
        Count("a whole number of participants (0 or more)"),
        Record(
            (
                Field("total", Count(), help="Everyone who took part."),
                Field("professionals", Count(), help="Of them, professionals working with minors and young adults."),
                Field("young_people", Count(), label="Young people", help="Of them, young people."),
            ),
            what="the participants",
        ),
    ),
    expected="a whole number of participants, or total: and a number per group",
)
REPORT = Record(
    (
        Field(
            "status",
            Choice(STATUSES),
            required=True,
            help="held, postponed or cancelled. An activity is reported held only once its days have passed.",
        ),
        Field(
            "start",
            Day(month=True),
            help="Only if it was held on other days than planned (or postponed to known days): the first day.",
        ),
        Field("end", Day(month=True), help="The last day it was held, when it lasted longer than one day."),
        Field("format", Choice(FORMATS), help="How it was held: in_person, online or hybrid."),
        Field(
            "participants",
            PARTICIPANTS,
            help="How many took part: a number (23), or total: with a number per group "
            "({total: 23, professionals: 15, young_people: 8}).",
        ),
        Field(
            "outputs",
            ListOf(Url()),
            help="Addresses on other sites of what it produced (minutes, slides, a report, a DOI). A file uploaded "
            "to this site is a result: list it in data/results.yml.",
        ),
    ),
    what="a report",
)
FIELDS = tuple(f.name for f in REPORT.fields)


@dataclass(frozen=True)
class Report:
    status: str
    period: Period | None = None  # the dates it was held (or postponed to), when they differ from the plan
    format: str | None = None
    participants: int | None = None  # total
    groups: dict[str, int] = field(default_factory=dict)  # by group, when reported
    outputs: tuple[str, ...] = ()


def report_from(checked: Mapping, today: date, problem: Callable[[str, str], None]) -> Report | None:
    """A report from its checked fields (cisotra.fields); what ties them together goes to
    `problem(field, message)`: the dates in order and in the past, the groups within the total."""
    status = checked.get("status")
    period = None
    if "start" in checked:
        try:
            period = make_period(checked["start"], checked.get("end"))
        except PeriodError as error:
            problem(f"report.{error.field}", str(error))
    elif "end" in checked:
        problem("report.end", "an end needs a start: give the first day it was held as start")
    if status == "held" and period is not None and period.last > today:
        problem(
            "report.start",
            f"marked held, but its dates ({period.first.isoformat()} to {period.last.isoformat()}) end after "
            f"today ({today.isoformat()}): report it once it has taken place",
        )
    total, groups = _participants(checked.get("participants"), problem)
    if status is None:
        return None
    return Report(status, period, checked.get("format"), total, groups, tuple(checked.get("outputs", ())))


def _participants(value: object, problem: Callable[[str, str], None]) -> tuple[int | None, dict[str, int]]:
    if value is None:
        return None, {}
    if isinstance(value, int):
        return value, {}
    groups = {key: count for key, count in value.items() if key != "total"}
    total = value.get("total")
    if total is None:
        total = sum(groups.values()) if groups else None
    elif sum(groups.values()) > total:
        problem(
            "report.participants.total",
            f"{total}, but the groups add up to {sum(groups.values())}: the total counts everyone who took part",
        )
    return total, groups
