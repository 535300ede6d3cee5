"""Copying the project into a scratch folder, adding synthetic content, and timing a real build of it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from sitebuild import copy_project  # the same copy the tests build from

__all__ = ["BuildResult", "build", "copy_project"]


@dataclass
class BuildResult:
    seconds: float
    hooks: dict[str, float]  # seconds per step of the pipeline ('steps.news.write_feeds'), measured inside the build
    passes: dict[str, float]  # seconds per language pass
    pages: int
    peak_mib: float
    log: str

    def hook_seconds(self, prefix: str = "") -> float:
        """The seconds of the steps whose module starts with `prefix` ('news', 'sharing'); all with ''."""
        return sum(value for key, value in self.hooks.items() if key.removeprefix("steps.").startswith(prefix))


def build(
    project: Path, config: str = "mkdocs.yml", env: dict[str, str] | None = None, strict: bool = True
) -> BuildResult:
    timings = project / "timings.json"
    timings.unlink(missing_ok=True)
    site = project / "site"
    shutil.rmtree(site, ignore_errors=True)
    environment = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "CISOTRA_TIMINGS": str(timings),
        "SOURCE_DATE_EPOCH": "1795000000",
        **(env or {}),
    }
    peak_file = project / "peak.txt"
    start = time.perf_counter()
    result = subprocess.run(
        [
            sys.executable,
            str(Path(__file__).parent / "_measured_build.py"),
            str(peak_file),
            "build",
            "-q",
            "-f",
            str(project / config),
            "-d",
            str(site),
        ],
        capture_output=True,
        text=True,
        env=environment,
        cwd=project,
        check=False,
    )
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"build failed:\n{result.stdout}{result.stderr}")
    peak = float(peak_file.read_text())
    report = json.loads(timings.read_text(encoding="utf-8")) if timings.exists() else {}
    pages = sum(1 for _ in site.rglob("*.html"))
    return BuildResult(
        seconds, report.get("steps", {}), report.get("passes", {}), pages, peak, result.stdout + result.stderr
    )
