from pathlib import Path

import pytest

from cisotra.activities import load_activities
from cisotra.errors import DataError

CODES = ("en", "si", "de")
CITIES = """\
- id: naples
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
    assert meeting.text("title", "de", "en") == ("First project meeting", "en")
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
            "data/activities.yml:2: meeting-1-naples: type: unknown type 'party' (expected one of: meeting, seminar, training, course, workshop_minors, workshop_young_adults, model, conference, presentation)",
        ),
        (
            "start: 2018-05-15",
            "start: 2018-02-30",
            "data/activities.yml:4: meeting-1-naples: start: '2018-02-30' is not a date in the calendar: 2018-02 has days 01 to 28",
        ),
        (
            "start: 2018-05-15",
            "start: May 2018",
            "data/activities.yml:4: meeting-1-naples: start: expected a day like 2018-05-15 or a month like 2018-06, found 'May 2018'",
        ),
        (
            "end: 2018-05-16",
            "end: 2018-05-14",
            "data/activities.yml:5: meeting-1-naples: end: ends (2018-05-14) before it starts (2018-05-15)",
        ),
        (
            "work_package: 1",
            "work_package: 11",
            "data/activities.yml:3: meeting-1-naples: work_package: expected a work package's number, from 1 to 10, found 11",
        ),
        (
            "{city: naples, country: IT}",
            "{country: XX}",
            "data/activities.yml:6: meeting-1-naples: place.country: unknown country code 'XX' (expected an ISO 3166 country code such as SI, DE, GR, IT, TR)",
        ),
        (
            "{city: naples, country: IT}",
            "{city: naples, country: it}",
            "data/activities.yml:6: meeting-1-naples: place.country: unknown country code 'it': write it in capitals, IT",
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
            "data/activities.yml:7: meeting-1-naples: title: missing the text in en, the site's default language (required; other languages fall back to it)",
        ),
        (
            "participants: 50",
            "participants: -5",
            "data/activities.yml:16: seminar-2018-si: participants: expected a whole number of planned participants (0 or more), found -5",
        ),
        (
            "  work_package: 1\n",
            "  work_package: 1\n  colour: red\n",
            "data/activities.yml:4: meeting-1-naples: colour: unknown field (expected one of: id, type, work_package, start, end, place, participants, language, title, description, links, report)",
        ),
        (
            "https://example.org/report.pdf",
            "example.org/report.pdf",
            "data/activities.yml:19: seminar-2018-si: links.report: expected a web address starting with https://, found 'example.org/report.pdf'",
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


def test_activities_of_the_same_dates_keep_the_files_order(tmp_path):
    text = VALID + VALID.replace("meeting-1-naples", "a-meeting").replace("seminar-2018-si", "a-seminar")
    assert [a.id for a in load(tmp_path, text)] == ["meeting-1-naples", "a-meeting", "seminar-2018-si", "a-seminar"]


def test_only_the_default_languages_title_is_required(tmp_path):
    (activity, _) = load(tmp_path, VALID)
    assert activity.title.keys() == {"en", "si"}  # German falls back to English, marked as English on the page
    assert activity.text("title", "de", "en") == ("First project meeting", "en")


def test_the_real_data_matches_its_json_schema():
    import json

    import jsonschema

    from cisotra.yamlfile import load_file

    root = Path(__file__).resolve().parent.parent
    schema = json.loads((root / "data" / "schema" / "activities.schema.json").read_text(encoding="utf-8"))
    # The site's own reading: numbers are numbers at every depth, dates stay text.
    data = json.loads(json.dumps(load_file(root / "data" / "activities.yml")))
    jsonschema.validate(data, schema)
    from cisotra.activities import TYPES

    assert tuple(schema["items"]["properties"]["type"]["enum"]) == TYPES


def test_the_schema_accepts_what_the_loader_accepts_in_a_report():
    import json

    import jsonschema

    from cisotra.yamlfile import load_text

    root = Path(__file__).resolve().parent.parent
    schema = json.loads((root / "data" / "schema" / "activities.schema.json").read_text(encoding="utf-8"))
    data = json.loads(json.dumps(load_text(REPORTED, Path("x.yml"))))
    jsonschema.validate(data, schema)
    data[1]["report"]["participants"] = {"total": 23}
    jsonschema.validate(data, schema)


# ---------------------------------------------------------------------------
# What happened: the optional report of an activity

REPORTED = VALID.replace(
    '  links: {report: "https://example.org/report.pdf"}\n',
    '  links: {report: "https://example.org/report.pdf"}\n'
    "  report:\n"
    "    status: held\n"
    "    start: 2018-06\n"
    "    end: 2018-07\n"
    "    format: hybrid\n"
    "    participants: {total: 48, professionals: 40, young_people: 8}\n"
    '    outputs: ["https://doi.org/10.5281/zenodo.1"]\n',
)


def project_groups() -> dict:
    import yaml

    return yaml.safe_load(
        (Path(__file__).resolve().parent.parent / "data" / "participant-groups.yml").read_text("utf-8")
    )


# The keys a report may count in, as the message lists them: total, then the project's groups in their
# order (computed, so that a partner who adds a group to data/participant-groups.yml leaves this green).
GROUP_KEYS = ", ".join(["total", *project_groups()])


def write_groups(data: Path) -> None:
    """The project's participant groups, in the languages of these tests."""
    import yaml

    groups = project_groups()
    text = yaml.safe_dump(
        {key: {code: names[code] for code in CODES} for key, names in groups.items()},
        allow_unicode=True,
        sort_keys=False,
    )
    (data / "participant-groups.yml").write_text(text, encoding="utf-8")


