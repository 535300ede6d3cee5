"""The project's activities: `data/activities.yml`, described once (`ACTIVITIES`), checked, and loaded.

The description gives every field's kind, whether it is required and translated, and the
help partners read; the checks, the JSON Schema in data/schema/ and the browser editor's
form are made from it (cisotra.fields). What ties fields or files together is checked
here: the dates in order, a city that data/cities.yml has, ids used once. Every problem
is collected with its line before the build stops, so an editor fixes them all at once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .dates import Period, PeriodError, make_period
from .entries import load_entries
from .errors import DataError, Problem
from .fields import (
    IDENTIFIER,
    INVALID,
    Boolean,
    Choice,
    Coordinates,
    Count,
    Country,
    Day,
    Field,
    Identifier,
    LanguageTag,
    ListOf,
    Record,
    Reference,
    Text,
    Translated,
    Url,
    Where,
)
from .participantgroups import FILE as GROUPS_FILE
from .participantgroups import Group, load_groups
from .placeholders import Placeholders
from .reports import REPORT, Report, output_file_problem, report_from
from .workpackages import WORK_PACKAGE
from .yamlfile import Located, load_file

TYPES = (
    "meeting",
    "seminar",
    "training",
    "course",
    "workshop_minors",
    "workshop_young_adults",
    "model",
    "conference",
    "presentation",  # the project presented at a conference outside the consortium (WP10)
)
LINK_KINDS = ("report", "photos", "registration")
LINK_HELP = {
    "report": "The address of its report on another site.",
    "photos": "The address of its photos on another site.",
    "registration": "The address where people register for it.",
}
# What the site says of an activity: the plan until a partner reports what happened.
STATES = ("upcoming", "planned", "held", "postponed", "cancelled")

CITIES = ListOf(
    Record(
        (
            Field(
                "id",
                Identifier("naples"),
                required=True,
                help="The city's id in lower case, such as naples: activities and partners name the city by it.",
            ),
            Field(
                "country",
                Country(),
                required=True,
                help="The city's country, as a two-letter ISO 3166 code in capitals: IT, or AT for Austria.",
            ),
            Field(
                "at",
                Coordinates(),
                label="Position",
                help="Where the city is, as [latitude, longitude] in degrees, like [46.24, 15.27]; a partner's city "
                "needs it for the map of partners.",
            ),
            Field(
                "name",
                Translated(every=True, noun="name"),
                required=True,
                help="The city's name in every language of the site; if it is the same as in English, write it anyway.",
            ),
        ),
        what="a city",
    ),
    label_by="id",
    expected="a list of cities, each starting with '- id:', such as  - id: naples",
)
# How activities and partners name a city: the editor offers the cities of data/cities.yml by name.
CITY = Reference(
    "data",
    expected="an id of data/cities.yml, such as naples",
    file="cities",
    key="items.*.id",
    search="items.*.name.{default}",
)

PLACE_ABOUT = "online: true, or city: (an id of data/cities.yml) and/or country: (an ISO 3166 code)"


@dataclass(frozen=True)
class PlaceRecord(Record):
    """A place: one record the browser editor can write (its form has a field for each), where an
    earlier form of the file wrote `place: online`, a text the editor's form of a city and a country dropped."""

    def check(self, value, where):
        if value == "online":
            where.problem(
                f"expected {PLACE_ABOUT}, found 'online' (the earlier form): write place: {{online: true}}, or "
                "place: on its own line with online: true indented under it"
            )
            return INVALID
        return super().check(value, where)


PLACE = PlaceRecord(
    (
        Field(
            "online",
            Boolean(),
            help="true if it takes place online, with no city or country. A hybrid activity is planned at its "
            "city, and reported with format: hybrid.",
        ),
        Field(
            "city",
            CITY,
            help="A city of data/cities.yml, by its id: naples. Add a new city there first.",
        ),
        Field(
            "country",
            Country(),
            help="The country's ISO 3166 code: SI, DE, GR, IT or TR, or another for a place abroad (AT, FR).",
        ),
    ),
    what="a place",
    at_least_one=True,
    about=PLACE_ABOUT,
)

