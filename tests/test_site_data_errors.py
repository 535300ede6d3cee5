"""Bad data stops the build with a message an editor can act on; data text is escaped wherever it lands."""

from __future__ import annotations

from bs4 import BeautifulSoup
from icalendar import Calendar

from sitebuild import build, copy_project

HOSTILE = '<script>alert("x")</script> Seminar, Celje; draft \\ notes'


def test_a_broken_activity_stops_the_build_naming_file_line_and_field(tmp_path):
    project = copy_project(tmp_path / "p")
    data = project / "data" / "activities.yml"
    text = data.read_text(encoding="utf-8")
    data.write_text(text.replace("start: 2018-10-08", "start: 2018-10-32", 1), encoding="utf-8")
    line = text[: text.index("start: 2018-10-08")].count("\n") + 1
    result = build(project)
    assert result.returncode != 0
    assert (
        f"data/activities.yml:{line}: meeting-2-taranto: start: '2018-10-32' is not a date in the calendar"
        in result.log
    )
    assert not (project / "site" / "index.html").exists()


def test_malformed_yaml_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "p")
    (project / "data" / "cities.yml").write_text("naples: {country: IT\n", encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert "data/cities.yml:2: this is not valid YAML" in result.log


def test_text_from_the_data_is_escaped_in_html_and_calendars(tmp_path):
    project = copy_project(tmp_path / "p")
    data = project / "data" / "activities.yml"
    data.write_text(
        data.read_text(encoding="utf-8").replace(
            '"First project meeting"', '"' + HOSTILE.replace("\\", "\\\\").replace('"', '\\"') + '"', 1
        ),
        encoding="utf-8",
    )
    result = build(project)
    assert result.returncode == 0, result.log
    for path in ("timeline/index.html", "work-packages/wp1/index.html"):
        html = (result.site / path).read_text(encoding="utf-8")
        assert '<script>alert("x")' not in html
        title = BeautifulSoup(html, "html.parser").select_one("#meeting-1-naples h3")
        assert title.get_text() == HOSTILE
    raw = (result.site / "calendar" / "activities.ics").read_bytes()
    assert b"Seminar\\, Celje\\; draft \\\\ notes" in raw.replace(b"\r\n ", b"")
    event = next(e for e in Calendar.from_ical(raw).walk("VEVENT") if str(e["UID"]) == "meeting-1-naples@cisotra")
    assert str(event["SUMMARY"]) == HOSTILE
