"""The project and its partners: `data/project.yml` and `data/partners.yml`, checked.

The project's period is held here once; the home page works out from it and the build's
day whether the project has not started, is running or is completed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .activities import CITY, City, load_cities
from .entries import unique_id
from .errors import DataError, Problem
from .fields import (
    IDENTIFIER,
    INVALID,
    Boolean,
    Choice,
    Day,
    Email,
    Field,
    Identifier,
    ListOf,
    Record,
    Text,
    Translated,
    Where,
)
from .workpackages import WORK_PACKAGE
from .yamlfile import Located, load_file

PROJECT = Record(
    (
        Field("acronym", Text(), required=True, help="The project's short name: CiSoTRA."),
        Field("title", Text(), required=True, help="The official title, in English, as in the grant agreement."),
        Field("programme", Text(), required=True, help="The EU programme and action that funds the project."),
        Field("project_number", Text(), required=True, help="The project's number, as in the grant agreement."),
        Field("grant_agreement", Text(), required=True, help="The grant agreement's number."),
        Field(
            "start",
            Day(example="2017-12-31"),
            required=True,
            help="The project's first day. The home page says from it whether the project is running.",
        ),
        Field("end", Day(example="2021-03-31"), required=True, help="The project's last day, after any extension."),
        Field(
            "planned_end",
            Day(example="2020-12-31"),
            help="The last day first planned, when the project was extended.",
        ),
        Field(
            "purpose",
            Translated(Text(multiline=True), noun="sentence"),
            required=True,
            help="One sentence per language: what the project is for. Shown at the top of the home page and in "
            "share cards and search results. English is required.",
        ),
        Field(
            "target_groups",
            Translated(
                ListOf(Text(), expected='a list of texts, such as ["Key professionals"]'),
                required=False,
                noun="list",
                example='en: ["Key professionals"]',
            ),
            label="Target groups",
            help="Whom the project's activities are for, as the activities document names them and in its order; "
            "the leaflet and each about page list them. One list per language.",
        ),
        Field(
            "contact",
            Record(
                (
                    Field(
                        "email",
                        Email(),
                        help="The project's e-mail address; leave it empty (null) until the consortium gives one.",
                    ),
                    Field(
                        "postal_address",
                        Text(),
                        help="The coordinator's postal address, on one line; leave it empty (null) until the "
                        "consortium gives it.",
                    ),
                ),
                what="the contact",
            ),
            help="How to reach the project. Until the consortium fills it in, the site says whom to contact and "
            "invents no address.",
        ),
    ),
    what="the project's fields",
)

# A partner that is left without a role is a member: the consortium's partners need not say it.
ROLES = ("member", "associated")

PARTNER = Record(
    (
        Field(
            "id",
            Identifier("mfdps"),
            required=True,
            help="A short key for the partner in lower case, never changed once published.",
        ),
        Field(
            "acronym",
            Text(expected="the acronym the activities document uses"),
            required=True,
            help="The partner's acronym, as the activities document names it.",
        ),
        Field(
            "also_known_as",
            Text(),
            label="Also known as",
            help="A second acronym the partner is known by, shown in brackets (ISSBS).",
        ),
        Field(
            "name",
            Translated(required=False, noun="full name"),
            help="The partner's full name, only where it is verified; otherwise the site says \"full name to be "
            'confirmed". One name per language, or one for all in en.',
        ),
        Field(
            "city",
            CITY,
            required=True,
            help="Where the partner is: an id of data/cities.yml, which needs its latitude and longitude (at:) for "
            "the map.",
        ),
        Field(
            "role",
            Choice(ROLES),
            help="member (when left out) for a partner of the consortium; associated for an associated partner, "
            "which the site lists apart and does not count among the consortium's partners and countries.",
        ),
        Field("coordinator", Boolean(), help="true for the coordinating partner (exactly one, a member)."),
        Field(
            "work_packages",
            ListOf(WORK_PACKAGE, expected="the numbers of the work packages it leads, like [1, 8]"),
            label="Work packages",
            help="The work packages it leads, by number: [1, 8, 10].",
        ),
    ),
    what="a partner",
)
PARTNERS = ListOf(PARTNER, label_by="id", expected="a list of partners, each starting with '- id:'")
PROJECT_FIELDS = tuple(f.name for f in PROJECT.fields)
PARTNER_FIELDS = tuple(f.name for f in PARTNER.fields)


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
    role: str = "member"

    @property
    def member(self) -> bool:
        return self.role == "member"

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
    def members(self) -> list[Partner]:
        """The consortium's partners: what the site counts, maps and names as members."""
        return [partner for partner in self.partners if partner.member]

    @property
    def associated(self) -> list[Partner]:
        """Associated partners: listed as such, never counted among the consortium's partners or countries."""
        return [partner for partner in self.partners if not partner.member]

    @property
    def countries(self) -> list[str]:
        """The members' countries, in the order of data/partners.yml."""
        return list(dict.fromkeys(partner.city.country for partner in self.members))


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
    where = Where(shown, data.line, "", problems, codes)
    count = len(problems)
    checked = PROJECT.check(data, where)
    start, end = checked.get("start"), checked.get("end")
    if start and end and end < start:
        where.field("end", data.line_of("end")).problem(f"the project ends ({end}) before it starts ({start})")
    if len(problems) > count or checked is INVALID:
        return None
    contact = checked.get("contact", {})
    return ProjectFacts(
        **{key: checked[key] for key in ("acronym", "title", "programme", "project_number", "grant_agreement")},
        start=date.fromisoformat(start),
        end=date.fromisoformat(end),
        planned_end=date.fromisoformat(checked["planned_end"]) if "planned_end" in checked else None,
        purpose=checked["purpose"],
        email=contact.get("email"),
        postal_address=contact.get("postal_address"),
        target_groups=checked.get("target_groups", {}),
    )


