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
from .errors import DataError, Problem
from .fields import Boolean, Day, Field, File, Integer, ListOf, Record, Text, Where
from .frontmatter import read_markdown
from .news import ACTIVITY, FROM_PLAN, WRITTEN, activity_ids, written_day
from .placeholders import Placeholders, placeholders_left

FOLDER = "newsletters"
ATTACHMENT = Record(
    (
        Field(
            "file",
            File(from_page=True, expected="a path from this issue's folder to a file in docs/"),
            required=True,
            help="The file, uploaded next to the issue (files/cisotra-newsletter-4.pdf): its path from the issue's "
            "folder.",
        ),
        Field("name", Text(), required=True, help='What the link says, such as "The issue as a PDF".'),
    ),
    what="an attachment",
)
ISSUE = Record(
    (
        Field(
            "number",
            Integer(minimum=1, expected="the issue's number (1, 2, ...)"),
            required=True,
            shared=True,
            help="The issue's number, the same in every language; the file is named issue-<number>.md.",
        ),
        Field(
            "date",
            Day(example="2018-05-01", what="the publication date"),
            required=True,
            shared=True,
            help="The day it is published, the same in every language. An issue dated in the future waits for "
            "that day.",
        ),
        Field(
            "title",
            Text(expected="the issue's title as text", only_text=True),
            required=True,
            help="The issue's title; the line starting with # in the text says the same. It is the e-mail's subject.",
        ),
        Field(
            "summary",
            Text(
                multiline=True, expected="one or two sentences for the archive and the e-mail preheader", only_text=True
            ),
            required=True,
            help="One or two sentences; they appear in the archive and as the e-mail's preview line.",
        ),
        Field(
            "attachments",
            ListOf(ATTACHMENT, expected="a list of files, each with file: and name:"),
            help="Files offered with the issue, such as the issue as a PDF: each with its file and the link's text.",
        ),
        Field(
            "draft",
            Boolean(),
            help="On (true) while the issue is being written: it is checked but not published, and no e-mail is "
            "made. Turn it off when the issue is ready (in a file: delete the line).",
        ),
        FROM_PLAN,
        WRITTEN,
        ACTIVITY,
    ),
    what="an issue's fields",
)
FIELDS = tuple(f.name for f in ISSUE.fields)
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
                issue, line = _issue(path, shown, code, docs, placeholders, known_activities, codes)
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
    path: Path,
    shown: Path,
    code: str,
    docs: Path,
    placeholders: Placeholders,
    known_activities: set[str] | None,
    codes: tuple[str, ...] = (),
) -> tuple[Issue, int]:
    source = read_markdown(path, shown)
    meta = source.meta
    problems: list[Problem] = []
    checked = ISSUE.check(meta, Where(shown, meta.line, "", problems, ()))

    def problem(key: str, message: str, line: int | None = None) -> None:
        problems.append(Problem(shown, line or meta.line_of(key), key, message))

    attachments = []
    for entry, attachment in zip(meta.get("attachments") or [], checked.get("attachments", []), strict=False):
        target = (path.parent / attachment["file"]).resolve()
        wrong_case = miscased(docs, path.parent.relative_to(docs).as_posix(), attachment["file"])
        if wrong_case:
            problem("attachments", wrong_case, entry.line_of("file"))
            continue
        if not target.is_file() or not target.is_relative_to(docs.resolve()):
            problem(
                "attachments",
                f"no such file: {attachment['file']!r} (expected a path from this issue's folder to a file in docs/)"
                + _how_to_attach(path, code, docs, attachment["file"], codes),
                entry.line_of("file"),
            )
            continue
        media_type = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        attachments.append(
            Attachment(
                target.relative_to(docs.resolve()).as_posix(), attachment["name"], target.stat().st_size, media_type
            )
        )
    from_plan = checked.get("from_plan", False)
    written = written_day(checked, meta, from_plan, problem)
    activities = activity_ids(checked.get("activity"), known_activities, lambda message: problem("activity", message))
    if checked.get("draft") is not True:
        problems.extend(placeholders_left(source, shown, placeholders, FIELDS_WRITTEN))
    if problems:
        raise DataError(problems)
    issue = Issue(
        code=code,
        docs_path=path.relative_to(docs).as_posix(),
        stem=path.stem,
        number=checked["number"],
        date=date.fromisoformat(checked["date"]),
        title=checked["title"],
        summary=checked["summary"],
        attachments=tuple(attachments),
        draft=checked.get("draft", False),
        from_plan=from_plan,
        activities=activities,
        written=written,
    )
    return issue, meta.line_of("number")


def _how_to_attach(path: Path, code: str, docs: Path, file: str, codes: tuple[str, ...]) -> str:
    """What a partner can do about an attachment that is not there: a translation copied from the English
    issue names the English file, which its own folder does not have."""
    ways = []
    target = (path.parent / file).resolve()
    if target.is_relative_to(docs.resolve()):
        ways.append(f"upload the file as docs/{target.relative_to(docs.resolve()).as_posix()}")
    for other in codes:  # the same file in another language's folder, where the translation was copied from
        found = (docs / other / FOLDER / file).resolve()
        if other != code and found.is_file() and found.is_relative_to((docs / other).resolve()):
            ways.append(f"or use the {other} one: file: ../../{other}/{FOLDER}/{file}")
            break
    ways.append("or delete the attachment's lines (its file: and name:)")
    return ": " + ", ".join(ways)


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
