"""Which translations exist, which are missing, which are outdated, and what is held back.

A page and its translations share their path inside the language folders; posts may be
connected by a `translation_key` instead. Every language is looked at in every
direction: a post written in Greek only is missing in English too.

A translation is outdated when the default language's version was committed after it:
editors update a translation by committing it, so git already records when each was last
brought in line. Files changed but not yet committed count as changed now. One
`git log` reads the history of all of them.
"""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from .errors import Problem
from .languages import SiteLanguage
from .news import Post
from .newsletters import Issue
from .render import MarkdownBlock, html, markdown

OK, MISSING, OUTDATED = "ok", "missing", "outdated"


@dataclass(frozen=True)
class Row:
    path: str  # inside a language folder, e.g. 'news/2018-05-15-first-project-meeting-naples.md'
    status: dict[str, str]  # language code → ok, missing or outdated (every language)


@dataclass(frozen=True)
class HeldBack:
    """A post or issue that exists but is not published yet."""

    docs_path: str  # 'el/news/2026-12-01-x.md'
    why: str  # 'draft' or 'dated in the future'
    appears: date | None  # the day it will be published, if it is not a draft


@dataclass(frozen=True)
class Report:
    codes: tuple[str, ...]  # the default language first
    rows: list[Row]
    held_back: list[HeldBack]
    warnings: tuple[Problem, ...] = ()  # files that work but should be fixed (a PDF without a title, …)

    def counts(self) -> dict[str, dict[str, int]]:
        """code → {ok, missing, outdated} counts."""
        counts = {code: {OK: 0, MISSING: 0, OUTDATED: 0} for code in self.codes}
        for row in self.rows:
            for code, status in row.status.items():
                counts[code][status] += 1
        return counts

    def incomplete(self, code: str | None = None) -> list[Row]:
        """Rows with something missing or outdated (in `code`, when given)."""
        return [
            row
            for row in self.rows
            if any(status != OK for language, status in row.status.items() if code in (None, language))
        ]


