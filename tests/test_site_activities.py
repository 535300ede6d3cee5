"""Each activity's own page, the quality indicators and the exports, in the built site, against the data."""

from __future__ import annotations

import csv
import io
import json

import pytest
from bs4 import BeautifulSoup

from cisotra.structured import NOT_EVENTS
from sitebuild import TEST_MOMENT
from sitecheck import LANGUAGES, PREFIXES


def soup(site, path):
    return BeautifulSoup((site.site / path).read_text(encoding="utf-8"), "html.parser")


def event_of(page) -> dict | None:
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    return next((item for item in data["@graph"] if item["@type"] == "Event"), None)


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_every_activity_has_a_page_linked_from_the_timeline_with_its_event_data(site, data, code):
    timeline = soup(site, f"{PREFIXES[code]}timeline/index.html")
    for activity in data.project.activities:
        link = timeline.select_one(f"#{activity.id} h3 a")
        assert link is not None and link["href"] == f"../activities/{activity.id}/", activity.id
        page = soup(site, f"{PREFIXES[code]}activities/{activity.id}/index.html")
        assert page.html["lang"] == LANGUAGES[code]
        event = event_of(page)
        if activity.type in NOT_EVENTS:  # work, such as preparing the model: nothing to attend
            assert event is None, activity.id
            continue
        period = activity.shown_period
        first, last = period.first.isoformat(), period.last.isoformat()
        if period.precision == "month":
            first, last = first[:7], last[:7]
        assert (event["startDate"], event["endDate"]) == (first, last), activity.id
        assert event["name"] == page.select_one("article h1").get_text(strip=True)
        assert event["url"] == site.site_url + f"{PREFIXES[code]}activities/{activity.id}/"
        # Only a reported cancellation or postponement gives a status; a plan claims none.
        reported = activity.report.status if activity.report else None
        assert ("eventStatus" in event) == (reported in ("cancelled", "postponed")), activity.id
        assert event["eventAttendanceMode"].endswith("EventAttendanceMode")
        assert event["inLanguage"]
        if activity.place and not activity.place.online:
            assert event["location"]["address"]["addressCountry"] == activity.place.country


def test_work_package_lists_and_post_boxes_link_to_the_activity_pages(site, data):
    post = next(p for p in data.publication.posts("si") if p.activities)
    page = soup(site, f"si/news/{post.stem}/index.html")
    for ident in post.activities:
        assert page.select_one(f"#{ident} h3 a")["href"] == f"../../activities/{ident}/"
    number = data.project.activities[0].work_package
    wp = soup(site, f"de/work-packages/wp{number}/index.html")
    assert (
        wp.select_one(f"#{data.project.activities[0].id} h3 a")["href"]
        == f"../../activities/{data.project.activities[0].id}/"
    )


def test_the_exports_read_back_to_the_data(site, data):
    records = json.loads((site.site / "indicators/activities.json").read_text(encoding="utf-8"))["activities"]
    rows = list(csv.DictReader(io.StringIO((site.site / "indicators/activities.csv").read_text(encoding="utf-8"))))
    activities = data.project.activities
    assert [record["id"] for record in records] == [row["id"] for row in rows] == [a.id for a in activities]
    for activity, record, row in zip(activities, records, rows, strict=True):
        assert record["type"] == row["type"] == activity.type
        assert record["work_package"] == int(row["work_package"]) == activity.work_package
        assert record["planned_start"] == row["planned_start"] == activity.period.first.isoformat()
        assert record["planned_participants"] == activity.participants
        assert row["planned_participants"] == ("" if activity.participants is None else str(activity.participants))
        assert record["status"] == row["status"] == activity.state(TEST_MOMENT.date())


@pytest.mark.parametrize("code", ["en", "el", "tr"])
def test_the_indicator_tables_equal_sums_worked_out_here(site, data, code):
    page = soup(site, f"{PREFIXES[code]}indicators/index.html")
    tables = page.select(".cisotra-indicators__table table")
    assert len(tables) == 4
    by_type = tables[0]
    strings = data.project.strings
    for kind in {a.type for a in data.project.activities}:
        own = [a for a in data.project.activities if a.type == kind]
        label = strings.get(code, f"activity.types.{kind}")
        row = next(tr for tr in by_type.select("tbody tr") if tr.th.get_text() == label)
        cells = [td.get_text() for td in row.select("td")]
        planned = [a.participants for a in own if a.participants is not None]
        held = sum(1 for a in own if a.report and a.report.status == "held")
        assert cells[0] == str(len(own))
        # Where no activity of the type has a report, what happened is not known, not 0.
        reported = any(a.report for a in own)
        assert cells[1] == (str(held) if reported else strings.get(code, "indicators.not_reported"))
        assert cells[5] == (
            f"{sum(planned):,}".replace(",", {"en": ",", "el": ".", "tr": "."}[code]) if planned else "–"
        )
    total = by_type.select_one("tfoot td").get_text()
    assert total == f"{len(data.project.activities)}"
    links = {a["href"] for a in page.select(".cisotra-indicators__exports a")}
    assert {link.rsplit("/", 1)[-1] for link in links} == {"activities.csv", "activities.json"}