ACTIVITY = Record(
    (
        Field(
            "id",
            Identifier(),
            required=True,
            help="A name for the activity in lower case with hyphens, such as meeting-7-celje: its page's address "
            "and its calendar entries are made from it, so never change it once published.",
        ),
        Field(
            "type",
            Choice(TYPES),
            required=True,
            help="What kind of activity it is; presentation is the project presented at a conference outside the "
            "consortium (WP10).",
        ),
        Field("work_package", WORK_PACKAGE, required=True, help="The work package it belongs to, 1 to 10."),
        Field(
            "start",
            Day(month=True),
            required=True,
            help="The planned first day (2026-12-01) or, if the day is not known, the month (2026-12).",
        ),
        Field(
            "end",
            Day(month=True),
            help="The planned last day, when it lasts longer than one day: a day if start is a day, a month if "
            "start is a month.",
        ),
        Field(
            "place",
            PLACE,
            help="Where it takes place: online: true, or a city of data/cities.yml and/or a country.",
        ),
        Field(
            "participants",
            Count("a whole number of planned participants (0 or more)"),
            help="How many are planned to take part (what happened goes in the report).",
        ),
        Field(
            "language",
            ListOf(LanguageTag(), single=True),
            help="The working languages, as language tags: [en] or [sl, en] (en, sl, de, it, el, tr).",
        ),
        Field(
            "title",
            Translated(),
            required=True,
            help="Its title per language; English is required, and a language without its own shows the English.",
        ),
        Field(
            "description",
            Translated(Text(multiline=True), required=False),
            help="One or two sentences on what it is, per language.",
        ),
        Field(
            "links",
            Record(tuple(Field(kind, Url(), help=LINK_HELP[kind]) for kind in LINK_KINDS), what="links"),
            help="Addresses on other sites of its report, photos or registration. A file uploaded to this site is "
            "a result: list it in data/results.yml.",
        ),
        Field(
            "report",
            REPORT,
            help="What actually happened, once it is known: held, postponed or cancelled, and how. Until then the "
            "site shows the activity as planned, also once its date has passed.",
        ),
    ),
    what="an activity",
)
ACTIVITIES = ListOf(ACTIVITY, label_by="id", expected="a list of activities, each starting with '- id:'")
FIELDS = tuple(f.name for f in ACTIVITY.fields)


@dataclass(frozen=True)
class City:
    key: str
    country: str
    names: dict[str, str]
    at: tuple[float, float] | None = None  # latitude, longitude in degrees


@dataclass(frozen=True)
class Place:
    online: bool = False
    city: City | None = None
    country: str | None = None


@dataclass(frozen=True)
class Activity:
    id: str
    type: str
    work_package: int
    period: Period
    place: Place | None
    participants: int | None
    languages: tuple[str, ...]
    title: dict[str, str]
    description: dict[str, str] = field(default_factory=dict)
    links: dict[str, str] = field(default_factory=dict)
    report: Report | None = None

    @property
    def shown_period(self) -> Period:
        """The dates it was held (or postponed to) when reported, else the planned ones."""
        return self.report.period if self.report and self.report.period else self.period

    def is_upcoming(self, today: date) -> bool:
        """Not reported, and not over yet on `today` (an activity in progress is still upcoming)."""
        return self.report is None and self.period.last >= today

    def state(self, today: date) -> str:
        """One of STATES: what is known on `today`. Without a report, a past date says only
        that the activity was planned for it, never that it took place."""
        if self.report is not None:
            return self.report.status
        return "upcoming" if self.period.last >= today else "planned"

    @property
    def attendance(self) -> str:
        """in_person, online or hybrid: as reported, else as planned (an online place, or not)."""
        if self.report and self.report.format:
            return self.report.format
        return "online" if self.place and self.place.online else "in_person"

    def text(self, which: str, code: str, default_code: str) -> tuple[str, str]:
        """(text, language code it is in): a language without its own falls back to the default language."""
        texts = self.title if which == "title" else self.description
        if code in texts:
            return texts[code], code
        return texts.get(default_code, ""), default_code


# ---------------------------------------------------------------------------


def load_activities(
    path: Path,
    cities_path: Path,
    codes: tuple[str, ...],
    shown_root: Path,
    today: date | None = None,
    placeholders: Placeholders | None = None,
    docs: Path | None = None,
    groups: Mapping[str, Group] | None = None,
) -> list[Activity]:
    """All activities, sorted by date; raises DataError listing every problem found.

    `codes` lists the default language first: its title is required, others fall back to it.
    Activities of the same dates keep the file's order (the document's order of the WP5 courses).
    `today` is the build's day: a report may not say an activity was held after it.
    A title or description still saying what the template says (`placeholders`) is refused.
    A report's outputs that are files must be under `docs` (the project's docs/ when not given).
    A report counts its participants in the groups of data/participant-groups.yml (`groups`; read
    from beside `path` when not given).
    """
    docs = docs if docs is not None else shown_root / "docs"
    if groups is None:
        groups = load_groups(path.parent / GROUPS_FILE, codes, shown_root)
    cities = load_cities(cities_path, codes, shown_root)
    shown = path.relative_to(shown_root) if path.is_relative_to(shown_root) else path
    data = load_file(path, shown)
    if not isinstance(data, list):
        raise DataError([Problem(shown, 1, None, f"expected {ACTIVITIES.expected}")])
    problems: list[Problem] = []
    activities: list[Activity] = []
    seen: dict[str, int] = {}
    for item in data:
        if not isinstance(item, Located):
            problems.append(Problem(shown, None, None, f"expected an activity (a mapping of fields), found {item!r}"))
            continue
        activity = _activity(item, shown, codes, cities, problems, today or date.max, placeholders, docs, groups)
        if activity is None:
            continue
        if activity.id in seen:
            problems.append(
                Problem(
                    shown,
                    item.line_of("id"),
                    f"{activity.id}: id",
                    f"'{activity.id}' is used twice (first on line {seen[activity.id]}); ids must be unique",
                )
            )
            continue
        seen[activity.id] = item.line_of("id")
        activities.append(activity)
    if problems:
        raise DataError(problems)
    position = {activity.id: index for index, activity in enumerate(activities)}
    return sorted(activities, key=lambda a: (a.period.first, a.period.last, a.work_package, position[a.id]))


