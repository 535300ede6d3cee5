"""Building the site from a copy of the project, as an editor or CI would: `mkdocs build --strict` in a subprocess.

A test may break its copy's data without touching the repository.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "hooks", "overrides", "data", "docs")
# The site is tested under a sub-path, as on GitHub project pages: a link that only
# works at a domain root fails here.
SUB_PATH_URL = "https://example.org/cisotra/"
REPO_URL = "https://github.com/example/cisotra-site"


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
    env = {**os.environ, "SITE_URL": site_url, "REPO_URL": REPO_URL, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
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
