"""The facts of the project's activities document, pinned once, here.

Everything else in the suite computes what it expects from data/ and docs/. These tests
say what the activities document (the Slovenian original, projektne-dejavnosti) plans,
so that an edit that changes a date, a place or a planned number of the document fails
with a message saying so. A partner adding activities does not break them: they check
that the document's activities are there, not that nothing else is.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from sitecheck import LANGUAGES, PREFIXES

WHY = "this comes from the project's activities document; change it only if the document says otherwise"

# WP1: the six face-to-face meetings, as the document plans them.
MEETINGS = [
    ("meeting-1-naples", "2018-05-15", "2018-05-16", "naples"),
    ("meeting-2-taranto", "2018-10-08", "2018-10-10", "taranto"),
    ("meeting-3-regensburg", "2019-05-22", "2019-05-24", "regensburg"),
    ("meeting-4-celje", "2019-10-08", "2019-10-10", "celje"),
    ("meeting-5-athens", "2020-05-18", "2020-05-19", "athens"),
    ("meeting-6-istanbul", "2020-10-15", "2020-10-17", "istanbul"),
]
COUNTRIES = {"SI", "DE", "GR", "IT", "TR"}
# The meetings' dates as each language writes them, on the built timeline.
MEETING_DATES = {
    "en": [
        "15–16 May 2018",
        "8–10 October 2018",
        "22–24 May 2019",
        "8–10 October 2019",
        "18–19 May 2020",
        "15–17 October 2020",
    ],
    "si": [
        "15.–16. maj 2018",
        "8.–10. oktober 2018",
        "22.–24. maj 2019",
        "8.–10. oktober 2019",
        "18.–19. maj 2020",
        "15.–17. oktober 2020",
    ],
    "de": [
        "15.–16. Mai 2018",
        "8.–10. Oktober 2018",
        "22.–24. Mai 2019",
        "8.–10. Oktober 2019",
        "18.–19. Mai 2020",
        "15.–17. Oktober 2020",
    ],
    "it": [
        "15–16 maggio 2018",
        "8–10 ottobre 2018",
        "22–24 maggio 2019",
        "8–10 ottobre 2019",
        "18–19 maggio 2020",
        "15–17 ottobre 2020",
    ],
    "el": [
        "15–16 Μαΐου 2018",
        "8–10 Οκτωβρίου 2018",
        "22–24 Μαΐου 2019",
        "8–10 Οκτωβρίου 2019",
        "18–19 Μαΐου 2020",
        "15–17 Οκτωβρίου 2020",
    ],
    "tr": [
        "15–16 Mayıs 2018",
        "8–10 Ekim 2018",
        "22–24 Mayıs 2019",
        "8–10 Ekim 2019",
        "18–19 Mayıs 2020",
        "15–17 Ekim 2020",
    ],
}
MEETING_CITIES = {
    "en": ["Naples", "Taranto", "Regensburg", "Celje", "Athens", "Istanbul"],
    "si": ["Neapelj", "Taranto", "Regensburg", "Celje", "Atene", "Istanbul"],
    "de": ["Neapel", "Tarent", "Regensburg", "Celje", "Athen", "Istanbul"],
    "it": ["Napoli", "Taranto", "Ratisbona", "Celje", "Atene", "Istanbul"],
    "el": ["Νάπολη", "Τάραντας", "Ρέγκενσμπουργκ", "Τσέλιε", "Αθήνα", "Κωνσταντινούπολη"],
    "tr": ["Napoli", "Taranto", "Regensburg", "Celje", "Atina", "İstanbul"],
}


def by_id(data):
    return data.project.activity_by_id


def test_the_six_project_meetings(data):
    for ident, first, last, city in MEETINGS:
        activity = by_id(data).get(ident)
        assert activity is not None, f"{ident} is missing: {WHY}"
        found = (activity.period.first.isoformat(), activity.period.last.isoformat(), activity.place.city.key)
        assert found == (first, last, city), f"{ident}: {WHY}"
        assert activity.work_package == 1, WHY


def test_national_seminars_every_year_in_every_country_with_50_participants(data):
    for year in (2018, 2019, 2020):
        seminars = [a for a in data.project.activities if a.type == "seminar" and a.period.first.year == year]
        assert {a.place.country for a in seminars} >= COUNTRIES, f"{year}: {WHY}"
        for seminar in seminars:
            assert (seminar.period.first.month, seminar.period.last.month, seminar.participants) == (6, 9, 50), WHY
            assert seminar.work_package == 3, WHY


def test_the_general_training_pilot_and_national_runs(data):
    pilot = by_id(data)["training-pilot-naples"]
    assert (pilot.period.first.isoformat(), pilot.period.last.isoformat()) == ("2018-11-01", "2019-01-31"), WHY
    assert (pilot.place.city.key, pilot.participants, pilot.languages, pilot.work_package) == (
        "naples",
        15,
        ("en",),
        4,
    ), WHY
    runs = [
        a for a in data.project.activities if a.type == "training" and a.period.first.year == 2019 and a is not pilot
    ]
    assert {a.place.country for a in runs} >= COUNTRIES, WHY
    assert all((a.period.first.month, a.period.last.month, a.participants) == (4, 6, 15) for a in runs), WHY


def test_four_specialised_distance_courses_in_the_documents_order(data):
    courses = [a for a in data.project.activities if a.type == "course"]
    assert len(courses) >= 4, WHY
    assert [a.id for a in courses[:4]] == [
        "course-reception",
        "course-protection",
        "course-education-work",
        "course-inclusion",
    ], WHY
    assert all(
        (a.period.first.isoformat()[:7], a.period.last.isoformat()[:7], a.participants) == ("2019-10", "2019-12", 15)
        for a in courses[:4]
    ), WHY


def test_workshops_for_minors_and_young_adults(data):
    for kind, pilot_country, wp, participants in (
        ("workshop_minors", "GR", 6, 15),
        ("workshop_young_adults", "TR", 7, None),
    ):
        workshops = [a for a in data.project.activities if a.type == kind]
        pilots = [a for a in workshops if a.period.first.isoformat().startswith("2018-09")]
        assert [a.place.country for a in pilots] == [pilot_country], WHY
        for year in (2019, 2020):
            march = [a for a in workshops if a.period.first.isoformat().startswith(f"{year}-03")]
            assert {a.place.country for a in march} >= COUNTRIES, f"{kind} {year}: {WHY}"
        assert all(a.work_package == wp and a.participants == participants for a in workshops), WHY


def test_the_model_and_the_international_conference(data):
    model = by_id(data)["model-preparation"]
    assert (model.period.first.isoformat()[:7], model.period.last.isoformat()[:7], model.work_package) == (
        "2019-08",
        "2020-10",
        8,
    ), WHY
    conference = by_id(data)["conference-istanbul"]
    assert (conference.period.first.isoformat()[:7], conference.place.city.key) == ("2020-10", "istanbul"), WHY


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_the_timeline_shows_the_meetings_as_each_language_writes_them(site, code):
    page = BeautifulSoup(
        (site.site / f"{PREFIXES[code]}timeline/index.html").read_text(encoding="utf-8"), "html.parser"
    )
    meetings = [page.select_one(f"#{ident}") for ident, *_ in MEETINGS]
    assert [m.select_one("time").get_text() for m in meetings] == MEETING_DATES[code], WHY
    assert [m.select_one("dd:-soup-contains(',')").get_text().split(",")[0] for m in meetings] == MEETING_CITIES[
        code
    ], WHY
