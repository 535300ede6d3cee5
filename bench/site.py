"""Benchmark: the whole site at several sizes, against stock Material and Material's blog plugin.

    .venv/bin/pip install -r bench/requirements.txt      # once: adds mkdocs-rss-plugin for the reference
    .venv/bin/python bench/site.py [--scales 1 3 10] [--runs 3]

Scale 1 is, per language (all six): 30 pages, 300 news posts, 20 newsletter issues, and 300
activities in the shared data, all with real diacritics and Greek script. For each scale
it builds, in scratch copies of the project, every variant `--runs` times and prints medians:

  cisotra   the project as it is
  no-news   the same without the news steps (posts become plain pages): the news section's cost
  stock     the same content with stock Material + mkdocs-static-i18n, none of the project's
            hooks or template overrides: the per-page reference
  no-prune  (only with --variants) the project without Material's navigation.prune
  blog      all posts as one Material blog with mkdocs-rss-plugin; and blog-off, the same posts
            as plain pages: their difference is what the blog and its feeds cost

Hook time is measured inside the build (CISOTRA_TIMINGS); peak memory is the build process's.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _project import BuildResult, build, copy_project
from _synthetic import CODES, activities_yaml, post, sentence

BASE = {"pages": 30, "posts": 300, "activities": 300, "issues": 20}


def add_content(project: Path, scale: int) -> None:
    for code in CODES:
        rng = random.Random(code)
        pages = project / "docs" / code / "bench"
        pages.mkdir(parents=True, exist_ok=True)
        for index in range(BASE["pages"] * scale):
            body = "\n\n".join(f"## {sentence(code, rng, 4)[:-1]}\n\n{sentence(code, rng, 60)}" for _ in range(4))
            (pages / f"page-{index:04d}.md").write_text(
                f'---\ntitle: "{sentence(code, rng, 4)[:-1]}"\n---\n\n# Page {index}\n\n{body}\n', encoding="utf-8"
            )
        news = project / "docs" / code / "news"
        for index in range(BASE["posts"] * scale):
            (news / f"bench-{index:05d}.md").write_text(post(code, index, rng), encoding="utf-8")
        letters = project / "docs" / code / "newsletters"
        for index in range(BASE["issues"] * scale):
            number = 100 + index
            (letters / f"bench-{number}.md").write_text(
                f'---\nnumber: {number}\ndate: 2021-{1 + index % 12:02d}-01\ntitle: "Issue {number}"\n'
                f'summary: "{sentence(code, rng, 12)}"\n---\n\n# Issue {number}\n\n{sentence(code, random.Random(number), 120)}\n',
                encoding="utf-8",
            )
    data = project / "data" / "activities.yml"
    data.write_text(
        data.read_text(encoding="utf-8") + "\n" + activities_yaml(BASE["activities"] * scale), encoding="utf-8"
    )


def variant_config(project: Path, name: str) -> str:
    """Write mkdocs-<name>.yml next to mkdocs.yml and return its name."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"\n  - news/index.md|\n  - newsletters/index.md", "", text) if name == "stock" else text
    if name == "no-prune":
        text = text.replace("    - navigation.prune\n", "")
    if name == "no-news":
        # The same code with the news steps taken out of the pipeline, in a folder of its own.
        hooks = project / "hooks-no-news"
        if not hooks.exists():
            shutil.copytree(project / "hooks", hooks)
            pipeline = hooks / "pipeline.py"
            lines = pipeline.read_text(encoding="utf-8").split("\n")
            pipeline.write_text(
                "\n".join(line for line in lines if not line.strip().startswith("news.")), encoding="utf-8"
            )
        text = text.replace("  - hooks/mkdocs_events.py\n", "  - hooks-no-news/mkdocs_events.py\n")
        text = text.replace("\n  - news/index.md", "")
    if name == "stock":
        text = re.sub(r"\nhooks:\n(  - .*\n)+", "\n", text)
        text = text.replace("  custom_dir: overrides\n", "")
        text = text.replace("reconfigure_material: false", "reconfigure_material: true").replace(
            "reconfigure_search: false", "reconfigure_search: true"
        )
        # Stock Material searches with its own plugin; the project writes its own index (hooks/steps/search.py).
        text = text.replace("plugins:\n  - i18n:", "plugins:\n  - search\n  - i18n:", 1)
    (project / f"mkdocs-{name}.yml").write_text(text, encoding="utf-8")
    return f"mkdocs-{name}.yml"


