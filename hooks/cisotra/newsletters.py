"""Newsletter issues: Markdown files in `docs/<language>/newsletters/`, one per issue and language.

The language versions of an issue share a file name and must agree on its number
and date. A language without its own version of an issue shows the default
language's (mkdocs-static-i18n builds that page with the not-yet-translated notice).
"""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .dates import parse_point
from .errors import DataError, Problem
from .frontmatter import read_front_matter
from .yamlfile import Located

FOLDER = "newsletters"
FIELDS = ("number", "date", "title", "summary", "attachments")
KINDS = {
    "application/pdf": "PDF",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "DOCX",
    "application/vnd.oasis.opendocument.text": "ODT",
}


@dataclass(frozen=True)
class Attachment:
    path: str  # relative to docs/
    name: str  # what the link says
    size: int  # bytes
    media_type: str

    @property
    def kind(self) -> str:
        return KINDS.get(self.media_type, Path(self.path).suffix.lstrip(".").upper())


@dataclass(frozen=True)
class Issue:
    code: str
    src_uri: str  # 'si/newsletters/issue-1.md'
    stem: str
    number: int
    date: date
    title: str
    summary: str
    attachments: tuple[Attachment, ...] = ()


def load_issues(docs: Path, codes: tuple[str, ...], shown_root: Path) -> list[Issue]:
    """Every language version of every issue, newest first; raises DataError listing every problem."""
    problems: list[Problem] = []
    issues: list[Issue] = []
    for code in codes:
        folder = docs / code / FOLDER
        numbers: dict[int, Path] = {}
        for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
            if path.name == "index.md":
                continue
            shown = path.relative_to(shown_root)
            try:
                issue, line = _issue(path, shown, code, docs)
            except DataError as error:
                problems.extend(error.problems)
                continue
            if issue.number in numbers:
                problems.append(
                    Problem(
                        shown,
                        line,
                        "number",
                        f"issue {issue.number} is also {numbers[issue.number]}: every issue needs its own number",
                    )
                )
                continue
            numbers[issue.number] = shown
            issues.append(issue)
    problems.extend(_disagreements(issues, shown_root, docs))
    if problems:
        raise DataError(problems)
    return sorted(issues, key=lambda issue: (issue.number, issue.code), reverse=True)


def archive(issues: list[Issue], code: str, reference: str) -> list[Issue]:
    """What a language's archive lists, newest first: its own version of each issue, else the reference language's."""
    chosen = {issue.stem: issue for issue in issues if issue.code == reference}
    chosen.update({issue.stem: issue for issue in issues if issue.code == code})
    return sorted(chosen.values(), key=lambda issue: issue.number, reverse=True)


# ---------------------------------------------------------------------------


def _issue(path: Path, shown: Path, code: str, docs: Path) -> tuple[Issue, int]:
    meta, _body = read_front_matter(path, shown)
    problems: list[Problem] = []

    def problem(key: str, message: str, line: int | None = None) -> None:
        problems.append(Problem(shown, line or meta.line_of(key), key, message))

    for key in meta:
        if key not in FIELDS:
            problem(str(key), f"unknown field (expected one of: {', '.join(FIELDS)})")
    number = meta.get("number")
    if isinstance(number, bool) or not isinstance(number, int) or number < 1:
        problem("number", f"expected the issue's number (1, 2, ...), found {number!r}")
    published = None
    if meta.get("date") in (None, ""):
        problem("date", "missing (expected the publication date, like 2018-05-01)")
    else:
        try:
            published, precision = parse_point(str(meta["date"]))
            if precision != "day":
                problem("date", f"expected a day like 2018-05-01, found {meta['date']!r}")
        except ValueError as error:
            problem("date", str(error))
    for key, what in (
        ("title", "the issue's title"),
        ("summary", "one or two sentences for the archive and the e-mail preheader"),
    ):
        if not isinstance(meta.get(key), str) or not meta[key].strip():
            problem(key, f"missing (expected {what} as text)")
    attachments = []
    listed = meta.get("attachments", []) or []
    if not isinstance(listed, list):
        problem("attachments", "expected a list of files, each with 'file' and 'name'")
        listed = []
    for entry in listed:
        line = entry.line if isinstance(entry, Located) else meta.line_of("attachments")
        if (
            not isinstance(entry, Located)
            or not isinstance(entry.get("file"), str)
            or not isinstance(entry.get("name"), str)
        ):
            problem("attachments", "expected 'file' (a path from this issue's folder) and 'name' (the link text)", line)
            continue
        target = (path.parent / entry["file"]).resolve()
        if not target.is_file() or not target.is_relative_to(docs.resolve()):
            problem(
                "attachments",
                f"no such file: {entry['file']!r} (expected a path from this issue's folder to a file in docs/)",
                entry.line_of("file"),
            )
            continue
        media_type = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        attachments.append(
            Attachment(
                target.relative_to(docs.resolve()).as_posix(), entry["name"].strip(), target.stat().st_size, media_type
            )
        )
    if problems:
        raise DataError(problems)
    issue = Issue(
        code=code,
        src_uri=path.relative_to(docs).as_posix(),
        stem=path.stem,
        number=number,
        date=published,
        title=meta["title"].strip(),
        summary=meta["summary"].strip(),
        attachments=tuple(attachments),
    )
    return issue, meta.line_of("number")


def _disagreements(issues: list[Issue], shown_root: Path, docs: Path) -> list[Problem]:
    """Language versions of one issue (same file name) must have the same number and date, and a number one file name."""
    problems = []
    first: dict[str, Issue] = {}
    stem_of_number: dict[int, Issue] = {}
    for issue in sorted(issues, key=lambda i: (i.stem, i.code)):
        other = first.setdefault(issue.stem, issue)
        shown = (docs / issue.src_uri).relative_to(shown_root)
        owner = stem_of_number.setdefault(issue.number, issue)
        if owner.stem != issue.stem:
            problems.append(
                Problem(
                    shown,
                    None,
                    "number",
                    f"issue {issue.number} is already {owner.src_uri}: translations of an issue share its file name",
                )
            )
        if (issue.number, issue.date) != (other.number, other.date):
            problems.append(
                Problem(
                    shown,
                    None,
                    "number/date",
                    f"this version says issue {issue.number} of {issue.date.isoformat()}, but {other.src_uri} says issue {other.number} of {other.date.isoformat()}: the languages of an issue must agree",
                )
            )
    return problems
