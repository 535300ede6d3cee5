"""The project's facts and its partners (cisotra.consortium): data/project.yml and data/partners.yml, checked."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cisotra.consortium import load_consortium
from cisotra.errors import DataError

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "site"
CODES = ("en", "si", "el", "tr")


def problems(tmp_path: Path, name: str, find: str, replace: str) -> list[str]:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE / "data", data)
    text = (data / name).read_text(encoding="utf-8")
    assert find in text
    (data / name).write_text(text.replace(find, replace, 1), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_consortium(data, CODES, tmp_path)
    return [str(problem) for problem in caught.value.problems]


@pytest.mark.parametrize(
    ("name", "find", "replace", "expected"),
    [
        (
            "project.yml",
            "end: 2021-03-31",
            "end: 2017-03-31",
            "data/project.yml:7: end: the project ends (2017-03-31) before it starts (2018-01-01)",
        ),
        (
            "project.yml",
            "start: 2018-01-01",
            "start: 2018-02-30",
            "data/project.yml:6: start: '2018-02-30' is not a date in the calendar: 2018-02 has days 01 to 28",
        ),
        (
            "project.yml",
            "acronym: FIXT\n",
            "",
            "data/project.yml:1: acronym: missing (expected a text)",
        ),
        (
            "project.yml",
            "  email: null",
            "  email: cisotra at example.org",
            "data/project.yml:15: contact.email: expected an e-mail address, found 'cisotra at example.org'",
        ),
        (
            "project.yml",
            '  en: "A fixture project that exists only for the tests."\n',
            "",
            "data/project.yml:9: purpose: missing the sentence in en, the site's default language (required; other languages fall back to it)",
        ),
        (
            "partners.yml",
            "  city: athens",
            "  city: athen",
            "data/partners.yml:9: second: city: unknown city 'athen' (expected one of: athens, celje, istanbul)",
        ),
        (
            "partners.yml",
            "  work_packages: [2, 3]",
            "  work_packages: [2, 13]",
            "data/partners.yml:10: second: work_packages: expected a work package's number, from 1 to 10, found 13",
        ),
        (
            "partners.yml",
            "  coordinator: true\n",
            "  coordinator: 1\n",
            "data/partners.yml:5: first: coordinator: expected true or false, found 1",
        ),
        (
            "partners.yml",
            "- id: second",
            "- id: first",
            "data/partners.yml:7: first: id: used twice (first on line 1)",
        ),
        (
            "partners.yml",
            "  acronym: SEC\n",
            "  acronym: SEC\n  acronyme: SEC\n",
            "data/partners.yml:9: second: acronyme: unknown field (did you mean acronym? expected one of: id, acronym, also_known_as, name, city, role, coordinator, work_packages)",
        ),
    ],
)
def test_a_mistake_names_file_line_partner_and_field(tmp_path, name, find, replace, expected):
    assert problems(tmp_path, name, find, replace) == [expected]


def test_exactly_one_coordinator(tmp_path):
    assert problems(tmp_path, "partners.yml", "  coordinator: true\n", "") == [
        "data/partners.yml: coordinator: expected exactly one partner with  coordinator: true"
    ]


# ---------------------------------------------------------------------------
# Roles: associated partners are listed, never counted among the consortium's partners and countries

VIENNA = "- id: vienna\n  country: AT\n  at: [48.21, 16.37]\n  name: {en: Vienna, si: Dunaj, el: Βιέννη, tr: Viyana}\n"
ASSOCIATED = "- id: assoc\n  acronym: ASSOC\n  city: vienna\n  role: associated\n"


def with_associated(tmp_path: Path, partner: str = ASSOCIATED) -> Path:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE / "data", data)
    with (data / "cities.yml").open("a", encoding="utf-8") as cities:
        cities.write(VIENNA)
    with (data / "partners.yml").open("a", encoding="utf-8") as partners:
        partners.write(partner)
    return data


def test_a_partner_without_a_role_is_a_member_and_an_associated_one_is_not_counted(tmp_path):
    consortium = load_consortium(with_associated(tmp_path), CODES, tmp_path)
    fixture = load_consortium(FIXTURE / "data", CODES, FIXTURE)
    assert [partner.id for partner in consortium.associated] == ["assoc"]
    assert [partner.id for partner in consortium.members] == [partner.id for partner in fixture.partners]
    assert all(partner.role == "member" for partner in fixture.partners)
    assert consortium.countries == fixture.countries and "AT" not in consortium.countries


def test_an_unknown_role_is_named_with_the_roles_there_are(tmp_path):
    data = with_associated(tmp_path, ASSOCIATED.replace("role: associated", "role: associate"))
    with pytest.raises(DataError) as caught:
        load_consortium(data, CODES, tmp_path)
    line = (data / "partners.yml").read_text(encoding="utf-8").split("\n").index("  role: associate") + 1
    assert [str(problem) for problem in caught.value.problems] == [
        f"data/partners.yml:{line}: assoc: role: unknown role 'associate' (did you mean associated? "
        "expected one of: member, associated)"
    ]


def test_the_coordinator_cannot_be_an_associated_partner(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE / "data", data)
    text = (data / "partners.yml").read_text(encoding="utf-8")
    (data / "partners.yml").write_text(
        text.replace("  coordinator: true\n", "  coordinator: true\n  role: associated\n", 1)
    )
    with pytest.raises(DataError) as caught:
        load_consortium(data, CODES, tmp_path)
    assert [str(problem) for problem in caught.value.problems] == [
        "data/partners.yml:6: first: role: associated, but also the coordinator: the coordinator is a member of "
        "the consortium (remove  role: associated  or  coordinator: true)"
    ]
