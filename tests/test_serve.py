"""`mkdocs serve` as `./run serve` runs it: every language, rebuilt after a change to a page or to the data,
and a mistake shown in the browser instead of a page that never loads.

The hooks keep state between language passes (data loaded once, generated HTML waiting for
its page); a rebuild in the same process must not see the previous build's.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time

import pytest
from bs4 import BeautifulSoup
from sitedata import expected

from sitebuild import ROOT, copy_project
from sitecheck import LANGUAGES, PREFIXES, fetch


def wait_for(condition, seconds: float, what: str, log: list[str] | None = None) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            # The server's own last words say whether it saw the change, started a build or failed.
            said = "".join(list(log or [])[-40:])
            pytest.fail(f"gave up after {seconds:.0f} s waiting for {what}; mkdocs serve said last:\n{said}")
        time.sleep(0.1)


def edit(path, text: str) -> None:
    """Write a file as an editor saves it. MkDocs' watcher polls modification times and sizes:
    a second's pause keeps two saves from looking alike on a file system with coarse times."""
    time.sleep(1.1)
    path.write_text(text, encoding="utf-8")


def check_every_language(base: str, activities: int) -> None:
    for code, tag in LANGUAGES.items():
        # A loaded machine (the whole suite at once) can take seconds to answer.
        timeline = BeautifulSoup(fetch(f"{base}{PREFIXES[code]}timeline/", timeout=30), "html.parser")
        assert timeline.html is not None and timeline.html.get("lang") == tag, code
        assert len(timeline.select("li.cisotra-activity")) == activities, code
        news = fetch(f"{base}{PREFIXES[code]}news/", timeout=30)
        assert 'class="cisotra-posts"' in news, code
        for text in (str(timeline), news):
            assert "<!--cisotra-html" not in text, code


@pytest.fixture
def served(tmp_path):
    project = copy_project(tmp_path / "project")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": base, "CISOTRA_CACHE": str(ROOT / ".cache")}
    env.pop("CISOTRA_LANGUAGE", None)
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "serve",
            "--no-strict",  # as ./run serve
            "--dev-addr",
            f"127.0.0.1:{port}",
            "-f",
            str(project / "mkdocs.yml"),
        ],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    log: list[str] = []
    threading.Thread(target=lambda: log.extend(server.stderr), daemon=True).start()

    def builds() -> int:
        return sum("Documentation built" in line for line in list(log))

    builds.log = log  # type: ignore[attr-defined]

    try:
        # "Serving on" comes after the watcher has looked at every file: a change made before it is not seen.
        serving = lambda: any("Serving on" in line for line in list(log))  # noqa: E731
        wait_for(lambda: serving() or server.poll() is not None, 120, "the first build", builds.log)
        if server.poll() is not None:
            pytest.fail("mkdocs serve stopped:\n" + "".join(log))
        yield project, base, builds
    finally:
        server.terminate()
        server.wait(10)


def test_serve_rebuilds_every_language_after_a_page_a_data_file_or_a_mistake_changes(served):
    project, base, builds = served
    activities = len(expected(project).project.activities)
    check_every_language(base, activities)

    about = project / "docs" / "si" / "about.md"
    edit(about, about.read_text(encoding="utf-8") + "\n\nshranjena-sprememba\n")
    wait_for(lambda: builds() >= 2, 300, "the rebuild after a page changed", builds.log)
    assert "shranjena-sprememba" in fetch(f"{base}si/about/")
    assert "shranjena-sprememba" not in fetch(f"{base}tr/about/")
    check_every_language(base, activities)

    data = project / "data" / "activities.yml"
    original = data.read_text(encoding="utf-8")
    first = expected(project).project.activities[0]
    edit(data, original.replace(f'en: "{first.title["en"]}"', 'en: "Renamed while serving"', 1))
    wait_for(lambda: builds() >= 3, 300, "the rebuild after data/ changed", builds.log)
    assert "Renamed while serving" in fetch(f"{base}timeline/")

    edit(data, original.replace("work_package: 1\n", "work_package: 12\n", 1))
    wait_for(lambda: builds() >= 4, 300, "the rebuild after a mistake", builds.log)
    page = fetch(f"{base}timeline/", timeout=20)  # answers: it does not wait for a build that never comes
    problems = BeautifulSoup(page, "html.parser").select_one(".cisotra-build-problems")
    assert problems is not None, page[:500]
    assert (
        "data/activities.yml:" in problems.get_text()
        and "expected a work package's number, from 1 to 10, found 12" in problems.get_text()
    )

    edit(data, original)
    wait_for(lambda: builds() >= 5, 300, "the rebuild after the mistake was fixed", builds.log)
    assert ".cisotra-build-problems" not in fetch(f"{base}timeline/") and "cisotra-build-problems" not in fetch(
        f"{base}timeline/"
    )
    check_every_language(base, activities)


def test_serve_runs_the_code_as_it_is_after_an_edit_under_hooks(served):
    """An edit to a module or a template of the site's own code is in the next rebuild: a maintainer
    sees what they changed without restarting `./run serve`."""
    project, base, builds = served
    done = builds()
    theme = project / "hooks" / "steps" / "theme.py"
    text = theme.read_text(encoding="utf-8")
    assert "    return html\n\n\ndef correct_markup" in text
    edit(
        theme,
        text.replace(
            "    return html\n\n\ndef correct_markup",
            '    return html.replace("</body>", "<!--edited-while-serving-->\\n</body>")\n\n\ndef correct_markup',
        ),
    )
    template = project / "hooks" / "cisotra" / "templates" / "back-link.html"
    edit(template, template.read_text(encoding="utf-8").replace("{{ text }}", "{{ text }} (edited)"))
    wait_for(lambda: builds() > done, 300, "the rebuild after the code changed", builds.log)
    wait_for(
        lambda: (
            "edited-while-serving" in fetch(f"{base}news/", timeout=30)
            and "(edited)" in fetch(f"{base}activities/meeting-1-naples/", timeout=30)
        ),
        300,
        "the edited code in the served pages",
    )
