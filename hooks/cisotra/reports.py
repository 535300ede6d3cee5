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
      participants:           # total:, and a number per group if known
        total: 24
        professionals: 18
        young_people: 6
      outputs:                # what it produced: addresses, or files uploaded under docs/
        - https://doi.org/10.5281/zenodo.0000000
        - assets/reports/2018-05-first-meeting-minutes.pdf
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .casing import miscased
from .dates import Period, PeriodError, make_period
from .fields import INVALID, Choice, Count, Day, Field, File, ListOf, MapOf, OneOf, Record, Url
from .participantgroups import GROUP_KEY, TOTAL, Group
from .uploads import PUBLISHED_TYPES

STATUSES = ("held", "postponed", "cancelled")
FORMATS = ("in_person", "online", "hybrid")
# Where partners upload what an activity produced (CONTRIBUTING.md, section 3): one folder for
# every language, published at assets/reports/ on the site.
OUTPUTS_FOLDER = "assets/reports"
DOCUMENTS = tuple(sorted(suffix for suffix, kind in PUBLISHED_TYPES.items() if kind == "document"))
OUTPUT = OneOf(
    (
        Url(),
        File(
            types=DOCUMENTS,
            expected=f"the path of a document uploaded under docs/, like {OUTPUTS_FOLDER}/minutes.pdf",
            folder=OUTPUTS_FOLDER,
        ),
    ),
    expected=f"a web address starting with https://, or the path of a document uploaded under docs/, like "
    f"{OUTPUTS_FOLDER}/minutes.pdf",
)


@dataclass(frozen=True)
class GroupCounts(MapOf):
    """How many took part: total: and a number per group of data/participant-groups.yml, always a mapping,
    so that the browser editor's form (a field for the total and one per group) writes what it reads. The
    groups' keys are checked by the loader, which has that file; the editor's configuration adds a field per
    group to the form of the total (cisotra.editor, from the file's keys)."""

    def check(self, value, where):
        if isinstance(value, int) and not isinstance(value, bool):
            where.problem(
                f"expected {self.expected}, found {value} (the earlier form): write participants: {{total: {value}}}"
            )
            return INVALID
        return super().check(value, where)

    def widget(self, languages):
        total = {
            "name": TOTAL,
            "label": "Total",
            "required": False,
            "hint": "Everyone who took part.",
            **self.value.widget(languages),
        }
        return {"widget": "object", "fields": [total]}


PARTICIPANTS = GroupCounts(
    Count(),
    key=GROUP_KEY,
    expected="total: and, if known, a number per group of data/participant-groups.yml, such as {total: 23}",
    key_help="total, or a group of data/participant-groups.yml.",
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
            help="How many took part: total: with, if known, a number per group of data/participant-groups.yml "
            "({total: 23} or {total: 23, professionals: 15, young_people: 8}).",
        ),
        Field(
            "outputs",
            ListOf(OUTPUT),
            help="What it produced (minutes, slides, a report): an address on another site or a DOI (https://…), or "
            f"a document uploaded to docs/{OUTPUTS_FOLDER}/, written as its path under docs/ "
            f"({OUTPUTS_FOLDER}/minutes.pdf). A project output of its own belongs in data/results.yml.",
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
    names: dict[str, Group] = field(default_factory=dict)  # the groups reported, with their names
    outputs: tuple[str, ...] = ()  # addresses (https://…) and paths of files under docs/


def is_address(output: str) -> bool:
    """An output on another site, not a file of this one."""
    return "://" in output


def output_file_problem(output: str, docs: Path) -> str | None:
    """What is wrong with an output that is a file of this site (its path under docs/), or None."""
    if is_address(output):
        return None
    if output.startswith("docs/"):
        return f"{output!r} starts with docs/: write the path under docs/, {output.removeprefix('docs/')!r}"
    if wrong_case := miscased(docs, "", output):
        return wrong_case
    target = (docs / output).resolve()
    if not target.is_relative_to(docs.resolve()) or not target.is_file():
        return (
            f"no such file: docs/{output} (expected a document uploaded under docs/, like "
            f"{OUTPUTS_FOLDER}/minutes.pdf): upload it to docs/{OUTPUTS_FOLDER}/ and write its path with the same "
            "capital letters, or write the address where it is kept"
        )
    return None


def report_from(
    checked: Mapping, today: date, problem: Callable[[str, str], None], groups: Mapping[str, Group]
) -> Report | None:
    """A report from its checked fields (cisotra.fields); what ties them together goes to
    `problem(field, message)`: the dates in order and in the past, groups that
    data/participant-groups.yml has (`groups`), within the total."""
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
    total, counted = _participants(checked.get("participants"), problem, groups)
    if status is None:
        return None
    names = {key: groups[key] for key in counted}
    return Report(status, period, checked.get("format"), total, counted, names, tuple(checked.get("outputs", ())))


def _participants(
    value: object, problem: Callable[[str, str], None], known: Mapping[str, Group]
) -> tuple[int | None, dict[str, int]]:
    if value is None:
        return None, {}
    groups = {}
    for key, count in value.items():
        if key == TOTAL:
            continue
        if key not in known:
            allowed = (TOTAL, *known)
            close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
            hint = f"did you mean {close[0]}? " if close else ""
            problem(
                f"report.participants.{key}",
                f"unknown group {key!r} ({hint}expected one of: {', '.join(allowed)}; a new group goes in "
                "data/participant-groups.yml, with its name in every language)",
            )
            continue
        groups[key] = count
    total = value.get(TOTAL)
    if total is None:
        total = sum(groups.values()) if groups else None
    elif sum(groups.values()) > total:
        problem(
            "report.participants.total",
            f"{total}, but the groups add up to {sum(groups.values())}: the total counts everyone who took part",
        )
    return total, groups
