"""Front matter of Markdown files: the YAML block between the opening and closing `---` lines.

Every check finds a page's front matter exactly where the site engine does (`FRONT_MATTER`, as
MkDocs' `mkdocs.utils.meta`): a line ' ---' (a space first) is the page's text to MkDocs, so it
must be to the checks too, or what follows it would be published unchecked. The same holds
for a block between '---' lines that is not a set of fields (only comments, a list, a text):
MkDocs publishes it as text, so the checks read it as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import DataError, Problem
from .yamlfile import Located, load_text

# The loader MkDocs reads front matter with (mkdocs.utils.meta): its verdict decides what is text.
_ENGINE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# A first line of '---' (spaces or tabs may follow), the fields, a line of '---' or '...'.
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)
# Without front matter, MkDocs takes 'key: value' lines at the top as the page's settings
# (MultiMarkdown meta-data): hidden from readers, and able to choose the page's template.
SETTING_LINE = re.compile(r"^[ ]{0,3}[A-Za-z0-9_-]+:\s*")


def front_matter_lines(text: str) -> int | None:
    """How many lines the front matter takes at the start of `text` (both '---' lines included),
    or None when the site engine sees none (and publishes all of the text)."""
    match = FRONT_MATTER.match(text.removeprefix("\ufeff"))
    return match.group(0).count("\n") if match and _engine_reads_fields(match.group(1)) else None


def _engine_reads_fields(block: str) -> bool:
    try:
        return isinstance(yaml.load(block, _ENGINE_LOADER), dict)  # noqa: S506 - a safe loader
    except Exception:  # noqa: BLE001 - whatever the engine's loader refuses, the engine shows as text
        return False


def start_problem(text: str) -> str | None:
    """What is wrong with the start of a page that has no front matter the engine reads, or None."""
    text = text.removeprefix("\ufeff")
    first = text.split("\n", 1)[0]
    if FRONT_MATTER.match(text):
        return (
            "the lines between the two --- lines are not fields (only comments, a list or a text), so they would "
            'be published as the page\'s text: write fields such as  title: "…"  there, or delete the --- lines'
        )
    if re.match(r"^-{3}[ \t]*\n.*\n(?:\.{3}|-{3})[ \t]*$", text, re.S):
        return "the closing --- of the front matter is the file's last line: add the page's text below it"
    if first.strip() == "---":
        return (
            "this first line has a space or another character around its ---, so the page has no front matter "
            "and the lines below it would be published as text: write --- alone at the start of the line"
        )
    if SETTING_LINE.match(first):
        return (
            f"this first line, {first.strip()[:40]!r}, would be taken as a hidden setting of the page, not shown: "
            "start the page with front matter between two lines of ---, or put an empty line above this one"
        )
    return None


@dataclass(frozen=True)
class MarkdownFile:
    meta: Located  # the front matter; its lines are the file's own
    body: str
    body_line: int  # the file line the body starts on

    def body_lines(self):
        """(file line number, text) of every line of the body."""
        return enumerate(self.body.split("\n"), start=self.body_line)


def read_front_matter(path: Path, shown: Path) -> tuple[Located, str]:
    """(front matter, body) of a Markdown file."""
    source = read_markdown(path, shown)
    return source.meta, source.body


def read_markdown(path: Path, shown: Path) -> MarkdownFile:
    """A Markdown file with front matter; front matter lines keep their line numbers in the file."""
    text = path.read_text(encoding="utf-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.split("\n")
    block = FRONT_MATTER.match(text)
    if block is None:
        if re.fullmatch(r"---[ \t]*", lines[0]) and not start_problem(text):
            raise DataError(
                [Problem(shown, 1, None, "the front matter is not closed: expected a line '---' after the fields")]
            )
        found = start_problem(text) or "expected front matter: a first line '---', the fields, then '---'"
        raise DataError([Problem(shown, 1, None, found)])
    end = block.group(0).count("\n") - 1  # the closing line
    # Our own reader first: a mistake in the fields is named with its line and likely cause.
    meta = load_text("\n".join(lines[1:end]), shown, first_line=2, front_matter=True)
    # (Fields our reader takes and the engine's refuses, such as a 30 February, are named by the
    # field checks; meanwhile the checks of the text read the block as text, as the engine shows it.)
    if not isinstance(meta, Located):
        raise DataError([Problem(shown, 1, None, start_problem(text) or "expected fields in the front matter")])
    return MarkdownFile(meta, "\n".join(lines[end + 1 :]), end + 2)
