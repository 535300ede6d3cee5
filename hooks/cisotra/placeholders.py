"""The templates' placeholder texts ("Write the headline here"), so none of them is ever published.

Partners start posts, issues and activities from the files in `templates/` (or the copies
in CONTRIBUTING.md). A text left as the template wrote it means the partner has not
written their own yet: outside a draft, that stops the build and names the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import Problem
from .frontmatter import MarkdownFile

# The fields whose template values are instructions to the writer (an attachment's example
# name, "The issue as a PDF", may well be kept as it is).
_QUOTED = re.compile(r'\b(?:title|summary|image_alt|author|en):\s*"([^"\n]{4,})"')
_MARKDOWN_LEAD = re.compile(r"^\s*(?:#+|[-*]|\d+\.)\s*")
# A long placeholder also counts when the partner wrote on after it on the same line.
_PREFIX_LENGTH = 15


@dataclass(frozen=True)
class Placeholders:
    texts: frozenset[str]
    openings: tuple[str, ...] = ()  # long placeholders and their first sentences, matched at a line's start

    def match(self, text: str) -> str | None:
        """The placeholder `text` (a line or a field's value) still is, or None."""
        plain = _MARKDOWN_LEAD.sub("", text).strip()
        if not plain:
            return None
        if plain in self.texts:
            return plain
        return next((opening for opening in self.openings if plain.startswith(opening)), None)

    def message(self, placeholder: str, what: str) -> str:
        shown = placeholder if len(placeholder) <= 40 else placeholder[:37] + "…"
        return f'still says the template\'s placeholder "{shown}": replace it with {what}'


def load_placeholders(folder: Path) -> Placeholders:
    """The quoted values of writing fields and every line of a Markdown template's body, from the files in `folder`."""
    texts: set[str] = set()
    for path in sorted(folder.glob("*")) if folder.is_dir() else []:
        text = path.read_text(encoding="utf-8")
        texts.update(match.group(1).strip() for match in _QUOTED.finditer(text))
        if path.suffix == ".md":
            body = text.split("\n---\n", 1)[-1]
            for line in body.split("\n"):
                plain = _MARKDOWN_LEAD.sub("", line).strip()
                if plain:
                    texts.add(plain)
    # A long placeholder's first sentence, kept with the partner's own text after it, still
    # marks a text not yet written ("Write the text here. Our meeting …").
    openings = {
        opening for text in texts for opening in (text, text.split(". ")[0] + ".") if len(opening) >= _PREFIX_LENGTH
    }
    return Placeholders(frozenset(texts), tuple(sorted(openings, key=lambda text: (-len(text), text))))


def placeholders_left(
    source: MarkdownFile, shown: Path, placeholders: Placeholders, fields: tuple[str, ...]
) -> list[Problem]:
    """Template texts still standing in a post or an issue that is about to be published."""
    problems = []
    for key in fields:
        value = source.meta.get(key)
        if isinstance(value, str) and (found := placeholders.match(value)):
            what = "your own " + key.replace("_", " ")
            problems.append(Problem(shown, source.meta.line_of(key), key, placeholders.message(found, what)))
    for number, line in source.body_lines():
        if found := placeholders.match(line):
            problems.append(
                Problem(
                    shown,
                    number,
                    "text",
                    placeholders.message(found, "your own text")
                    + " (or add the line  draft: true  to the front matter to keep it unpublished)",
                )
            )
    return problems
