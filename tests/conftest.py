"""Shared fixtures: the site built once per test session, under a sub-path and at a domain root, and what it should hold."""

from __future__ import annotations

import socket
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from serve_site import SUB_PATH  # noqa: E402
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
    assert "Fortbildung: [Kurs]" in text
    synonyms.write_text(text.replace("Fortbildung: [Kurs]", "Fortbildung: [Kurs, Schulung]"), encoding="utf-8")
    result = build(
        project,
        site_url=f"http://127.0.0.1:{port}{SUB_PATH}",
        extra_env={"CISOTRA_SEARCH_SHARD_BYTES": str(SMALL_SHARDS)},
    )
    assert result.returncode == 0, result.log
    return result, port


@pytest.fixture(scope="session")
def data() -> Expected:
    """What the site should hold, computed from the project's data and pages."""
    return expected(SOURCE)
