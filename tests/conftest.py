"""Shared fixtures: the real site built once per test session, and small sites built from copies.

Builds run `mkdocs build --strict` in a subprocess, exactly as an editor or CI would,
against a copy of the project in a temporary folder, so a test may break a copy's data
without touching the repository.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "hooks", "overrides", "data", "docs")
# The site is tested under a sub-path, as on GitHub project pages: a link that only
# works at a domain root fails here.
SUB_PATH_URL = "https://example.org/cisotra/"

sys.path.insert(0, str(ROOT / "tests"))


@dataclass
class Build:
    project: Path
    site: Path
    returncode: int
    log: str
    site_url: str


def copy_project(target: Path, with_docs: bool = True) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        if part == "docs" and not with_docs:
            continue
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    return target


def build(
    project: Path, site_url: str = SUB_PATH_URL, extra_env: dict[str, str] | None = None, into: str = "site"
) -> Build:
    site = project / into
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    env.pop("CISOTRA_LANGUAGE", None)
    env.update(extra_env or {})
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
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


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real site, built once under a sub-path site_url."""
    result = build(copy_project(tmp_path_factory.mktemp("project")))
    assert result.returncode == 0, result.log
    return result


@pytest.fixture(scope="session")
def root_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real site built for a domain root, to show that site_url is the only thing that changes."""
    result = build(copy_project(tmp_path_factory.mktemp("project-root")), site_url="https://cisotra.example/")
    assert result.returncode == 0, result.log
    return result
