"""The timeline, the work-package lists and the calendar files of the built site."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from icalendar import Calendar

from sitebuild import build, copy_project
from sitecheck import LANGUAGES, PREFIXES

# The six project meetings as the activities document gives them, written as each language writes dates.
MEETINGS = {
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
SEMINAR_MONTHS = {
    "en": "June\u2009–\u2009September",
    "si": "junij–september",
    "de": "Juni–September",
    "it": "giugno–settembre",
    "el": "Ιούνιος–Σεπτέμβριος",
    "tr": "Haziran\u2009–\u2009Eylül",
}
PER_WORK_PACKAGE = {1: 6, 2: 0, 3: 15, 4: 6, 5: 4, 6: 11, 7: 11, 8: 1, 9: 0, 10: 1}


def soup(site, path):
    return BeautifulSoup((site.site / path).read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_the_timeline_lists_every_activity_with_the_documents_dates(site, code):
    page = soup(site, f"{PREFIXES[code]}timeline/index.html")
    items = page.select("li.cisotra-activity")
    assert len(items) == 55
    meetings = [item for item in items if item["data-type"] == "meeting"]
    assert [m.select_one("time").get_text() for m in meetings] == MEETINGS[code]
    assert [m.select_one("dd:-soup-contains(',')").get_text().split(",")[0] for m in meetings] == MEETING_CITIES[code]
    seminars = [item for item in items if item["data-type"] == "seminar"]
    assert len(seminars) == 15
    assert {s.select_one("time").get_text() for s in seminars} == {
        f"{SEMINAR_MONTHS[code]} {year}" for year in (2018, 2019, 2020)
    }
    years = [h.get_text(strip=True) for h in page.select("h2[id^=year-]")]
    assert years == ["2018", "2019", "2020"]


def test_past_and_upcoming_follow_the_build_date(tmp_path):
    project = copy_project(tmp_path / "p")
    # 1 January 2020: the 2018 and 2019 activities are past, the 2020 ones upcoming.
    result = build(project, extra_env={"SOURCE_DATE_EPOCH": "1577836800"})
    assert result.returncode == 0, result.log
    page = soup(result, "timeline/index.html")
    past = {li["id"] for li in page.select("li.cisotra-activity--past")}
    upcoming = {li["id"] for li in page.select("li.cisotra-activity--upcoming")}
    assert "meeting-4-celje" in past and "meeting-5-athens" in upcoming
    assert "model-preparation" in upcoming  # runs until October 2020
    assert all(
        li.select_one(".cisotra-activity__status").get_text() == "Upcoming"
        for li in page.select("li.cisotra-activity--upcoming")
    )
    # An upcoming activity can be added to a calendar on its own; a past one only in the calendar of all.
    for li in page.select("li.cisotra-activity"):
        link = li.select_one(".cisotra-activity__links a[download]")
        single = result.site / "calendar" / f"{li['id']}.ics"
        if li["id"] in upcoming:
            assert link is not None and link["href"] == f"../calendar/{li['id']}.ics"
            assert len(Calendar.from_ical(single.read_bytes()).walk("VEVENT")) == 1
        else:
            assert link is None and not single.exists(), li["id"]
    assert len(list((result.site / "si" / "calendar").glob("*.ics"))) == len(upcoming) + 1


def test_the_numbers_are_computed_from_the_data(site):
    table = soup(site, "timeline/index.html").select_one(".cisotra-numbers table")
    rows = {
        tr.th.get_text(): [td.get_text() for td in tr.find_all("td")]
        for tr in table.select("tr")
        if tr.th and tr.find("td")
    }
    assert rows["National seminar"] == ["15", "750"]
    assert rows["Project meeting"] == ["6", "–"]
    assert rows["Total"] == ["55", str(750 + 15 + 5 * 15 + 4 * 15 + 11 * 15)]


def test_filters_are_keyboard_native_controls_with_labels(site):
    form = soup(site, "si/timeline/index.html").select_one("form.cisotra-timeline-filters")
    assert form.has_attr("hidden")  # shown by the script; without it the full list stands
    for select in form.select("select"):
        assert form.select_one(f'label[for="{select["id"]}"]')
    assert form.select_one("[role=status][aria-live=polite]")
    assert "Slovenija" in [o.get_text() for o in form.select("#filter-country option")]


@pytest.mark.parametrize(("number", "count"), PER_WORK_PACKAGE.items())
def test_each_work_package_page_lists_its_own_activities(site, number, count):
    for code in LANGUAGES:
        page = soup(site, f"{PREFIXES[code]}work-packages/wp{number}/index.html")
        items = page.select("li.cisotra-activity")
        assert len(items) == count, (code, number)
        assert all(item.select_one(".cisotra-activity__details a").get_text() == f"WP{number}" for item in items)


def test_search_finds_an_activity_on_the_timeline_not_again_on_its_work_package(site):
    import json

    docs = json.loads((site.site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    wp1 = soup(site, "work-packages/wp1/index.html")
    title = wp1.select_one("li.cisotra-activity h3").get_text()  # shown on the work package's page
    places = {doc["location"].split("#")[0] for doc in docs if title in doc["text"] or title in doc["title"]}
    assert "timeline/" in places
    assert "work-packages/wp1/" not in places
    # The page's own text is still indexed.
    assert "work-packages/wp1/" in {doc["location"].split("#")[0] for doc in docs}


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_each_language_has_a_calendar_of_all_activities(site, code):
    path = site.site / f"{PREFIXES[code]}calendar/activities.ics"
    calendar = Calendar.from_ical(path.read_bytes())
    events = calendar.walk("VEVENT")
    assert len(events) == 55
    by_uid = {str(e["UID"]): e for e in events}
    meeting = by_uid["meeting-1-naples@cisotra"]
    assert meeting.decoded("DTSTART").isoformat() == "2018-05-15"
    assert meeting.decoded("DTEND").isoformat() == "2018-05-17"  # exclusive: the day after the last day
    seminar = by_uid["seminar-2019-gr@cisotra"]
    assert (seminar.decoded("DTSTART").isoformat(), seminar.decoded("DTEND").isoformat()) == (
        "2019-06-01",
        "2019-10-01",
    )
    assert str(seminar["STATUS"]) == "TENTATIVE"
    assert all("DTSTAMP" in e for e in events)
    assert str(by_uid["meeting-1-naples@cisotra"]["URL"]).startswith(site.site_url + PREFIXES[code] + "timeline/#")
    for line in path.read_bytes().split(b"\r\n"):
        assert len(line) <= 75


def test_past_activities_have_no_calendar_file_of_their_own(site):
    # Every activity of the document is over: each is in the calendar of all activities only.
    page = soup(site, "de/timeline/index.html")
    assert len(page.select("li.cisotra-activity--past")) == 55
    assert not page.select(".cisotra-activity__links a[download]")
    assert [path.name for path in (site.site / "de" / "calendar").iterdir()] == ["activities.ics"]


def test_calendars_are_the_same_in_two_builds(site, root_site):
    def stable(path):
        # Only the URLs differ between a sub-path and a root build.
        unfolded = path.read_bytes().replace(b"\r\n ", b"")
        return re.sub(rb"URL:[^\r]*", b"", unfolded)

    assert stable(site.site / "si/calendar/activities.ics") == stable(root_site.site / "si/calendar/activities.ics")
