"""Benchmark: what the share cards cost a build, with an empty cache and with the cache of the build before.

    .venv/bin/python -u bench/cards.py [--scales 1 3]

A card is drawn per page (Pillow, hooks/cisotra/cards.py) and kept in .cache/cards/ under a
name made from its content, so a build draws only the cards whose title, language or
design changed. For each scale (bench/site.py's content) it builds a scratch copy twice:
first with no cache (a fresh clone, as CI starts), then again (a partner's second preview).
Prints the sharing hook's seconds, the whole build's, and the cards in the site.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _project import build, copy_project

# bench/site.py's content; loaded by path, as `site` is also the name of a standard module.
_spec = importlib.util.spec_from_file_location("bench_site", Path(__file__).resolve().parent / "site.py")
_bench_site = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_bench_site)
add_content = _bench_site.add_content


def main(scales: list[int]) -> None:
    print(
        f"{'scale':>5} {'pages':>6} {'cards':>6} {'cold hook s':>12} {'warm hook s':>12} {'cold build s':>13} {'warm build s':>13}"
    )
    for scale in scales:
        with tempfile.TemporaryDirectory() as folder:
            project = copy_project(Path(folder) / "project")
            add_content(project, scale)
            cold = build(project)
            warm = build(project)
            cards = sum(1 for _ in (project / "site" / "assets" / "cards").glob("*.png"))
            print(
                f"{scale:>5} {cold.pages:>6} {cards:>6} {cold.hook_seconds('sharing.'):>12.2f} "
                f"{warm.hook_seconds('sharing.'):>12.2f} {cold.seconds:>13.1f} {warm.seconds:>13.1f}",
                flush=True,
            )


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--scales", nargs="+", type=int, default=[1, 3])
    main(parser.parse_args().scales)
