"""Shared fixtures: the site built once per test session, under a sub-path and at a domain root, and what it should hold."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sitedata import Expected, expected  # noqa: E402

from sitebuild import SOURCE, Build, build, copy_project  # noqa: E402


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The project's site, built once under a sub-path site_url."""
    result = build(copy_project(tmp_path_factory.mktemp("project")))
    assert result.returncode == 0, result.log
    return result


@pytest.fixture(scope="session")
def root_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The site built for a domain root, to show that site_url is the only thing that changes."""
    result = build(copy_project(tmp_path_factory.mktemp("project-root")), site_url="https://cisotra.example/")
    assert result.returncode == 0, result.log
    return result


@pytest.fixture(scope="session")
def data() -> Expected:
    """What the site should hold, computed from the project's data and pages."""
    return expected(SOURCE)
