"""The project and its partners: `data/project.yml` and `data/partners.yml`, checked.

The project's period is held here once; the home page works out from it and the build's
day whether the project has not started, is running or is completed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .activities import City, load_cities
from .errors import DataError, Problem
from .yamlfile import Located, load_file

PROJECT_FIELDS = (
    "acronym",
    "title",
    "programme",
    "project_number",
    "grant_agreement",
    "start",
    "end",
    "planned_end",
    "purpose",
    "target_groups",
    "contact",
)
PARTNER_FIELDS = ("id", "acronym", "also_known_as", "name", "city", "coordinator", "work_packages")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class ProjectFacts:
    acronym: str
    title: str
    programme: str
    project_number: str
    grant_agreement: str
    start: date
    end: date
    planned_end: date | None
    purpose: dict[str, str]  # by language code
    email: str | None = None
    postal_address: str | None = None
    target_groups: dict[str, list[str]] = field(default_factory=dict)  # by language code

    def phase(self, today: date) -> str:
        """'before', 'running' or 'completed' on `today`."""
        if today < self.start:
            return "before"
        return "running" if today <= self.end else "completed"


@dataclass(frozen=True)
class Partner:
    id: str
    acronym: str
    city: City
    also_known_as: str | None = None
    name: dict[str, str] = field(default_factory=dict)  # verified full names only
    coordinator: bool = False
    work_packages: tuple[int, ...] = ()

    def full_name(self, code: str, default_code: str) -> str | None:
        return self.name.get(code) or self.name.get(default_code)


@dataclass(frozen=True)
class Consortium:
    facts: ProjectFacts
    partners: list[Partner]

    @property
    def coordinator(self) -> Partner:
        return next(partner for partner in self.partners if partner.coordinator)

    @property
    def countries(self) -> list[str]:
        return list(dict.fromkeys(partner.city.country for partner in self.partners))


def load_consortium(data: Path, codes: tuple[str, ...], shown_root: Path) -> Consortium:
    """`codes` lists the default language first; every problem in both files is reported at once."""
    problems: list[Problem] = []
    try:
        cities = load_cities(data / "cities.yml", codes, shown_root)
    except DataError as error:
        raise DataError(error.problems) from None
    facts = _facts(data / "project.yml", codes, shown_root, problems)
    partners = _partners(data / "partners.yml", codes, cities, shown_root, problems)
    if problems:
        raise DataError(problems)
    return Consortium(facts, partners)


def _facts(path: Path, codes: tuple[str, ...], root: Path, problems: list[Problem]) -> ProjectFacts | None:
    shown = path.relative_to(root)
    data = load_file(path, shown)
    if not isinstance(data, Located):
        problems.append(Problem(shown, 1, None, "expected the project's fields, such as  acronym: CiSoTRA"))
        return None

    def problem(key: str, message: str) -> None:
        problems.append(Problem(shown, data.line_of(key.split(".")[0]), key, message))

    for key in data:
        if key not in PROJECT_FIELDS:
            problem(str(key), f"unknown field (expected one of: {', '.join(PROJECT_FIELDS)})")
    texts = {}
    for key in ("acronym", "title", "programme", "project_number", "grant_agreement"):
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            problem(key, "missing (expected a text)")
        texts[key] = str(value or "").strip()
    days = {}
    for key in ("start", "end", "planned_end"):
        value = data.get(key)
        if value is None and key == "planned_end":
            days[key] = None
            continue
        if not isinstance(value, str) or not _DAY.match(value):
            problem(key, f"expected a day like 2017-12-31, found {value!r}")
            days[key] = None
            continue
        try:
            days[key] = date.fromisoformat(value)
        except ValueError:
            problem(key, f"'{value}' is not a date in the calendar")
            days[key] = None
    if days.get("start") and days.get("end") and days["end"] < days["start"]:
        problem("end", f"the project ends ({days['end']}) before it starts ({days['start']})")
    purpose = data.get("purpose")
    if not isinstance(purpose, Mapping) or codes[0] not in purpose:
        problem("purpose", f"expected one sentence per language, at least {codes[0]}")
        purpose = {}
    for code in purpose:
        if code not in codes:
            problem(f"purpose.{code}", f"unknown language (expected one of: {', '.join(codes)})")
    groups = data.get("target_groups") or {}
    if not isinstance(groups, Mapping) or any(
        not isinstance(items, list) or not all(isinstance(item, str) and item.strip() for item in items)
        for items in groups.values()
    ):
        problem("target_groups", 'expected a list of texts per language, such as  en: ["Key professionals"]')
        groups = {}
    for code in groups:
        if code not in codes:
            problem(f"target_groups.{code}", f"unknown language (expected one of: {', '.join(codes)})")
    contact = data.get("contact") or {}
    if not isinstance(contact, Mapping) or set(contact) - {"email", "postal_address"}:
        problem("contact", "expected email and postal_address (either may be null until the consortium fills it in)")
        contact = {}
    email = contact.get("email")
    if email is not None and (not isinstance(email, str) or "@" not in email):
        problem("contact.email", f"expected an e-mail address, found {email!r}")
        email = None
    if problems or days["start"] is None or days["end"] is None:
        return None
    return ProjectFacts(
        **texts,
        start=days["start"],
        end=days["end"],
        planned_end=days["planned_end"],
        purpose={code: str(text).strip() for code, text in purpose.items() if code in codes},
        email=email,
        postal_address=(contact.get("postal_address") or None),
        target_groups={code: [item.strip() for item in items] for code, items in groups.items() if code in codes},
    )


def _partners(
    path: Path, codes: tuple[str, ...], cities: dict[str, City], root: Path, problems: list[Problem]
) -> list[Partner]:
    shown = path.relative_to(root)
    data = load_file(path, shown)
    if not isinstance(data, list):
        problems.append(Problem(shown, 1, None, "expected a list of partners, each starting with '- id:'"))
        return []
    partners = []
    for item in data:
        if not isinstance(item, Located):
            problems.append(Problem(shown, None, None, f"expected a partner (a mapping of fields), found {item!r}"))
            continue
        ident = item.get("id") if isinstance(item.get("id"), str) else None

        def problem(key: str, message: str, item=item, ident=ident) -> None:
            problems.append(Problem(shown, item.line_of(key), f"{ident}: {key}" if ident else key, message))

        count = len(problems)
        for key in item:
            if key not in PARTNER_FIELDS:
                problem(str(key), f"unknown field (expected one of: {', '.join(PARTNER_FIELDS)})")
        if ident is None or not _ID.match(ident):
            problem("id", f"expected lower-case letters, digits and hyphens, found {item.get('id')!r}")
        if not isinstance(item.get("acronym"), str) or not item["acronym"].strip():
            problem("acronym", "missing (expected the acronym the activities document uses)")
        city = cities.get(item.get("city"))
        if city is None:
            problem("city", f"unknown city {item.get('city')!r} (expected one of: {', '.join(sorted(cities))})")
        elif city.at is None:
            problem("city", f"{city.key} has no  at: [latitude, longitude]  in data/cities.yml, for the map")
        names = item.get("name") or {}
        if not isinstance(names, Mapping) or set(names) - set(codes):
            problem("name", f"expected the verified full name per language ({', '.join(codes)})")
            names = {}
        leads = item.get("work_packages") or []
        if not isinstance(leads, list) or not all(isinstance(n, int) and 1 <= n <= 10 for n in leads):
            problem(
                "work_packages", f"expected the numbers of the work packages it leads, like [1, 8], found {leads!r}"
            )
            leads = []
        if len(problems) > count:
            continue
        partners.append(
            Partner(
                id=ident,
                acronym=item["acronym"].strip(),
                city=city,
                also_known_as=(item.get("also_known_as") or None),
                name={code: str(text).strip() for code, text in names.items()},
                coordinator=item.get("coordinator") is True,
                work_packages=tuple(leads),
            )
        )
    if partners and sum(partner.coordinator for partner in partners) != 1:
        problems.append(Problem(shown, None, "coordinator", "expected exactly one partner with  coordinator: true"))
    return partners
