"""Lists of entries with unique ids (cisotra.entries), through the two files written so: cities and topics."""

from pathlib import Path

import pytest

from cisotra.activities import load_cities
from cisotra.errors import DataError
from cisotra.news import load_tags

CODES = ("en", "si")
NAPLES = "- id: naples\n  country: IT\n  at: [40.85, 14.27]\n  name: {en: Naples, si: Neapelj}\n"
CELJE = "- id: celje\n  country: SI\n  name: {en: Celje, si: Celje}\n"


def write(root: Path, name: str, text: str) -> Path:
    (root / "data").mkdir(exist_ok=True)
    path = root / "data" / name
    path.write_text(text, encoding="utf-8")
    return path


def city_problems(root: Path, text: str) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_cities(write(root, "cities.yml", text), CODES, root)
    return [str(problem) for problem in caught.value.problems]


def test_the_cities_are_read_by_id_in_the_files_order(tmp_path):
    cities = load_cities(write(tmp_path, "cities.yml", "# a comment\n\n" + NAPLES + CELJE), CODES, tmp_path)
    assert list(cities) == ["naples", "celje"]
    assert (cities["naples"].country, cities["naples"].names, cities["naples"].at) == (
        "IT",
        {"en": "Naples", "si": "Neapelj"},
        (40.85, 14.27),
    )
    assert cities["celje"].at is None


def test_the_old_form_of_keys_is_told_how_to_write_the_list(tmp_path):
    old = "# the header\n\nnaples:\n  country: IT\n  name: {en: Naples, si: Neapelj}\ncelje:\n  country: SI\n"
    assert city_problems(tmp_path, old) == [
        "data/cities.yml:3: data/cities.yml is now a list: write `- id: naples` instead of `naples:`, and the "
        "entry's fields under it, indented by two spaces; see the example at the top of the file"
    ]
    with pytest.raises(DataError) as caught:
        load_tags(write(tmp_path, "tags.yml", "meeting:\n  en: Meetings\n"), CODES, tmp_path)
    assert [str(problem) for problem in caught.value.problems] == [
        "data/tags.yml:1: data/tags.yml is now a list: write `- id: meeting` instead of `meeting:`, and the "
        "entry's fields under it, indented by two spaces; see the example at the top of the file"
    ]


def test_an_id_used_twice_names_both_lines(tmp_path):
    assert city_problems(tmp_path, NAPLES + CELJE + NAPLES) == [
        "data/cities.yml:8: naples: id: used twice (first on line 1)"
    ]


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        (
            NAPLES.replace("id: naples", "id: Naples"),
            "data/cities.yml:1: id: expected lower-case letters, digits and hyphens (like naples), found 'Naples'",
        ),
        (
            NAPLES.replace("id: naples\n  ", ""),
            "data/cities.yml:1: id: missing (expected lower-case letters, digits and hyphens (like naples))",
        ),
        (
            "- naples\n",
            "data/cities.yml:1: expected a city (a mapping of fields, starting with '- id:'), found 'naples'",
        ),
        (
            NAPLES.replace("country", "contry"),
            "data/cities.yml:2: naples: contry: unknown field (did you mean country? expected one of: id, country, at, name)",
        ),
        ("naples", "data/cities.yml:1: expected a list of cities, each starting with '- id:', such as  - id: naples"),
    ],
)
def test_each_mistake_in_an_entry_is_named_with_line_and_field(tmp_path, entry, expected):
    assert expected in city_problems(tmp_path, entry + CELJE if entry.startswith("- ") else entry)


def test_the_topics_keep_their_names_by_id(tmp_path):
    text = "- id: meeting\n  name:\n    en: Meetings\n    si: Srečanja\n- id: seminar\n  name: {en: Seminars}\n"
    tags = load_tags(write(tmp_path, "tags.yml", text), CODES, tmp_path)
    assert tags.names == {"meeting": {"en": "Meetings", "si": "Srečanja"}, "seminar": {"en": "Seminars"}}


def test_a_topic_needs_its_name_in_the_default_language(tmp_path):
    with pytest.raises(DataError) as caught:
        load_tags(write(tmp_path, "tags.yml", "- id: meeting\n  name: {si: Srečanja}\n"), CODES, tmp_path)
    assert [str(problem) for problem in caught.value.problems] == [
        "data/tags.yml:2: meeting: name: missing the name in en, the site's default language (required; other "
        "languages fall back to it)"
    ]