def load_on(tmp_path, text, today):
    (tmp_path / "data").mkdir(exist_ok=True)
    write_groups(tmp_path / "data")
    (tmp_path / "data" / "activities.yml").write_text(text, encoding="utf-8")
    (tmp_path / "data" / "cities.yml").write_text(CITIES, encoding="utf-8")
    return load_activities(
        tmp_path / "data" / "activities.yml", tmp_path / "data" / "cities.yml", CODES, tmp_path, today
    )


def test_a_report_replaces_the_plan_where_it_says_something(tmp_path):
    from datetime import date

    meeting, seminar = load_on(tmp_path, REPORTED, date(2026, 11, 30))
    assert meeting.report is None and meeting.state(date(2026, 11, 30)) == "planned"
    assert meeting.state(date(2018, 1, 1)) == "upcoming"
    report = seminar.report
    assert (report.status, report.format, report.participants, report.groups) == (
        "held",
        "hybrid",
        48,
        {"professionals": 40, "young_people": 8},
    )
    assert (
        seminar.shown_period.first.isoformat() == "2018-06-01" and seminar.shown_period.last.isoformat() == "2018-07-31"
    )
    assert seminar.state(date(2026, 11, 30)) == "held" and seminar.attendance == "hybrid"
    assert not seminar.is_upcoming(date(2018, 1, 1))  # reported: not offered as upcoming any more


