"""Each build keeps its own state (hooks/buildstate.py): several builds in one process, as `mkdocs serve` runs them,
each follow their own data; nothing generated vanishes silently."""

from __future__ import annotations

import gc
import os
import re
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from fixture import make_fixture
from markupsafe import Markup
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

import _site
from sitebuild import FIXTURE_MOMENT, build, epoch
from standins import StandIns, check_written


def build_in_process(project, site):
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    mkdocs_build(config)


def live_projects(root: Path) -> int:
    """The loaded projects of `root` still alive: only this test's own, since another test in the same worker
    may keep the real project's alive on purpose (tests/sitedata.py caches it for the session)."""
    gc.collect()
    return sum(
        type(item).__name__ == "Project"
        and type(item).__module__ == "cisotra.project"
        and Path(item.root).resolve() == root.resolve()
        for item in gc.get_objects()
    )


def events_hook():
    """The hook as MkDocs loaded it (once per process)."""
    return next(module for name, module in sys.modules.items() if name.endswith("mkdocs_events.py"))


def timeline_title(site, code_prefix=""):
    page = BeautifulSoup((site / code_prefix / "timeline/index.html").read_text(encoding="utf-8"), "html.parser")
    return page.select_one("#meeting-planned h3").get_text()


@pytest.fixture
def in_process(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(FIXTURE_MOMENT))
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.delenv("CISOTRA_LANGUAGE", raising=False)
    return make_fixture(tmp_path / "project")


def test_builds_in_one_process_each_follow_their_own_data(in_process, tmp_path):
    data = in_process / "data" / "activities.yml"
    original = data.read_text(encoding="utf-8")
    for number in range(3):
        data.write_text(original.replace('"A planned meeting"', f'"Meeting, edition {number}"'), encoding="utf-8")
        site = tmp_path / f"site-{number}"
        build_in_process(in_process, site)
        assert timeline_title(site) == f"Meeting, edition {number}"
        assert timeline_title(site, "el") == "Προγραμματισμένη συνάντηση"  # Greek has its own title
        assert live_projects(in_process) <= 1, "a finished build's data is still alive"
    assert events_hook()._build is None  # the last build let go of its state when it ended


def test_past_and_upcoming_agree_across_the_language_passes_of_one_build(in_process, tmp_path, monkeypatch):
    # A clock that moves on while the build runs: the conference of 15–16 October 2027 is upcoming
    # at the first reading and past at every later one. The build reads it once, for every pass.
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    readings = iter([datetime(2027, 10, 15, tzinfo=UTC)])
    monkeypatch.setattr(_site, "build_moment", lambda: next(readings, datetime(2030, 1, 1, tzinfo=UTC)))
    site = tmp_path / "out"
    build_in_process(in_process, site)
    states = set()
    for prefix in ("", "si", "el", "tr"):
        page = BeautifulSoup((site / prefix / "timeline/index.html").read_text(encoding="utf-8"), "html.parser")
        states.add(tuple(page.select_one("#conference-upcoming")["class"]))
    assert states == {("cisotra-activity", "cisotra-activity--upcoming")}


def test_generated_html_that_never_reaches_its_page_stops_the_build(tmp_path):
    project = make_fixture(tmp_path / "site")
    config = project / "mkdocs.yml"
    # pymdownx.striphtml removes HTML comments, and with them the stand-ins of generated HTML.
    config.write_text(
        config.read_text(encoding="utf-8").replace("  - tables\n", "  - tables\n  - pymdownx.striphtml\n")
    )
    result = build(project)
    assert result.returncode != 0
    assert re.search(
        r"page en/index\.md \(/\): \d+ block\(s\) of generated HTML from the [a-z ]+ never reached the page: "
        r"their stand-in comments were removed while the Markdown was rendered \(a Markdown extension that strips "
        r"HTML comments\?\)",
        result.log,
    ), result.log


def test_a_stand_in_put_back_twice_or_left_in_a_page_stops_the_build():
    stand_ins = StandIns()
    stand_in = stand_ins.stand_in("the timeline", Markup("<ol></ol>"), True, "timeline/")
    name = "page en/timeline.md (timeline/)"
    assert stand_ins.restore(name, "timeline/", f"<div>{stand_in}</div>") == "<div><ol></ol></div>"
    with pytest.raises(
        PluginError,
        match=r"page en/timeline.md \(timeline/\): the generated HTML of the timeline was put into the page twice",
    ):
        stand_ins.restore(name, "timeline/", f"<div>{stand_in}</div>")
    with pytest.raises(PluginError, match="a stand-in for generated HTML was left in the written page"):
        check_written(name, f"<p>{stand_in}</p>")


def test_a_serve_session_does_not_keep_old_builds(in_process, tmp_path):
    # mkdocs serve loads the configuration again for each rebuild; memory must not grow with them.
    if os.environ.get("CI_SHORT"):
        pytest.skip("CI_SHORT is set")
    sizes = []
    for number in range(4):
        build_in_process(in_process, tmp_path / "out")
        gc.collect()
        sizes.append(len(gc.get_objects()))
        assert live_projects(in_process) <= 1, number
    # The first build warms caches (templates, locales); later ones add nothing that stays.
    assert sizes[-1] <= sizes[1] * 1.05, sizes
