"""Benchmark: the whole site with a large news archive, at two sizes.

    .venv/bin/python bench/news.py [POSTS_PER_LANGUAGE ...]     (default: 1000 2000)

For each size, writes that many synthetic posts into every language's news folder of
a scratch copy of the project, builds it, and prints the full build time, the time
spent in the news hook (measured inside the build) and both per post, so linear
growth shows as flat per-post columns.
"""

from __future__ import annotations

import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _project import build, copy_project
from _synthetic import CODES, post


def add_posts(project: Path, per_language: int) -> None:
    for code in CODES:
        rng = random.Random(code)
        folder = project / "docs" / code / "news"
        for index in range(per_language):
            (folder / f"bench-{index:05d}.md").write_text(post(code, index, rng), encoding="utf-8")


def main(sizes: list[int]) -> None:
    print(
        f"{'posts/lang':>10} {'posts':>7} {'pages':>7} {'build s':>8} {'news hook s':>12} {'share':>6} {'build ms/post':>14} {'hook ms/post':>13}"
    )
    for size in sizes:
        with tempfile.TemporaryDirectory() as folder:
            project = copy_project(Path(folder))
            add_posts(project, size)
            result = build(project)
        posts = size * len(CODES)
        hook = result.hook_seconds("news.")
        print(
            f"{size:>10} {posts:>7} {result.pages:>7} {result.seconds:>8.1f} {hook:>12.2f} {hook / result.seconds:>6.1%}"
            f" {1000 * result.seconds / posts:>14.2f} {1000 * hook / posts:>13.3f}"
        )


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [1000, 2000])