@pytest.mark.parametrize(
    ("find", "replace", "expected"),
    [
        (
            "    status: held\n",
            "    status: done\n",
            "data/activities.yml:21: seminar-2018-si: report.status: unknown status 'done' (expected one of: held, postponed, cancelled)",
        ),
        (
            "    format: hybrid\n",
            "    format: webinar\n",
            "data/activities.yml:24: seminar-2018-si: report.format: unknown format 'webinar' (expected one of: in_person, online, hybrid)",
        ),
        (
            "{total: 48, professionals: 40, young_people: 8}",
            "{total: 48.5}",
            "data/activities.yml:25: seminar-2018-si: report.participants.total: expected a whole number (0 or more), found 48.5",
        ),
        (
            "{total: 48, professionals: 40, young_people: 8}",
            "many",
            "data/activities.yml:25: seminar-2018-si: report.participants: expected total: and, if known, a number per group of data/participant-groups.yml, such as {total: 23}, found 'many'",
        ),
        (
            "{total: 48, professionals: 40, young_people: 8}",
            "{total: 10, professionals: 40}",
            "data/activities.yml:25: seminar-2018-si: report.participants.total: 10, but the groups add up to 40: the total counts everyone who took part",
        ),
        (
            "{total: 48, professionals: 40, young_people: 8}",
            "{total: 48, parents: 3}",
            f"data/activities.yml:25: seminar-2018-si: report.participants.parents: unknown group 'parents' (expected one of: {GROUP_KEYS}; a new group goes in data/participant-groups.yml, with its name in every language)",
        ),
        (
            "{total: 48, professionals: 40, young_people: 8}",
            "{total: 48, guest: 3}",
            f"data/activities.yml:25: seminar-2018-si: report.participants.guest: unknown group 'guest' (did you mean guests? expected one of: {GROUP_KEYS}; a new group goes in data/participant-groups.yml, with its name in every language)",
        ),
        (
            "    start: 2018-06\n    end: 2018-07\n",
            "    start: 2027-06\n    end: 2027-07\n",
            "data/activities.yml:22: seminar-2018-si: report.start: marked held, but its dates (2027-06-01 to 2027-07-31) end after today (2026-11-30): report it once it has taken place",
        ),
        (
            '    outputs: ["https://doi.org/10.5281/zenodo.1"]\n',
            "    outputs: [zenodo]\n",
            "data/activities.yml:26: seminar-2018-si: report.outputs: expected a web address starting with https://, or the path of a document uploaded under docs/, like assets/reports/minutes.pdf, found 'zenodo'",
        ),
    ],
)
def test_each_mistake_in_a_report_is_named_with_line_and_field(tmp_path, find, replace, expected):
    from datetime import date

    assert find in REPORTED
    with pytest.raises(DataError) as caught:
        load_on(tmp_path, REPORTED.replace(find, replace, 1), date(2026, 11, 30))
    assert [str(problem) for problem in caught.value.problems] == [expected]


def test_an_activity_cannot_be_held_before_its_planned_days_have_passed(tmp_path):
    from datetime import date

    text = REPORTED.replace("    start: 2018-06\n    end: 2018-07\n", "")
    assert load_on(tmp_path, text, date(2026, 11, 30))[1].report.status == "held"
    with pytest.raises(DataError) as caught:
        load_on(tmp_path, text, date(2018, 7, 1))
    assert [str(p) for p in caught.value.problems] == [
        "data/activities.yml:21: seminar-2018-si: report.status: marked held, but its planned dates end on 2018-09-30, after today (2018-07-01): report it once it has taken place, or give the days it was held as start and end"
    ]


