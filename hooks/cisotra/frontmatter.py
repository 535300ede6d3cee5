"""Front matter of Markdown files: the YAML block between the opening and closing `---` lines."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import DataError, Problem
from .yamlfile import Located, load_text


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
    if not lines or lines[0].rstrip() != "---":
        raise DataError([Problem(shown, 1, None, "expected front matter: a first line '---', the fields, then '---'")])
    try:
        end = next(index for index, line in enumerate(lines[1:], start=1) if line.rstrip() in ("---", "..."))
    except StopIteration:
        raise DataError(
            [Problem(shown, 1, None, "the front matter is not closed: expected a line '---' after the fields")]
        ) from None
    meta = load_text("\n".join(lines[1:end]), shown, first_line=2, front_matter=True)
    if meta is None:
        meta = Located()
        meta.line, meta.key_lines = 2, {}
    if not isinstance(meta, Located):
        raise DataError([Problem(shown, 2, None, "expected fields such as 'title: ...' in the front matter")])
    return MarkdownFile(meta, "\n".join(lines[end + 1 :]), end + 2)
