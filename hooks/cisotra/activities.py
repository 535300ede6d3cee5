"""The project's activities: loading `data/activities.yml` and checking every field.

Every problem is collected with its line before the build stops, so an editor fixes
them all at once. The checks follow the schema in `data/schema/activities.schema.json`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from babel import Locale

from .dates import Period, PeriodError, make_period
from .errors import DataError, Problem
from .placeholders import Placeholders
from .reports import Report, parse_report
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
WORK_PACKAGES = range(1, 11)
LINK_KINDS = ("report", "photos", "registration")
FIELDS = (
    "id",
    "type",
    "work_package",
    "start",
    "end",
    "place",
    "participants",
    "language",
    "title",
    "description",
    "links",
    "report",
)
# What the site says of an activity: the plan until a partner reports what happened.
STATES = ("upcoming", "planned", "held", "postponed", "cancelled")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_COUNTRIES = frozenset(code for code in Locale("en").territories if len(code) == 2 and code.isalpha())


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
) -> list[Activity]:
    """All activities, sorted by date; raises DataError listing every problem found.

    `codes` lists the default language first: its title is required, others fall back to it.
    Activities of the same dates keep the file's order (the document's order of the WP5 courses).
    `today` is the build's day: a report may not say an activity was held after it.
    A title or description still saying what the template says (`placeholders`) is refused.
    """
    cities = load_cities(cities_path, codes, shown_root)
    shown = path.relative_to(shown_root) if path.is_relative_to(shown_root) else path
    data = load_file(path, shown)
    if not isinstance(data, list):
        raise DataError([Problem(shown, 1, None, "expected a list of activities, each starting with '- id:'")])
    problems: list[Problem] = []
    activities: list[Activity] = []
    seen: dict[str, int] = {}
    for item in data:
        if not isinstance(item, Located):
            problems.append(Problem(shown, None, None, f"expected an activity (a mapping of fields), found {item!r}"))
            continue
        activity = _activity(item, shown, codes, cities, problems, today or date.max, placeholders)
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
    shown = path.relative_to(shown_root) if path.is_relative_to(shown_root) else path
    data = load_file(path, shown)
    problems: list[Problem] = []
    cities: dict[str, City] = {}
    if not isinstance(data, Located):
        raise DataError([Problem(shown, 1, None, "expected a mapping of city keys")])
    for key, entry in data.items():
        line = data.line_of(key)
        if not isinstance(entry, Located) or not isinstance(entry.get("name"), Mapping):
            problems.append(Problem(shown, line, str(key), "expected 'country' and 'name' (one name per language)"))
            continue
        country = entry.get("country")
        if country not in _COUNTRIES:
            problems.append(
                Problem(
                    shown,
                    entry.line_of("country"),
                    f"{key}.country",
                    f"expected an ISO 3166 country code such as IT, found {country!r}",
                )
            )
        names = entry["name"]
        missing = [code for code in codes if not isinstance(names.get(code), str) or not names[code].strip()]
        if missing:
            problems.append(
                Problem(shown, entry.line_of("name"), f"{key}.name", f"missing the name in {', '.join(missing)}")
            )
        at = entry.get("at")
        valid_at = (
            isinstance(at, list)
            and len(at) == 2
            and all(isinstance(v, int | float) and not isinstance(v, bool) for v in at)
            and -90 <= at[0] <= 90
            and -180 <= at[1] <= 180
        )
        if at is not None and not valid_at:
            problems.append(
                Problem(
                    shown,
                    entry.line_of("at"),
                    f"{key}.at",
                    f"expected [latitude, longitude] in degrees, like [46.24, 15.27], found {at!r}",
                )
            )
        for code in set(names) - set(codes):
            problems.append(
                Problem(
                    shown,
                    entry.line_of("name"),
                    f"{key}.name.{code}",
                    f"unknown language (expected one of {', '.join(codes)})",
                )
            )
        cities[str(key)] = City(
            str(key),
            str(country),
            {code: str(names.get(code, "")).strip() for code in codes},
            (float(at[0]), float(at[1])) if at is not None and valid_at else None,
        )
    if problems:
        raise DataError(problems)
    return cities


def _activity(
    item: Located,
    file: Path,
    codes: tuple[str, ...],
    cities: dict[str, City],
    problems: list[Problem],
    today: date,
    placeholders: Placeholders | None,
) -> Activity | None:
    start_count = len(problems)

    def problem(key: str, message: str, line: int | None = None) -> None:
        label = f"{ident}: {key}" if ident else key
        problems.append(Problem(file, line or _line(item, key), label, message))

    raw_id = item.get("id")
    ident = raw_id if isinstance(raw_id, str) else None
    if not isinstance(raw_id, str) or not _ID.match(raw_id):
        ident = None
        problem("id", f"expected lower-case letters, digits and hyphens (like meeting-1-naples), found {raw_id!r}")
    for key in item:
        if key not in FIELDS:
            problem(str(key), f"unknown field (expected one of: {', '.join(FIELDS)})")

    kind = item.get("type")
    if kind not in TYPES:
        problem("type", f"unknown type {kind!r} (expected one of: {', '.join(TYPES)})")

    work_package = item.get("work_package")
    if isinstance(work_package, bool) or not isinstance(work_package, int) or work_package not in WORK_PACKAGES:
        problem("work_package", f"unknown work package {work_package!r} (expected a number from 1 to 10)")

    period = None
    start, end = item.get("start"), item.get("end")
    if start is None:
        problem("start", "missing (expected a day like 2018-05-15 or a month like 2018-06)")
    elif not isinstance(start, str) or (end is not None and not isinstance(end, str)):
        problem(
            "start" if not isinstance(start, str) else "end", "expected a day like 2018-05-15 or a month like 2018-06"
        )
    else:
        try:
            period = make_period(start, end)
        except PeriodError as error:
            problem(error.field, str(error))

    place = _place(item.get("place"), cities, lambda message: problem("place", message)) if "place" in item else None

    participants = item.get("participants")
    if participants is not None and (
        isinstance(participants, bool) or not isinstance(participants, int) or participants < 0
    ):
        problem("participants", f"expected a whole number of planned participants (0 or more), found {participants!r}")

    languages = item.get("language", [])
    if isinstance(languages, str):
        languages = [languages]
    if not isinstance(languages, list) or not all(isinstance(tag, str) and _is_language(tag) for tag in languages):
        problem("language", f"expected a list of language tags such as [en] or [sl], found {item.get('language')!r}")
        languages = []

    title = _texts(item, "title", codes, problem, required=True)
    description = _texts(item, "description", codes, problem, required=False)
    for key, texts in (("title", title), ("description", description)):
        for code, text in texts.items():
            if placeholders and (found := placeholders.match(text)):
                problem(
                    key, f"{code}: " + placeholders.message(found, "the activity's own " + key), item[key].line_of(code)
                )

    links = item.get("links", {}) or {}
    if not isinstance(links, Mapping):
        problem("links", "expected a mapping such as {report: https://...}")
        links = {}
    for kind_of_link, url in links.items():
        if kind_of_link not in LINK_KINDS:
            problem("links", f"unknown link {kind_of_link!r} (expected one of: {', '.join(LINK_KINDS)})")
        elif not isinstance(url, str) or not re.match(r"^https?://[^\s]+$", url):
            problem("links", f"{kind_of_link}: expected a web address starting with https://, found {url!r}")

    report = parse_report(item["report"], today, problem) if "report" in item else None
    if report and report.status == "held" and report.period is None and period and period.last > today:
        problem(
            "report.status",
            f"marked held, but its planned dates end on {period.last.isoformat()}, after today "
            f"({today.isoformat()}): report it once it has taken place, or give the days it was held as start and end",
        )

    if len(problems) > start_count or ident is None or period is None:
        return None
    return Activity(
        id=ident,
        type=kind,
        work_package=work_package,
        period=period,
        place=place,
        participants=participants,
        languages=tuple(languages),
        title=title,
        description=description,
        links=dict(links),
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


def _place(value: Any, cities: dict[str, City], problem) -> Place | None:
    if value == "online":
        return Place(online=True)
    if not isinstance(value, Mapping) or not value or set(value) - {"city", "country"}:
        problem("expected 'online', or 'city' (a key of data/cities.yml) and/or 'country' (an ISO 3166 code)")
        return None
    city = None
    if "city" in value:
        city = cities.get(value["city"])
        if city is None:
            problem(
                f"unknown city {value['city']!r} (expected one of: {', '.join(sorted(cities))}; add new cities to data/cities.yml)"
            )
            return None
    country = value.get("country", city.country if city else None)
    if country not in _COUNTRIES:
        hint = f": write it in capitals, {country.upper()}" if str(country).upper() in _COUNTRIES else ""
        problem(f"unknown country code {country!r} (expected an ISO 3166 code such as SI, DE, GR, IT, TR){hint}")
        return None
    if city and city.country != country:
        problem(f"{city.key} is in {city.country}, not in {country}")
        return None
    return Place(city=city, country=country)


def _texts(item: Located, key: str, codes: tuple[str, ...], problem, required: bool) -> dict[str, str]:
    value = item.get(key)
    if value is None:
        if required:
            problem(key, f"missing (expected a text per language, at least {codes[0]})")
        return {}
    if not isinstance(value, Located):
        problem(key, 'expected a text per language, such as  en: "..."')
        return {}
    texts = {}
    for code, text in value.items():
        if code not in codes:
            problem(key, f"unknown language key {code!r} (expected one of: {', '.join(codes)})", value.line_of(code))
        elif not isinstance(text, str) or not text.strip():
            problem(key, f"{code}: expected a non-empty text", value.line_of(code))
        else:
            texts[code] = text.strip()
    if required and codes[0] not in value:
        problem(
            key,
            f"missing the text in {codes[0]}, the site's default language (required; other languages fall back to it)",
        )
    return texts


def _is_language(tag: str) -> bool:
    try:
        return Locale.parse(tag, sep="-") is not None
    except (ValueError, TypeError):
        return False