def test_an_activity_still_titled_as_the_template_says_is_refused(tmp_path):
    from cisotra.placeholders import load_placeholders

    root = Path(__file__).resolve().parent.parent
    text = VALID.replace("en: First project meeting", 'en: "Write the English title here"')
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "activities.yml").write_text(text, encoding="utf-8")
    (tmp_path / "data" / "cities.yml").write_text(CITIES, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_activities(
            tmp_path / "data" / "activities.yml",
            tmp_path / "data" / "cities.yml",
            CODES,
            tmp_path,
            placeholders=load_placeholders(root / "templates"),
        )
    assert [str(p) for p in caught.value.problems] == [
        "data/activities.yml:8: meeting-1-naples: title.en: still says the template's placeholder \"Write the English title here\": replace it with the activity's own title"
    ]


# ---------------------------------------------------------------------------
# Outputs: an address on another site, or a document uploaded under docs/

FILE_OUTPUT = "assets/reports/2018-seminar-minutes.pdf"


def reported_with_output(output: str) -> str:
    return REPORTED.replace(
        'outputs: ["https://doi.org/10.5281/zenodo.1"]', f'outputs: ["https://doi.org/10.5281/zenodo.1", "{output}"]'
    )


def test_an_output_may_be_a_document_uploaded_under_docs(tmp_path):
    from datetime import date

    (tmp_path / "docs" / "assets" / "reports").mkdir(parents=True)
    (tmp_path / "docs" / FILE_OUTPUT).write_bytes(b"%PDF-1.4\n")
    seminar = load_on(tmp_path, reported_with_output(FILE_OUTPUT), date(2026, 11, 30))[1]
    assert seminar.report.outputs == ("https://doi.org/10.5281/zenodo.1", FILE_OUTPUT)


@pytest.mark.parametrize(
    ("output", "expected"),
    [
        (
            FILE_OUTPUT,
            f"report.outputs: no such file: docs/{FILE_OUTPUT} (expected a document uploaded under docs/, like "
            "assets/reports/minutes.pdf): upload it to docs/assets/reports/ and write its path with the same capital "
            "letters, or write the address where it is kept",
        ),
        (
            f"docs/{FILE_OUTPUT}",
            f"report.outputs: 'docs/{FILE_OUTPUT}' starts with docs/: write the path under docs/, '{FILE_OUTPUT}'",
        ),
        (
            "assets/reports/setup.exe",
            "report.outputs: expected a web address starting with https://, or the path of a document uploaded under "
            "docs/, like assets/reports/minutes.pdf, found 'assets/reports/setup.exe'",
        ),
    ],
)
def test_an_output_file_that_is_not_there_says_where_to_upload_it(tmp_path, output, expected):
    from datetime import date

    with pytest.raises(DataError) as caught:
        load_on(tmp_path, reported_with_output(output), date(2026, 11, 30))
    assert [str(problem) for problem in caught.value.problems] == [
        f"data/activities.yml:26: seminar-2018-si: {expected}"
    ]


def test_an_output_file_is_linked_from_the_activity_with_its_public_address(tmp_path):
    from datetime import date

    from cisotra.context import Context
    from cisotra.strings import load_strings
    from cisotra.timeline import activity_view

    (tmp_path / "docs" / "assets" / "reports").mkdir(parents=True)
    (tmp_path / "docs" / FILE_OUTPUT).write_bytes(b"%PDF-1.4\n")
    seminar = load_on(tmp_path, reported_with_output(FILE_OUTPUT), date(2026, 11, 30))[1]
    root = Path(__file__).resolve().parent.parent
    tags = {"en": "en", "si": "sl"}
    strings = load_strings(root / "data" / "strings", list(tags), tags, "en", root).table("si")
    ctx = Context("si", "sl", "en", "en", strings, date(2026, 11, 30), "si/", page=f"si/activities/{seminar.id}/")
    output = strings["activity.output"]
    hrefs = [link.href for link in activity_view(seminar, ctx).links if link.text == output]
    assert hrefs == ["https://doi.org/10.5281/zenodo.1", f"../../../{FILE_OUTPUT}"]


def test_a_report_counts_any_group_of_data_participant_groups(tmp_path):
    from datetime import date

    text = REPORTED.replace(
        "{total: 48, professionals: 40, young_people: 8}", "{total: 48, partner_staff: 5, guests: 2}"
    )
    report = load_on(tmp_path, text, date(2026, 11, 30))[1].report
    assert report.groups == {"partner_staff": 5, "guests": 2}
    assert set(report.names) == {"partner_staff", "guests"}


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("en", "7 people took part (5 members of the partners’ staff, 2 guests)"),
        ("si", "(5 sodelavcev partnerskih organizacij, 2 gosta)"),
        ("de", "(5 Mitarbeitende der Partnerorganisationen, 2 Gäste)"),
    ],
)
def test_the_groups_are_named_in_the_pages_language(tmp_path, code, expected):
    from datetime import date

    from cisotra.context import Context
    from cisotra.strings import load_strings
    from cisotra.timeline import details

    text = REPORTED.replace(
        "{total: 48, professionals: 40, young_people: 8}", "{total: 7, partner_staff: 5, guests: 2}"
    )
    seminar = load_on(tmp_path, text, date(2026, 11, 30))[1]
    root = Path(__file__).resolve().parent.parent
    tags = {"en": "en", "si": "sl", "de": "de"}
    strings = load_strings(root / "data" / "strings", list(tags), tags, "en", root).table(code)
    ctx = Context(code, tags[code], "en", "en", strings, date(2026, 11, 30), "", tags=tags)
    assert any(expected in detail.text for detail in details(seminar, ctx))