def load_cities(path: Path, codes: tuple[str, ...], shown_root: Path) -> dict[str, City]:
    """The cities of data/cities.yml by id, in the file's order."""
    return {
        key: City(key, entry["country"], {code: entry["name"][code] for code in codes}, entry.get("at"))
        for key, entry in load_entries(path, CITIES, codes, shown_root).items()
    }


def _activity(
    item: Located,
    file: Path,
    codes: tuple[str, ...],
    cities: dict[str, City],
    problems: list[Problem],
    today: date,
    placeholders: Placeholders | None,
    docs: Path,
    groups: Mapping[str, Group],
) -> Activity | None:
    """One activity, checked against its description and then as a whole; None if it has problems."""
    raw_id = item.get("id")
    ident = raw_id if isinstance(raw_id, str) and IDENTIFIER.match(raw_id) else None
    where = Where(file, item.line, f"{ident}: " if ident else "", problems, codes)
    start_count = len(problems)
    checked = ACTIVITY.check(item, where)

    def at(key: str) -> Where:
        return where.field(key, _line(item, key))

    period = None
    if "start" in checked and ("end" in checked or "end" not in item):
        try:
            period = make_period(checked["start"], checked.get("end"))
        except PeriodError as error:
            at(error.field).problem(str(error))
    place = _place(checked["place"], cities, at("place")) if "place" in checked else None
    for key in ("title", "description"):
        for code, text in checked.get(key, {}).items():
            if placeholders and (found := placeholders.match(text)):
                at(key).field(code, item[key].line_of(code)).problem(
                    placeholders.message(found, "the activity's own " + key)
                )
    report = None
    if "report" in checked:
        report = report_from(checked["report"], today, lambda key, message: at(key).problem(message), groups)
        for output in report.outputs if report else ():
            if mistake := output_file_problem(output, docs):
                at("report.outputs").problem(mistake)
    if report and report.status == "held" and report.period is None and period and period.last > today:
        at("report.status").problem(
            f"marked held, but its planned dates end on {period.last.isoformat()}, after today "
            f"({today.isoformat()}): report it once it has taken place, or give the days it was held as start and end"
        )
    if len(problems) > start_count or ident is None or period is None:
        return None
    return Activity(
        id=ident,
        type=checked["type"],
        work_package=checked["work_package"],
        period=period,
        place=place,
        participants=checked.get("participants"),
        languages=tuple(checked.get("language", ())),
        title=checked["title"],
        description=checked.get("description", {}),
        links=dict(checked.get("links", {})),
        report=report,
    )


def _line(item: Located, key: str) -> int:
    """The line of a field, also of a nested one ('report.participants.total')."""
    parts = key.split(".")
    mapping, line = item, item.line_of(parts[0])
    for part in parts:
        if not isinstance(mapping, Located) or part not in mapping:
            break
        line = mapping.line_of(part)
        mapping = mapping[part]
    return line


def _place(value: Mapping, cities: dict[str, City], where: Where) -> Place | None:
    """A place checked against data/cities.yml: online alone, or a city that exists, in the country given."""
    online = value.get("online") is True
    if online and ("city" in value or "country" in value):
        where.problem(
            "online: true with a city or country: an online activity has no place; a hybrid one is planned at its "
            "city (remove online:) and reported with format: hybrid"
        )
        return None
    if online:
        return Place(online=True)
    if "city" not in value and "country" not in value:
        where.problem(f"expected {PLACE.expected} (online: false says only where it is not)")
        return None
    city = None
    if "city" in value:
        city = cities.get(value["city"])
        if city is None:
            where.problem(
                f"unknown city {value['city']!r} (expected one of: {', '.join(sorted(cities))}; "
                "add new cities to data/cities.yml)"
            )
            return None
    country = value.get("country", city.country if city else None)
    if city and city.country != country:
        where.problem(f"{city.key} is in {city.country}, not in {country}")
        return None
    return Place(city=city, country=country)
