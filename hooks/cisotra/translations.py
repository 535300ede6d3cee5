"""Which translations exist, which are missing, and which are outdated.

Every Markdown file under docs/<reference>/ is a source; its translations are the files
with the same path under the other language folders. A translation is outdated when
its source was committed after it: editors update a translation by committing it, so
git already records when each was last brought in line. Files changed but not yet
committed count as changed now. One `git log` reads the history of all of them.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

OK, MISSING, OUTDATED = "ok", "missing", "outdated"


@dataclass(frozen=True)
class Row:
    path: str  # relative to a language folder, e.g. 'news/2018-05-15-first-project-meeting-naples.md'
    status: dict[str, str]  # language code → ok, missing or outdated


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
    docs: Path, codes: tuple[str, ...], reference: str, changes: dict[str, float], docs_name: str = "docs"
) -> list[Row]:
    """One row per source page or post, in path order."""
    rows = []
    for source in sorted((docs / reference).rglob("*.md")):
        relative = source.relative_to(docs / reference).as_posix()
        source_time = changes.get(f"{docs_name}/{reference}/{relative}")
        status = {}
        for code in codes:
            if code == reference:
                continue
            translation = docs / code / relative
            if not translation.exists():
                status[code] = MISSING
                continue
            translation_time = changes.get(f"{docs_name}/{code}/{relative}")
            outdated = source_time is not None and translation_time is not None and source_time > translation_time
            status[code] = OUTDATED if outdated else OK
        rows.append(Row(relative, status))
    return rows


def summary(rows: list[Row], codes: tuple[str, ...]) -> dict[str, dict[str, int]]:
    """code → {ok, missing, outdated} counts."""
    counts = {code: {OK: 0, MISSING: 0, OUTDATED: 0} for code in codes}
    for row in rows:
        for code, status in row.status.items():
            counts[code][status] += 1
    return counts


def markdown_table(
    rows: list[Row], codes: tuple[str, ...], labels: dict[str, str], only_incomplete: bool = False
) -> str:
    """A Markdown table: one column per translated language, ✓ for up to date."""
    others = [code for code in codes if any(code in row.status for row in rows)]
    marks = {OK: "✓", MISSING: labels[MISSING], OUTDATED: labels[OUTDATED]}
    lines = ["| " + " | ".join([labels["page"], *others]) + " |", "|" + "---|" * (len(others) + 1)]
    for row in rows:
        if only_incomplete and all(status == OK for status in row.status.values()):
            continue
        lines.append("| " + " | ".join([f"`{row.path}`", *(marks[row.status[code]] for code in others)]) + " |")
    return "\n".join(lines)
