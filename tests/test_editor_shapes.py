"""One shape per field that the browser editor can write: an activity's place and a report's participants
are records (cisotra.activities.PLACE, cisotra.reports.PARTICIPANTS), and the earlier scalar forms, which
the editor's form dropped on every save, are refused with the rewrite."""

from __future__ import annotations

from datetime import date

import pytest
from test_activities import REPORTED, VALID, load, load_on, problems

from cisotra.editor import config, left_out_keys
from cisotra.errors import DataError

TODAY = date(2026, 11, 30)
PLACE = "  place: {country: SI}\n"  # the seminar's, on line 6 of its entry (line 15 of the file)


def place_problems(tmp_path, place: str) -> list[str]:
    return problems(tmp_path, VALID.replace(PLACE, place))


def test_an_online_activity_is_a_record_with_online_true(tmp_path):
    _, seminar = load(tmp_path, VALID.replace(PLACE, "  place: {online: true}\n"))
    assert seminar.place.online and seminar.place.city is None and seminar.attendance == "online"


def test_a_city_with_online_false_is_a_place_in_that_city(tmp_path):
    # The editor's form may write the unticked box beside the city.
    meeting, _ = load(tmp_path, VALID.replace("{city: naples, country: IT}", "{online: false, city: naples}"))
    assert not meeting.place.online and meeting.place.country == "IT" and meeting.attendance == "in_person"


@pytest.mark.parametrize(
    ("place", "expected"),
    [
        (
            "  place: online\n",
            "data/activities.yml:15: seminar-2018-si: place: expected online: true, or city: (an id of "
            "data/cities.yml) and/or country: (an ISO 3166 code), found 'online' (the earlier form): write "
            "place: {online: true}, or place: on its own line with online: true indented under it",
        ),
        (
            "  place: {online: true, country: SI}\n",
            "data/activities.yml:15: seminar-2018-si: place: online: true with a city or country: an online "
            "activity has no place; a hybrid one is planned at its city (remove online:) and reported with "
            "format: hybrid",
        ),
        (
            "  place: {online: false}\n",
            "data/activities.yml:15: seminar-2018-si: place: expected online: true, or city: (an id of "
            "data/cities.yml) and/or country: (an ISO 3166 code) (online: false says only where it is not)",
        ),
    ],
)
def test_a_place_that_is_not_one_record_is_named_with_line_and_rewrite(tmp_path, place, expected):
    assert place_problems(tmp_path, place) == [expected]


def test_a_reports_bare_number_of_participants_is_refused_with_the_rewrite(tmp_path):
    text = REPORTED.replace("{total: 48, professionals: 40, young_people: 8}", "48")
    with pytest.raises(DataError) as caught:
        load_on(tmp_path, text, TODAY)
    assert [str(problem) for problem in caught.value.problems] == [
        "data/activities.yml:25: seminar-2018-si: report.participants: expected total: and, if known, a number per "
        "group of data/participant-groups.yml, such as {total: 23}, found 48 (the earlier form): write "
        "participants: {total: 48}"
    ]


def test_a_total_alone_is_a_report_of_participants(tmp_path):
    text = REPORTED.replace("{total: 48, professionals: 40, young_people: 8}", "{total: 48}")
    _, seminar = load_on(tmp_path, text, TODAY)
    assert (seminar.report.participants, seminar.report.groups) == (48, {})
    assert seminar.participants == 50  # the plan stays a plain count


def form(fields: list[dict], name: str) -> dict:
    """The field named `name`, at any depth."""
    for field in fields:
        if field["name"] == name:
            return field
        inner = [*field.get("fields", ()), *([field["field"]] if "field" in field else ())]
        if inner and (found := _find(inner, name)):
            return found
    raise AssertionError(f"no field {name}")


def _find(fields: list[dict], name: str) -> dict | None:
    try:
        return form(fields, name)
    except AssertionError:
        return None


GROUPS = """\
guests: {en: {one: "{count} guest", other: "{count} guests"}}
young_people: {en: {one: "{count} young person", other: "{count} young people"}}
"""


def test_the_editor_has_a_box_for_online_and_a_number_per_group_of_the_file(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "participant-groups.yml").write_text(GROUPS, encoding="utf-8")
    keys = left_out_keys(tmp_path)
    assert keys["participant-groups"] == ["guests", "young_people"]
    settings = config(("en", "si"), "partner/cisotra", keys)
    (data,) = [collection for collection in settings["collections"] if collection["name"] == "data"]
    (activities,) = [entry for entry in data["files"] if entry["file"] == "data/activities.yml"]
    place = form(activities["fields"], "place")
    assert [(field["name"], field["widget"]) for field in place["fields"]][0] == ("online", "boolean")
    (items,) = activities["fields"]  # the list at the top of the file
    (report,) = [field for field in items["fields"] if field["name"] == "report"]
    participants = form(report["fields"], "participants")
    assert participants["widget"] == "object"
    assert [field["name"] for field in participants["fields"]] == ["total", *keys["participant-groups"]]
    assert all(field["widget"] == "number" and field["value_type"] == "int" for field in participants["fields"])
    assert all(field["min"] == 0 and field["required"] is False for field in participants["fields"])
    assert [field["label"] for field in participants["fields"]] == ["Total", "Guests", "Young people"]
