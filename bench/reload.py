"""Benchmark: how long a saved change takes to show up with `./run serve LANG`.

    .venv/bin/python bench/reload.py [LANG ...]     (default: si en)

Starts `mkdocs serve` for one language alone (mkdocs-static-i18n's build_only_locale, as
`./run serve si` does) on a scratch copy of the project, saves a change to that language's
about page five times, and prints how long each took until the served page had it.
"""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _project import copy_project

from sitecheck import fetch  # _project puts tests/ on the path


def measure(code: str, saves: int = 5) -> tuple[float, list[float]]:
    with tempfile.TemporaryDirectory() as folder, socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
        probe.close()
        project = copy_project(Path(folder))
        env = {
            **os.environ,
            "CISOTRA_LANGUAGE": code,
            "NO_MKDOCS_2_WARNING": "1",
            "SITE_URL": f"http://127.0.0.1:{port}/",
        }
        start = time.perf_counter()
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "serve",
                "--dev-addr",
                f"127.0.0.1:{port}",
                "-f",
                str(project / "mkdocs.yml"),
            ],
            cwd=project,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        url = f"http://127.0.0.1:{port}/about/"
        try:
            while "<html" not in fetch(url):
                time.sleep(0.05)
            first = time.perf_counter() - start
            page = project / "docs" / code / "about.md"
            times = []
            for index in range(saves):
                marker = f"reload-marker-{index}"
                page.write_text(page.read_text(encoding="utf-8") + f"\n\n{marker}\n", encoding="utf-8")
                saved = time.perf_counter()
                while marker not in fetch(url):
                    time.sleep(0.05)
                times.append(time.perf_counter() - saved)
                time.sleep(0.5)
        finally:
            server.terminate()
            server.wait(10)
    return first, times


def main(codes: list[str]) -> None:
    print(f"{'language':<9} {'first build s':>14} {'reload median s':>16} {'reload max s':>13}")
    for code in codes:
        first, times = measure(code)
        print(f"{code:<9} {first:>14.2f} {statistics.median(times):>16.2f} {max(times):>13.2f}")


if __name__ == "__main__":
    main(sys.argv[1:] or ["si", "en"])
