"""Benchmark: loading, validating, rendering, calendaring activities and their own pages at two sizes.

    .venv/bin/python bench/activities.py [SIZE ...]     (default: 5000 10000)

Prints one row per size with the seconds of each phase (best of three) and the
time per activity, so linear growth shows as a flat last column.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _synthetic import CODES, activities_yaml

from cisotra.activities import load_activities
from cisotra.activitypages import render_activity_page
from cisotra.calendars import calendars
from cisotra.context import Context
from cisotra.strings import load_strings
from cisotra.timeline import render_timeline

ROOT = Path(__file__).resolve().parent.parent
TAGS = {"en": "en", "si": "sl", "de": "de", "it": "it", "el": "el", "tr": "tr"}


def best_of(runs: int, action):
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
    return min(times), result


def measure(size: int) -> dict[str, float]:
    strings = load_strings(ROOT / "data" / "strings", list(CODES), TAGS, "en", ROOT)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "activities.yml"
        path.write_text(activities_yaml(size), encoding="utf-8")
        load_time, activities = best_of(
            3, lambda: load_activities(path, ROOT / "data" / "cities.yml", CODES, Path(folder))
        )
    contexts = [
        Context(
            code,
            TAGS[code],
            "en",
            "en",
            strings.table(code),
            date(2026, 11, 27),
            "" if code == "en" else f"{code}/",
            "timeline/",
        )
        for code in CODES
    ]
    render_time, _ = best_of(3, lambda: [render_timeline(activities, ctx) for ctx in contexts])
    stamp = datetime(2026, 1, 1, tzinfo=UTC)
    calendar_time, _ = best_of(
        3,
        lambda: [
            calendars(activities, ctx, stamp, "CiSoTRA", lambda a: f"https://example.org/#{a.id}") for ctx in contexts
        ],
    )
    pages_time, _ = best_of(
        3, lambda: [render_activity_page(activity, ctx, [], []) for ctx in contexts for activity in activities]
    )
    return {"load": load_time, "render": render_time, "calendar": calendar_time, "pages": pages_time}


def main(sizes: list[int]) -> None:
    print(
        f"{'activities':>10} {'load+validate s':>16} {'timeline x6 s':>14} {'calendar x6 s':>14} "
        f"{'pages x6 s':>11} {'total s':>8} {'ms/activity':>12}"
    )
    for size in sizes:
        times = measure(size)
        total = sum(times.values())
        print(
            f"{size:>10} {times['load']:>16.3f} {times['render']:>14.3f} {times['calendar']:>14.3f} "
            f"{times['pages']:>11.3f} {total:>8.3f} {1000 * total / size:>12.3f}"
        )


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [5000, 10000])
