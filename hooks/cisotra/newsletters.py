"""Newsletter issues: Markdown files in `docs/<language>/newsletters/`, one per issue and language.

The language versions of an issue share a file name and must agree on its number
and date. A language without its own version of an issue shows the default
language's, with a notice that it is not yet translated. Like posts, an issue marked
`draft: true` or dated in the future is held back: no page, no e-mail, no feed entry.
"""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .casing import miscased
from .dates import parse_point
from .errors import DataError, Problem
from .frontmatter import read_markdown
from .news import activity_ids, written_day
from .placeholders import Placeholders, placeholders_left
from .yamlfile import Located

FOLDER = "newsletters"
FIELDS = ("number", "date", "title", "summary", "attachments", "draft", "from_plan", "written", "activity")
FIELDS_WRITTEN = ("title", "summary")
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
    docs_path: str  # 'si/newsletters/issue-1.md'
    stem: str
    number: int
    date: date
    title: str
    summary: str
    attachments: tuple[Attachment, ...] = ()
    draft: bool = False
    from_plan: bool = False  # put together from the activities document, not a copy of a sent e-mail
    activities: tuple[str, ...] = ()  # ids of the activities the issue is about
    # An issue put together later from the plan (from_plan) is dated in the period it covers;
    # `written` is the day it was written and published on the site. It was never sent.
    written: date | None = None

    def visible(self, today: date) -> bool:
        return not self.draft and self.date <= today

    @property
    def publication(self) -> date:
        """When the issue was published: the day it was written, for an issue reconstructed from the plan."""
        return self.written or self.date


def load_issues(
    docs: Path,
    codes: tuple[str, ...],
    placeholders: Placeholders,
    shown_root: Path,
    known_activities: set[str] | None = None,
) -> list[Issue]:
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
                issue, line = _issue(path, shown, code, docs, placeholders, known_activities)
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
    problems.extend(_disagreements(issues, codes, shown_root, docs))
    if problems:
        raise DataError(problems)
    return sorted(issues, key=lambda issue: (issue.number, issue.code), reverse=True)


def visible_issues(issues: list[Issue], today: date) -> list[Issue]:
    return [issue for issue in issues if issue.visible(today)]


def archive(issues: list[Issue], code: str, default_code: str) -> list[Issue]:
    """What a language's archive lists, newest first: its own version of each issue, else the default language's."""
    chosen = {issue.stem: issue for issue in issues if issue.code == default_code}
    chosen.update({issue.stem: issue for issue in issues if issue.code == code})
    return sorted(chosen.values(), key=lambda issue: issue.number, reverse=True)


def versions(issues: list[Issue], stem: str, codes: list[str]) -> list[Issue]:
    """An issue's versions in the languages `codes`, in their order."""
    return sorted(
        (issue for issue in issues if issue.stem == stem and issue.code in codes),
        key=lambda issue: codes.index(issue.code),
    )


# ---------------------------------------------------------------------------


def _issue(
    path: Path, shown: Path, code: str, docs: Path, placeholders: Placeholders, known_activities: set[str] | None
) -> tuple[Issue, int]:
    source = read_markdown(path, shown)
    meta = source.meta
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
        wrong_case = miscased(docs, path.parent.relative_to(docs).as_posix(), entry["file"])
        if wrong_case:
            problem("attachments", wrong_case, entry.line_of("file"))
            continue
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
    flags = {}
    for flag in ("draft", "from_plan"):
        flags[flag] = meta.get(flag, False)
        if not isinstance(flags[flag], bool):
            problem(flag, f"expected true or false, found {flags[flag]!r}")
    written = written_day(meta, flags["from_plan"] is True, problem)
    activities = activity_ids(meta.get("activity"), known_activities, lambda message: problem("activity", message))
    if flags["draft"] is not True:
        problems.extend(placeholders_left(source, shown, placeholders, FIELDS_WRITTEN))
    if problems:
        raise DataError(problems)
    issue = Issue(
        code=code,
        docs_path=path.relative_to(docs).as_posix(),
        stem=path.stem,
        number=number,
        date=published,
        title=meta["title"].strip(),
        summary=meta["summary"].strip(),
        attachments=tuple(attachments),
        draft=flags["draft"],
        from_plan=flags["from_plan"],
        activities=activities,
        written=written,
    )
    return issue, meta.line_of("number")


def _disagreements(issues: list[Issue], codes: tuple[str, ...], shown_root: Path, docs: Path) -> list[Problem]:
    """Language versions of one issue (same file name) must have the same number and date, and a number
    one file name; the first language's version (the default's, where there is one) sets them."""
    problems = []
    first: dict[str, Issue] = {}
    stem_of_number: dict[int, Issue] = {}
    for issue in sorted(issues, key=lambda i: (i.stem, codes.index(i.code))):
        other = first.setdefault(issue.stem, issue)
        shown = (docs / issue.docs_path).relative_to(shown_root)
        owner = stem_of_number.setdefault(issue.number, issue)
        if owner.stem != issue.stem:
            problems.append(
                Problem(
                    shown,
                    None,
                    "number",
                    f"issue {issue.number} is already docs/{owner.docs_path}: translations of an issue share its file name",
                )
            )
        if (issue.number, issue.date) != (other.number, other.date):
            problems.append(
                Problem(
                    shown,
                    None,
                    "number/date",
                    f"this version says issue {issue.number} of {issue.date.isoformat()}, but docs/{other.docs_path} says issue {other.number} of {other.date.isoformat()}: the languages of an issue must agree",
                )
            )
    return problems