def blog_project(folder: Path, scale: int, blog: bool) -> Path:
    """All posts of every language in one single-language site, as a Material blog or as plain pages."""
    posts = folder / "docs" / ("blog/posts" if blog else "posts")
    posts.mkdir(parents=True)
    (folder / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    if blog:
        (folder / "docs" / "blog" / "index.md").write_text("# Blog\n", encoding="utf-8")
    for code in CODES:
        rng = random.Random(code)
        for index in range(BASE["posts"] * scale):
            text = post(code, index, rng).replace("tags: [", "categories: [")
            (posts / f"{code}-{index:05d}.md").write_text(text, encoding="utf-8")
    plugins = (
        "plugins:\n  - search\n  - blog\n  - rss:\n      match_path: blog/posts/.*\n      use_git: false\n"
        "      date_from_meta:\n        as_creation: date\n"
        if blog
        else "plugins:\n  - search\n"
    )
    (folder / "mkdocs.yml").write_text(
        f"site_name: Bench\nsite_url: https://example.org/\ntheme:\n  name: material\n  font: false\n{plugins}"
        "not_in_nav: |\n  posts/\n  blog/\n",
        encoding="utf-8",
    )
    return folder


def feed_entries(site: Path) -> int:
    return sum(path.read_text(encoding="utf-8").count("<item>") for path in site.rglob("rss.xml")) + sum(
        path.read_text(encoding="utf-8").count("<entry>") for path in site.rglob("atom.xml")
    )


def median_of(results: list[BuildResult], value) -> float:
    return statistics.median(value(result) for result in results)


def run(scale: int, runs: int, variants: list[str], reference: bool) -> None:
    """Build every variant `runs` times, taking turns, so a slow spell of a shared machine
    falls on all variants alike instead of on whichever was building at the time."""
    with tempfile.TemporaryDirectory() as folder:
        project = copy_project(Path(folder) / "project")
        add_content(project, scale)
        # name → (project folder, config file, builds its own site into project/site_<name>)
        plan = {
            name: (project, "mkdocs.yml" if name == "cisotra" else variant_config(project, name)) for name in variants
        }
        for name, as_blog in (("blog", True), ("blog-off", False)) if reference else ():
            plan[name] = (blog_project(Path(folder) / name, scale, as_blog), "mkdocs.yml")
        results: dict[str, list[BuildResult]] = {name: [] for name in plan}
        entries: dict[str, int] = {}
        for _ in range(runs):
            for name, (where, config) in plan.items():
                results[name].append(build(where, config=config, strict=False))
                if name not in entries:
                    site = where / "site"
                    entries[name] = feed_entries(site) + (_count_rss(site) if name == "blog" else 0)
        rows = [(name, results[name], entries[name]) for name in plan]
    print(f"\nscale {scale}x  ({runs} runs, medians)")
    print(
        f"{'variant':<9} {'pages':>6} {'build s':>8} {'ms/page':>8} {'hooks s':>8} {'hooks %':>8} {'peak MiB':>9} {'feed items':>11}  per-language pass s"
    )
    for name, results, entries in rows:
        seconds = median_of(results, lambda r: r.seconds)
        hooks = median_of(results, lambda r: r.hook_seconds())
        share = median_of(results, lambda r: r.hook_seconds() / r.seconds)
        pages = results[0].pages
        passes = (
            " ".join(f"{code}:{statistics.median(r.passes.get(code, 0) for r in results):.1f}" for code in CODES)
            if results[0].passes
            else ""
        )
        print(
            f"{name:<9} {pages:>6} {seconds:>8.1f} {1000 * seconds / pages:>8.2f} {hooks:>8.2f} {share:>8.1%}"
            f" {max(r.peak_mib for r in results):>9.0f} {entries:>11}  {passes}"
        )
    for name, results, _ in rows:
        if results[0].hooks:
            hooks = {Path(key.split(".py.")[0]).name for result in results for key in result.hooks}
            spent = {hook: median_of(results, lambda r, hook=hook: r.hook_seconds(hook)) for hook in hooks}
            top = sorted(spent.items(), key=lambda item: -item[1])[:8]
            print(
                f"  {name} steps, median s: " + ", ".join(f"{step.removeprefix('steps.')} {s:.2f}" for step, s in top)
            )
    by_name = {name: median_of(results, lambda r: r.seconds) for name, results, _ in rows}
    posts = BASE["posts"] * scale * len(CODES)
    if not {"cisotra", "no-news", "blog", "blog-off"} <= set(by_name):
        return
    ours = by_name["cisotra"] - by_name["no-news"]
    theirs = by_name["blog"] - by_name["blog-off"]
    print(
        f"news section and feeds: ours {ours:.1f} s, Material blog + rss plugin {theirs:.1f} s for {posts} posts (ratio {ours / theirs if theirs else float('nan'):.2f})"
    )


def _count_rss(site: Path) -> int:
    return sum(path.read_text(encoding="utf-8").count("<item>") for path in site.glob("feed_rss_*.xml"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scales", nargs="+", type=int, default=[1, 3, 10])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--variants",
        nargs="+",
        default=["cisotra", "no-news", "stock"],
        help="also: no-prune (without navigation.prune)",
    )
    parser.add_argument(
        "--no-reference",
        action="store_true",
        help="skip Material's blog plugin (it does not change with the project, and takes 13 minutes at 10x)",
    )
    options = parser.parse_args()
    if shutil.which("git") is None:
        print("note: git is missing; calendars fall back to file times")
    for scale in options.scales:
        run(scale, options.runs, options.variants, not options.no_reference)


if __name__ == "__main__":
    main()
