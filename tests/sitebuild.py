"""Building the site from a copy of the project, as an editor or CI would: `mkdocs build --strict` in a subprocess.

A test may break its copy's data without touching the repository. The build's clock is
set (SOURCE_DATE_EPOCH): the fixture project's to a fixed day, so what is past, upcoming or held
back there does not change with the day the tests run; the real project's to today at noon at the
earliest, the day a partner builds on (see TEST_MOMENT); tests that need another moment pass their own.

"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT
PROJECT_PARTS = ("mkdocs.yml", "hooks", "overrides", "data", "docs", "templates", "assets")
# The site is tested under a sub-path, as on GitHub project pages: a link that only
# works at a domain root fails here.
SUB_PATH_URL = "https://example.org/cisotra/"
REPO_URL = "https://github.com/example/cisotra-site"
# The fixture project's moment (tests/fixtures/site/): its content is made for this day (its conference of
# October 2027 is still to come), so its builds happen on it whatever the day the tests run.
FIXTURE_MOMENT = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
# The moment every build of the real project happens, unless a test says otherwise: the fixture's moment, or
# today at noon (UTC) when that is later. A partner's real build happens now, so a report of an activity held
# last week is right; a test build on a fixed day in the past would call it "held, but after today" and fail
# a partner's ordinary change. Computed once, by the first process of a run (pytest-xdist's workers inherit
# its environment), so every build and expectation of one run share the same day even across midnight.
_TODAY = os.environ.setdefault("CISOTRA_TEST_DAY", datetime.now(tz=UTC).date().isoformat())
TEST_MOMENT = max(FIXTURE_MOMENT, datetime.fromisoformat(_TODAY).replace(hour=12, tzinfo=UTC))
# make_fixture leaves this file in a fixture project, so that build() gives it FIXTURE_MOMENT.
FIXTURE_MARK = ".cisotra-fixture"


def default_moment(project: Path) -> datetime:
    return FIXTURE_MOMENT if (project / FIXTURE_MARK).is_file() else TEST_MOMENT


@dataclass
class Build:
    project: Path
    site: Path
    returncode: int
    log: str
    site_url: str


def epoch(moment: datetime) -> str:
    return str(int(moment.timestamp()))


def copy_project(target: Path, with_docs: bool = True, source: Path = SOURCE) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        if part == "docs" and not with_docs:
            continue
        origin = source / part
        if origin.is_dir():
            shutil.copytree(origin, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(origin, target / part)
    return target


def build(
    project: Path,
    site_url: str = SUB_PATH_URL,
    extra_env: dict[str, str] | None = None,
    into: str = "site",
    engine: str = "mkdocs",
) -> Build:
    site = project / into
    env = {
        **os.environ,
        "SITE_URL": site_url,
        "REPO_URL": REPO_URL,
        "NO_MKDOCS_2_WARNING": "1",
        "SOURCE_DATE_EPOCH": epoch(default_moment(project)),
        # Every build of the suite draws a share card or makes a photo's web version once, for all.
        "CISOTRA_CACHE": str(ROOT / ".cache"),
    }
    env.pop("CISOTRA_LANGUAGE", None)
    env.update(extra_env or {})
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            engine,
            "build",
            "--strict",
            "--clean",
            "-f",
            str(project / "mkdocs.yml"),
            "-d",
            str(site),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=project,
        check=False,
    )
    return Build(project, site, result.returncode, result.stdout + result.stderr, site_url)
