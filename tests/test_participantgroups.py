"""The participant groups (cisotra.participantgroups): data/participant-groups.yml, checked, and said in each language."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from cisotra.errors import DataError
from cisotra.participantgroups import load_groups
from cisotra.strings import fill, load_strings

ROOT = Path(__file__).resolve().parent.parent
TAGS = {"en": "en", "si": "sl", "de": "de", "it": "it", "el": "el", "tr": "tr"}
CODES = tuple(TAGS)
LOCALES = load_strings(ROOT / "data" / "strings", list(TAGS), TAGS, "en", ROOT).locales


def load(tmp_path: Path, text: str):
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / "participant-groups.yml").write_text(text, encoding="utf-8")
    return load_groups(tmp_path / "data" / "participant-groups.yml", CODES, tmp_path, LOCALES)


def problems(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(DataError) as caught:
        load(tmp_path, text)
    return [str(problem) for problem in caught.value.problems]


def test_the_projects_groups_have_every_plural_form_of_every_language():
    groups = load_groups(ROOT / "data" / "participant-groups.yml", CODES, ROOT, LOCALES)
    written = yaml.safe_load((ROOT / "data" / "participant-groups.yml").read_text(encoding="utf-8"))
    assert list(groups) == list(written) and {"professionals", "young_people", "partner_staff", "guests"} <= set(groups)


@pytest.mark.parametrize(
    ("code", "count", "expected"),
    [
        ("en", 1, "1 guest"),
        ("si", 2, "2 gosta"),
        ("si", 3, "3 gostje"),
        ("si", 5, "5 gostov"),
        ("el", 4, "4 μέλη του προσωπικού των εταίρων"),
        ("tr", 4, "4 ortak kuruluş personeli"),
        ("de", 2, "2 Gäste"),
        ("it", 1, "1 membro del personale dei partner"),
    ],
)
def test_a_group_is_said_with_the_languages_plural_form(code, count, expected):
    groups = load_groups(ROOT / "data" / "participant-groups.yml", CODES, ROOT, LOCALES)
    key = "guests" if "gu" in expected or "gost" in expected or "Gäste" in expected else "partner_staff"
    assert fill(groups[key].name(code, "en"), LOCALES[code], {"count": count}) == expected


VALID = """\
guests:
  en: {one: "{count} guest", other: "{count} guests"}
  si: {one: "{count} gost", two: "{count} gosta", few: "{count} gostje", other: "{count} gostov"}
  de: {one: "{count} Gast", other: "{count} Gäste"}
  it: {one: "{count} ospite", other: "{count} ospiti"}
  el: {one: "{count} προσκεκλημένος/προσκεκλημένη", other: "{count} προσκεκλημένοι"}
  tr: {one: "{count} konuk", other: "{count} konuk"}
"""


def test_a_valid_group_loads(tmp_path):
    assert list(load(tmp_path, VALID)) == ["guests"]


@pytest.mark.parametrize(
    ("find", "replace", "expected"),
    [
        (
            '  si: {one: "{count} gost", two: "{count} gosta", few: "{count} gostje", other: "{count} gostov"}\n',
            '  si: {one: "{count} gost", other: "{count} gostov"}\n',
            "data/participant-groups.yml:3: guests.si: missing the plural forms two, few (Slovenian needs one, two, few, other)",
        ),
        (
            '  tr: {one: "{count} konuk", other: "{count} konuk"}\n',
            "",
            "data/participant-groups.yml:1: guests: missing the name in tr (every language of the site needs its own)",
        ),
        (
            '{one: "{count} Gast", other: "{count} Gäste"}',
            '{one: "ein Gast", other: "{count} Gäste"}',
            "data/participant-groups.yml:4: guests.de.one: expected a text with {count} where the number goes, found 'ein Gast'",
        ),
        (
            "guests:\n",
            "Guests:\n",
            "data/participant-groups.yml:1: Guests: expected lower-case letters and digits, words joined by _ (like young_people), found 'Guests'",
        ),
        (
            "guests:\n",
            "total:\n",
            "data/participant-groups.yml:1: total: not a group: reports write the total besides the groups",
        ),
    ],
)
def test_each_mistake_is_named_with_line_and_field(tmp_path, find, replace, expected):
    assert find in VALID
    assert problems(tmp_path, VALID.replace(find, replace, 1)) == [expected]