def last_changes(repository: Path, folder: str = "docs") -> dict[str, float]:
    """Time of the last commit touching each file under `folder` ('docs/si/about.md' → seconds);
    uncommitted changes count as newer than any commit. Empty when git or its history is missing."""
    try:
        log = subprocess.run(
            ["git", "log", "--format=@%ct", "--name-only", "--", folder],
            cwd=repository,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        pending = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=all", "--", folder],
            cwd=repository,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    times: dict[str, float] = {}
    current = 0.0
    for line in log.splitlines():
        if line.startswith("@"):
            current = float(line[1:])
        elif line.strip():
            times.setdefault(line.strip(), current)  # newest commit first
    for line in pending.splitlines():
        times[line[3:].strip().split(" -> ")[-1]] = float("inf")
    return times


def scan(
    docs: Path,
    codes: Sequence[str],
    changes: dict[str, float],
    keys: dict[str, str] | None = None,
    docs_name: str = "docs",
) -> list[Row]:
    """One row per page or post, whatever language it exists in, in path order.

    `codes` lists the default language first; `keys` maps docs paths of posts
    ('si/news/x.md') to the key that connects their translations, when it is not the file name.
    """
    default = codes[0]
    groups: dict[str, dict[str, str]] = {}  # group → {code → path inside the language folder}
    for code in codes:
        for source in sorted((docs / code).rglob("*.md")) if (docs / code).is_dir() else []:
            path = source.relative_to(docs / code).as_posix()
            group = (keys or {}).get(f"{code}/{path}", path)
            groups.setdefault(group, {})[code] = path
    rows = []
    for versions in groups.values():
        shown = versions.get(default) or next(iter(versions.values()))
        source_time = changes.get(f"{docs_name}/{default}/{versions[default]}") if default in versions else None
        status = {}
        for code in codes:
            if code not in versions:
                status[code] = MISSING
                continue
            own_time = changes.get(f"{docs_name}/{code}/{versions[code]}")
            newer = code != default and source_time is not None and own_time is not None and source_time > own_time
            status[code] = OUTDATED if newer else OK
        rows.append(Row(shown, status))
    return sorted(rows, key=lambda row: row.path)


def held_back(posts: list[Post], issues: list[Issue], now: datetime) -> list[HeldBack]:
    """Drafts and posts or issues dated in the future, with the day each will appear."""
    items = [
        HeldBack(
            post.docs_path,
            "draft" if post.draft else "dated in the future",
            None if post.draft else post.published.date(),
        )
        for post in posts
        if not post.visible(now)
    ]
    items += [
        HeldBack(
            issue.docs_path, "draft" if issue.draft else "dated in the future", None if issue.draft else issue.date
        )
        for issue in issues
        if not issue.visible(now.date())
    ]
    return sorted(items, key=lambda item: item.docs_path)


def build_report(
    posts: list[Post], issues: list[Issue], codes: Sequence[str], docs: Path, changes, now, warnings=()
) -> Report:
    """The whole report: every page and post in every language (posts grouped by their key), what
    is held back at the build's moment, and the files editors should fix."""
    keys = {post.docs_path: f"news:{post.key}" for post in posts}
    return Report(tuple(codes), scan(docs, codes, changes, keys), held_back(posts, issues, now), tuple(warnings))


# ---------------------------------------------------------------------------
# The report as editors read it


def status_page(report: Report, languages: list[SiteLanguage]) -> MarkdownBlock:
    """Markdown for /translation-status/: counts per language, the rows, what is held back, the files to fix."""
    counts = report.counts()
    marks = {OK: "✓", MISSING: "missing", OUTDATED: "outdated"}
    tables = html(
        "translation-status.html",
        totals=[
            (lang.name, counts[lang.code][OK], counts[lang.code][OUTDATED], counts[lang.code][MISSING])
            for lang in languages
        ],
        codes=report.codes,
        rows=[(row.path, [marks[row.status[code]] for code in report.codes]) for row in report.rows],
    )
    return markdown(
        "translation-status.md",
        tables=tables,
        held_back=html("translation-status-held.html", held_back=report.held_back),
        files=html("translation-status-files.html", warnings=report.warnings),
    )


def markdown_table(rows: list[Row], codes: Sequence[str]) -> str:
    """A Markdown table: one column per language, ✓ for there and up to date."""
    marks = {OK: "✓", MISSING: "missing", OUTDATED: "outdated"}
    lines = ["| page | " + " | ".join(codes) + " |", "|" + "---|" * (len(codes) + 1)]
    lines += ["| " + " | ".join([f"`{row.path}`", *(marks[row.status[code]] for code in codes)]) + " |" for row in rows]
    return "\n".join(lines)


def held_back_list(items: list[HeldBack], code: str | None = None, quote: str = "`") -> str:
    """One line per item; `quote` marks the file name (Markdown's backticks, or nothing for a terminal)."""
    return "\n".join(
        f"- {quote}docs/{item.docs_path}{quote}: {item.why}"
        + (f", appears on {item.appears.isoformat()}" if item.appears else "")
        for item in items
        if code is None or item.docs_path.startswith(f"{code}/")
    )


def terminal_report(report: Report, names: dict[str, str], code: str | None = None) -> str:
    """The report for a terminal: each language's counts, then what is missing or outdated, then what is held back."""
    counts = report.counts()
    shown = [code] if code else list(report.codes)
    lines = [
        f"{names[c]} ({c}): {counts[c][OK]} there, {counts[c][OUTDATED]} outdated, {counts[c][MISSING]} missing"
        for c in shown
    ]
    for row in report.incomplete(code):
        gaps = {c: status for c, status in row.status.items() if status != OK and c in shown}
        lines.append(f"  {row.path}: " + ", ".join(f"{c} {status}" for c, status in gaps.items()))
    waiting = held_back_list(report.held_back, code, quote="")
    if waiting:
        lines += ["Not published yet:", *("  " + line for line in waiting.split("\n"))]
    return "\n".join(lines)