def _partners(
    path: Path, codes: tuple[str, ...], cities: dict[str, City], root: Path, problems: list[Problem]
) -> list[Partner]:
    """The partners, checked against their description, then against data/cities.yml and each other."""
    shown = path.relative_to(root)
    data = load_file(path, shown)
    if not isinstance(data, list):
        problems.append(Problem(shown, 1, None, f"expected {PARTNERS.expected}"))
        return []
    partners = []
    seen: dict[str, int] = {}
    before = len(problems)
    for item in data:
        if not isinstance(item, Located):
            problems.append(Problem(shown, None, None, f"expected a partner (a mapping of fields), found {item!r}"))
            continue
        raw_id = item.get("id")
        ident = raw_id if isinstance(raw_id, str) and IDENTIFIER.match(raw_id) else None
        where = Where(shown, item.line, f"{ident}: " if ident else "", problems, codes)
        count = len(problems)
        checked = PARTNER.check(item, where)
        city = None
        if "city" in checked:
            place = where.field("city", item.line_of("city"))
            city = cities.get(checked["city"])
            if city is None:
                place.problem(f"unknown city {checked['city']!r} (expected one of: {', '.join(sorted(cities))})")
            elif city.at is None:
                place.problem(f"{city.key} has no  at: [latitude, longitude]  in data/cities.yml, for the map")
        first_use = unique_id(ident, item, where, seen)
        if len(problems) > count or not first_use:
            continue
        partners.append(
            Partner(
                id=ident,
                acronym=checked["acronym"],
                city=city,
                also_known_as=checked.get("also_known_as"),
                name=checked.get("name", {}),
                coordinator=checked.get("coordinator") is True,
                work_packages=tuple(checked.get("work_packages", ())),
                role=checked.get("role", "member"),
            )
        )
        if partners[-1].coordinator and not partners[-1].member:
            where.field("role", item.line_of("role")).problem(
                "associated, but also the coordinator: the coordinator is a member of the consortium "
                "(remove  role: associated  or  coordinator: true)"
            )
    # Counted only when every partner could be read: one left out is not a missing coordinator.
    if partners and len(problems) == before and sum(partner.coordinator for partner in partners) != 1:
        problems.append(Problem(shown, None, "coordinator", "expected exactly one partner with  coordinator: true"))
    return partners
