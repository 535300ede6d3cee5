"""Benchmark: memory of a `serve` session over many rebuilds of the real site.

    .venv/bin/python -u bench/serve_memory.py [REBUILDS]     (default: 20)

`mkdocs serve` loads the configuration again and rebuilds in the same process after each
saved change. This builds a scratch copy of the project that way, in one process, and
prints the process's resident memory after the first build and after each rebuild: a
session that kept old builds alive would grow with every one.
"""

from __future__ import annotations

import gc
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _project import copy_project
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config


def resident_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main(rebuilds: int) -> None:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    with tempfile.TemporaryDirectory() as folder:
        project = copy_project(Path(folder) / "project")
        os.chdir(project)
        sizes = []
        for number in range(rebuilds + 1):
            config = load_config(str(project / "mkdocs.yml"), site_dir=str(Path(folder) / "site"))
            mkdocs_build(config)
            gc.collect()
            sizes.append(resident_mib())
            print(f"build {number:>2}: {sizes[-1]:.0f} MiB", flush=True)
    print(
        f"first build {sizes[0]:.0f} MiB, after {rebuilds} rebuilds {sizes[-1]:.0f} MiB ({sizes[-1] / sizes[0] - 1:+.1%})"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
