"""Shared fixtures: the real site built once per test session, as a partner leaves it after an ordinary change,
under a sub-path; the fixture project built at a domain root; and what the real site should hold."""

from __future__ import annotations

import socket
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from fixture import make_fixture  # noqa: E402
from partner import partner_changes  # noqa: E402
from serve_site import SUB_PATH  # noqa: E402
from sitedata import Expected, expected  # noqa: E402

from sitebuild import Build, build, copy_project  # noqa: E402


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The project's site with a partner's ordinary changes (tests/partner.py), built once under a
    sub-path site_url. Every check of the real site is read from it, shared and read-only."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    partner_changes(project)
    result = build(project)
    assert result.returncode == 0, result.log
    return result


@pytest.fixture(scope="session")
def fixture_sub_path(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The fixture project (tests/fixtures/site/) built under a sub-path site_url."""
    result = build(make_fixture(tmp_path_factory.mktemp("fixture-sub-path") / "site"))
    assert result.returncode == 0, result.log
    return result


@pytest.fixture(scope="session")
def root_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The fixture project built for a domain root, to show that site_url is the only thing that changes."""
    result = build(make_fixture(tmp_path_factory.mktemp("fixture-root") / "site"), site_url="https://cisotra.example/")
    assert result.returncode == 0, result.log
    return result


SMALL_SHARDS = 300  # bytes: the real site's search keys split at up to a dozen letters (the index's own: 25,000)


@pytest.fixture(scope="session")
def small_shards_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, int]:
    """The project's site with search shards of SMALL_SHARDS bytes and a German synonym that no
    page has ('Schulung'), built for http://127.0.0.1:PORT/cisotra/ so that the browser suite
    serves it there: (build, PORT)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    project = copy_project(tmp_path_factory.mktemp("small-shards"))
    synonyms = project / "data" / "synonyms.yml"
    text = synonyms.read_text(encoding="utf-8")
    assert "words: [Fortbildung, Kurs]" in text
    synonyms.write_text(
        text.replace("words: [Fortbildung, Kurs]", "words: [Fortbildung, Kurs, Schulung]"), encoding="utf-8"
    )
    result = build(
        project,
        site_url=f"http://127.0.0.1:{port}{SUB_PATH}",
        extra_env={"CISOTRA_SEARCH_SHARD_BYTES": str(SMALL_SHARDS)},
    )
    assert result.returncode == 0, result.log
    return result, port


@pytest.fixture(scope="session")
def data(site: Build) -> Expected:
    """What the site should hold, computed from the data and pages it was built from."""
    return expected(site.project)


# `./run test fast` leaves out what builds a site or drives a browser: a loop of seconds for the core.
BUILDING_MODULES = {
    "test_addresses",
    "test_build_state",
    "test_engine",
    "test_html_validity",
    "test_leaflets",
    "test_new_language",
    "test_partner_changes",
    "test_serve",
}
BUILDING_FIXTURES = {
    "site",
    "data",
    "root_site",
    "fixture_sub_path",
    "small_shards_site",
    "served_site",
    "served_small_shards",
    "serve",
    "browser",
    "visit",
}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        module = item.path.stem
        if (
            module.startswith("test_site_")
            or "browser" in item.path.parts
            or module in BUILDING_MODULES
            or BUILDING_FIXTURES & set(getattr(item, "fixturenames", ()))
        ):
            item.add_marker(pytest.mark.builds)
