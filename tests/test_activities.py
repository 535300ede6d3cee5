from pathlib import Path

import pytest

from cisotra.activities import load_activities
from cisotra.errors import DataError

CODES = ("en", "si", "de")
CITIES = """\
naples:
  country: IT
  name: {en: Naples, si: Neapelj, de: Neapel}
"""
VALID = """\
- id: meeting-1-naples
  type: meeting
  work_package: 1
  start: 2018-05-15
  end: 2018-05-16
  place: {city: naples, country: IT}
  title:
    en: First project meeting
    si: 1. projektno srečanje
- id: seminar-2018-si
  type: seminar
  work_package: 3
  start: 2018-06
  end: 2018-09
  place: {country: SI}
  participants: 50
  language: [sl]
  title: {en: National seminar 2018 in Slovenia}
  links: {report: "https://example.org/report.pdf"}
"""


def load(tmp_path: Path, text: str):
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / "activities.yml").write_text(text, encoding="utf-8")
    (tmp_path / "data" / "cities.yml").write_text(CITIES, encoding="utf-8")
    return load_activities(tmp_path / "data" / "activities.yml", tmp_path / "data" / "cities.yml", CODES, tmp_path)


def problems(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(DataError) as caught:
        load(tmp_path, text)
    return [str(problem) for problem in caught.value.problems]


def test_valid_activities_load_sorted_with_their_fields(tmp_path):
    meeting, seminar = load(tmp_path, VALID)
    assert meeting.id == "meeting-1-naples"
    assert meeting.place.city.names["si"] == "Neapelj"
    assert meeting.text("title", "de") == ("First project meeting", "en")
    assert seminar.period.precision == "month"
    assert seminar.languages == ("sl",)
    assert seminar.links == {"report": "https://example.org/report.pdf"}


def test_malformed_yaml(tmp_path):
    assert problems(tmp_path, "- id: x\n  title: {en: [unclosed\n") == [
        "data/activities.yml:3: this is not valid YAML (did not find expected ',' or ']')"
    ]


@pytest.mark.parametrize(
    ("find", "replace", "expected"),
    [
        (
            "type: meeting",
            "type: party",
            "data/activities.yml:2: meeting-1-naples: type: unknown type 'party' (expected one of: meeting, seminar, training, course, workshop_minors, workshop_young_adults, model, conference)",
        ),
        (
            "start: 2018-05-15",
            "start: 2018-02-30",
            "data/activities.yml:4: meeting-1-naples: start: '2018-02-30' is not a date in the calendar",
        ),
        (
            "start: 2018-05-15",
            "start: May 2018",
            "data/activities.yml:4: meeting-1-naples: start: 'May 2018' is neither a day (YYYY-MM-DD) nor a month (YYYY-MM)",
        ),
        (
            "end: 2018-05-16",
            "end: 2018-05-14",
            "data/activities.yml:5: meeting-1-naples: end: ends (2018-05-14) before it starts (2018-05-15)",
        ),
        (
            "work_package: 1",
            "work_package: 11",
            "data/activities.yml:3: meeting-1-naples: work_package: unknown work package 11 (expected a number from 1 to 10)",
        ),
        (
            "{city: naples, country: IT}",
            "{country: XX}",
            "data/activities.yml:6: meeting-1-naples: place: unknown country code 'XX' (expected an ISO 3166 code such as SI, DE, GR, IT, TR)",
        ),
        (
            "{city: naples, country: IT}",
            "{city: naples, country: DE}",
            "data/activities.yml:6: meeting-1-naples: place: naples is in IT, not in DE",
        ),
        (
            "{city: naples, country: IT}",
            "{city: rome}",
            "data/activities.yml:6: meeting-1-naples: place: unknown city 'rome' (expected one of: naples; add new cities to data/cities.yml)",
        ),
        (
            "    si: 1. projektno srečanje",
            "    sl: 1. projektno srečanje",
            "data/activities.yml:9: meeting-1-naples: title: unknown language key 'sl' (expected one of: en, si, de)",
        ),
        (
            "    en: First project meeting\n",
            "",
            "data/activities.yml:7: meeting-1-naples: title: missing the English text (en is required; other languages fall back to it)",
        ),
        (
            "participants: 50",
            "participants: -5",
            "data/activities.yml:16: seminar-2018-si: participants: expected a whole number of planned participants (0 or more), found -5",
        ),
        (
            "  work_package: 1\n",
            "  work_package: 1\n  colour: red\n",
            "data/activities.yml:4: meeting-1-naples: colour: unknown field (expected one of: id, type, work_package, start, end, place, participants, language, title, description, links)",
        ),
        (
            "https://example.org/report.pdf",
            "example.org/report.pdf",
            "data/activities.yml:19: seminar-2018-si: links: report: expected a web address starting with https://, found 'example.org/report.pdf'",
        ),
    ],
)
def test_each_kind_of_mistake_is_named_with_line_and_field(tmp_path, find, replace, expected):
    assert find in VALID
    assert problems(tmp_path, VALID.replace(find, replace, 1)) == [expected]


def test_a_duplicate_id_names_both_lines(tmp_path):
    text = VALID.replace("id: seminar-2018-si", "id: meeting-1-naples")
    assert problems(tmp_path, text) == [
        "data/activities.yml:10: meeting-1-naples: id: 'meeting-1-naples' is used twice (first on line 1); ids must be unique"
    ]


def test_every_problem_is_reported_at_once(tmp_path):
    text = VALID.replace("type: meeting", "type: party").replace("participants: 50", "participants: many")
    assert len(problems(tmp_path, text)) == 2


def test_the_real_data_holds_every_activity_of_the_document():
    root = Path(__file__).resolve().parent.parent
    codes = ("en", "si", "de", "it", "el", "tr")
    activities = load_activities(root / "data" / "activities.yml", root / "data" / "cities.yml", codes, root)
    by_type = {}
    for activity in activities:
        by_type.setdefault(activity.type, []).append(activity)
    counts = {kind: len(items) for kind, items in by_type.items()}
    assert counts == {
        "meeting": 6,
        "seminar": 15,
        "training": 6,
        "course": 4,
        "workshop_minors": 11,
        "workshop_young_adults": 11,
        "model": 1,
        "conference": 1,
    }
    meetings = [(a.period.first.isoformat(), a.period.last.isoformat(), a.place.city.key) for a in by_type["meeting"]]
    assert meetings == [
        ("2018-05-15", "2018-05-16", "naples"),
        ("2018-10-08", "2018-10-10", "taranto"),
        ("2019-05-22", "2019-05-24", "regensburg"),
        ("2019-10-08", "2019-10-10", "celje"),
        ("2020-05-18", "2020-05-19", "athens"),
        ("2020-10-15", "2020-10-17", "istanbul"),
    ]
    assert all(a.participants == 50 for a in by_type["seminar"])
    assert {a.period.first.year for a in by_type["seminar"]} == {2018, 2019, 2020}
    pilot = next(a for a in by_type["training"] if a.place.city)
    assert (
        pilot.period.first.isoformat(),
        pilot.period.last.isoformat(),
        pilot.place.city.key,
        pilot.participants,
        pilot.languages,
    ) == ("2018-11-01", "2019-01-31", "naples", 15, ("en",))
    assert all(a.title.keys() == set(codes) for a in activities)


def test_the_real_data_matches_its_json_schema():
    import json

    import jsonschema
    import yaml

    root = Path(__file__).resolve().parent.parent
    schema = json.loads((root / "data" / "schema" / "activities.schema.json").read_text(encoding="utf-8"))
    data = yaml.load((root / "data" / "activities.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    # BaseLoader keeps every scalar as text, as the site does for dates; numbers are restored here.
    for item in data:
        item["work_package"] = int(item["work_package"])
        if "participants" in item:
            item["participants"] = int(item["participants"])
    jsonschema.validate(data, schema)
    from cisotra.activities import TYPES

    assert tuple(schema["items"]["properties"]["type"]["enum"]) == TYPES
