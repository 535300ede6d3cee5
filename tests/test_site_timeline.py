"""The timeline, the work-package lists and the calendar files of the built site, against the data.

What each page should list is computed from data/activities.yml at the build's moment;
the document's own facts (the meetings' dates and places) are in test_document_facts.py.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from babel.numbers import format_decimal
from bs4 import BeautifulSoup
from fixture import make_fixture
from icalendar import Calendar
from sitedata import expected

from cisotra.collation import sort_key
from cisotra.dates import format_period
from sitebuild import TEST_MOMENT, build, epoch
from sitecheck import LANGUAGES, PREFIXES


def soup(site, path):
    return BeautifulSoup((site.site / path).read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_the_timeline_lists_every_activity_of_the_data_with_its_dates_and_state(site, data, code):
    page = soup(site, f"{PREFIXES[code]}timeline/index.html")
    items = {item["id"]: item for item in page.select("li.cisotra-activity")}
    activities = data.project.activities
    assert activities and list(items) == [activity.id for activity in activities]
    tag = LANGUAGES[code]
    for activity in activities:
        item = items[activity.id]
        assert item["data-type"] == activity.type
        assert item.select_one("time").get_text() == format_period(activity.shown_period, tag)
        state = activity.state(TEST_MOMENT.date())
        assert f"cisotra-activity--{state}" in item["class"], activity.id
        assert item.select_one(".cisotra-activity__status").get_text() == data.project.strings.get(
            code, f"activity.status.{state}"
        )
    years = [h.get_text(strip=True) for h in page.select("h2[id^=year-]")]
    assert years == sorted({str(a.shown_period.first.year) for a in activities})


def test_a_past_activity_without_a_report_is_called_planned_not_past(site, data):
    unreported = [a for a in data.project.activities if a.report is None and a.period.last < TEST_MOMENT.date()]
    assert unreported, "the data has no past activity without a report to look at"
    page = soup(site, "timeline/index.html")
    for activity in unreported:
        assert page.select_one(f"#{activity.id} .cisotra-activity__status").get_text() == "Planned"


def test_past_and_upcoming_follow_the_build_date(tmp_path):
    moment = datetime(2020, 5, 1, tzinfo=UTC)  # after the fixture's workshop held in April 2020
    project = make_fixture(tmp_path / "p")
    data = expected(project)
    result = build(project, extra_env={"SOURCE_DATE_EPOCH": epoch(moment)})
    assert result.returncode == 0, result.log
    page = soup(result, "timeline/index.html")
    expected_upcoming = {a.id for a in data.project.activities if a.state(moment.date()) == "upcoming"}
    assert expected_upcoming and expected_upcoming != {a.id for a in data.project.activities}
    assert {li["id"] for li in page.select("li.cisotra-activity--upcoming")} == expected_upcoming
    # An upcoming activity can be added to a calendar on its own; a past one only in the calendar of all.
    for li in page.select("li.cisotra-activity"):
        link = li.select_one(".cisotra-activity__links a[download]")
        single = result.site / "calendar" / f"{li['id']}.ics"
        if li["id"] in expected_upcoming:
            assert link is not None and link["href"] == f"../calendar/{li['id']}.ics"
            assert len(Calendar.from_ical(single.read_bytes()).walk("VEVENT")) == 1
        else:
            assert link is None and not single.exists(), li["id"]
    assert len(list((result.site / "si" / "calendar").glob("*.ics"))) == len(expected_upcoming) + 1


@pytest.mark.parametrize("code", ["en", "el", "tr", "si"])
def test_the_numbers_are_computed_from_the_data(site, data, code):
    table = soup(site, f"{PREFIXES[code]}timeline/index.html").select_one(".cisotra-numbers table")
    rows = {
        tr.th.get_text(): [td.get_text() for td in tr.find_all("td")]
        for tr in table.select("tr")
        if tr.th and tr.find("td")
    }
    locale = LANGUAGES[code]
    for kind in {a.type for a in data.project.activities}:
        own = [a for a in data.project.activities if a.type == kind]
        planned = [a.participants for a in own if a.participants is not None]
        label = data.project.strings.get(code, f"activity.types.{kind}")
        expected_places = format_decimal(sum(planned), locale=locale) if planned else "–"
        assert rows[label] == [format_decimal(len(own), locale=locale), expected_places], kind
    total = data.project.strings.get(code, "timeline.total")
    # The planned places added up over activities, as the home and indicators pages give them (the
    # table's note says a person taking part in several activities is counted in each).
    planned = [a.participants for a in data.project.activities if a.participants is not None]
    places = format_decimal(sum(planned), locale=locale) if planned else "–"
    assert rows[total] == [format_decimal(len(data.project.activities), locale=locale), places]


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_countries_are_in_the_languages_alphabetical_order(site, code):
    form = soup(site, f"{PREFIXES[code]}timeline/index.html").select_one("form.cisotra-timeline-filters")
    names = [o.get_text() for o in form.select("#filter-country option") if o["value"] not in ("", "online")]
    assert len(names) >= 2
    assert names == sorted(names, key=lambda name: sort_key(name, LANGUAGES[code]))
    table_names = [
        th.get_text()
        for th in soup(site, f"{PREFIXES[code]}timeline/index.html").select(
            ".cisotra-numbers table:nth-of-type(2) tbody th"
        )
    ]
    assert [name for name in table_names if name in names] == names


def test_the_turkish_timeline_puts_italy_before_slovenia_not_after_greece(site):
    form = soup(site, "tr/timeline/index.html").select_one("form.cisotra-timeline-filters")
    names = [o.get_text() for o in form.select("#filter-country option")]
    # Code-point order puts "İ" after "Z"; Turkish puts it after "I".
    assert names.index("Almanya") < names.index("İtalya") < names.index("Slovenya") < names.index("Yunanistan")


def test_filters_are_keyboard_native_controls_with_labels(site):
    form = soup(site, "si/timeline/index.html").select_one("form.cisotra-timeline-filters")
    # Shown from the first paint where scripts run (no layout shift); the stylesheet hides it
    # without them, and the browser suite checks that the full list then stands alone.
    assert not form.has_attr("hidden")
    assert "html:not(.cisotra-js) .cisotra-timeline-filters" in (
        site.site / "assets/stylesheets/cisotra.css"
    ).read_text(encoding="utf-8")
    for select in form.select("select"):
        assert form.select_one(f'label[for="{select["id"]}"]')
    assert form.select_one("[role=status][aria-live=polite]")
    assert "Slovenija" in [o.get_text() for o in form.select("#filter-country option")]


def test_each_work_package_page_lists_its_own_activities(site, data):
    for number in range(1, 11):
        own = [a.id for a in data.project.activities if a.work_package == number]
        for code in LANGUAGES:
            page = soup(site, f"{PREFIXES[code]}work-packages/wp{number}/index.html")
            items = page.select("li.cisotra-activity")
            assert [item["id"] for item in items] == own, (code, number)
            assert all(item.select_one(".cisotra-activity__details a").get_text() == f"WP{number}" for item in items)


def test_a_work_package_list_is_marked_for_the_search_index_to_skip(site, data):
    number = next(a.work_package for a in data.project.activities)
    page = soup(site, f"work-packages/wp{number}/index.html")
    listed = page.select_one("li.cisotra-activity")
    wrapper = listed.find_parent(class_="cisotra-unindexed")
    assert wrapper is not None and "<!--search-skip-->" in str(wrapper)


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_each_language_has_a_calendar_of_every_activity(site, data, code):
    path = site.site / f"{PREFIXES[code]}calendar/activities.ics"
    events = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    by_uid = {str(e["UID"]): e for e in events}
    assert set(by_uid) == {f"{a.id}@cisotra" for a in data.project.activities}
    for activity in data.project.activities:
        event = by_uid[f"{activity.id}@cisotra"]
        assert event.decoded("DTSTART") == activity.shown_period.first
        assert event.decoded("DTEND") == activity.shown_period.end_exclusive  # exclusive: the day after
        assert "DTSTAMP" in event
        assert str(event["URL"]).startswith(site.site_url + PREFIXES[code])
    for line in path.read_bytes().split(b"\r\n"):
        assert len(line) <= 75


def test_only_upcoming_activities_have_a_calendar_file_of_their_own(site, data):
    upcoming = {a.id for a in data.project.activities if a.state(TEST_MOMENT.date()) == "upcoming"}
    files = {path.stem for path in (site.site / "de" / "calendar").iterdir()}
    assert files == upcoming | {"activities"}


def test_calendars_are_the_same_in_two_builds(fixture_sub_path, root_site):
    def stable(path):
        # Only the URLs differ between a sub-path and a root build.
        unfolded = path.read_bytes().replace(b"\r\n ", b"")
        return re.sub(rb"URL:[^\r]*", b"", unfolded)

    made = stable(fixture_sub_path.site / "si/calendar/activities.ics")
    assert b"BEGIN:VEVENT" in made and made == stable(root_site.site / "si/calendar/activities.ics")
