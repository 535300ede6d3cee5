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
            "data/partners.yml:9: second: acronyme: unknown field (did you mean acronym? expected one of: id, acronym, also_known_as, name, city, coordinator, work_packages)",
        ),
    ],
)
def test_a_mistake_names_file_line_partner_and_field(tmp_path, name, find, replace, expected):
    assert problems(tmp_path, name, find, replace) == [expected]


def test_exactly_one_coordinator(tmp_path):
    assert problems(tmp_path, "partners.yml", "  coordinator: true\n", "") == [
        "data/partners.yml: coordinator: expected exactly one partner with  coordinator: true"
    ]
