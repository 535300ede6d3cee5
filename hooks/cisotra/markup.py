"""Putting text from data files into generated Markdown and HTML safely."""

from __future__ import annotations

import json
import re
from html import escape

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")


def inline(text: str) -> str:
    """Text for a Markdown line (a heading, say): shown as written, never read as Markdown or HTML."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", escape(text, quote=False))


def front_matter(**fields: object) -> str:
    """A YAML front matter block; JSON is valid YAML, so any text is quoted safely."""
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in fields.items()]
    return "---\n" + "\n".join(lines) + "\n---\n"


def insert_after_title(markdown: str, html: str) -> str:
    """Put `html` after the first '# ' heading, or at the top when there is none."""
    lines = markdown.split("\n")
    for index, line in enumerate(lines):
        if line.startswith("# "):
            return "\n".join([*lines[: index + 1], "", html, "", *lines[index + 1 :]])
    return html + "\n\n" + markdown


def _first_section(lines: list[str]) -> int | None:
    return next((index for index, line in enumerate(lines) if line.startswith("## ")), None)


def insert_before_first_section(markdown: str, html: str) -> str:
    """Put `html` before the first '## ' heading (the page's own sections follow it), or at the end."""
    lines = markdown.split("\n")
    index = _first_section(lines)
    if index is None:
        index = len(lines)
    return "\n".join([*lines[:index], "", html, "", *lines[index:]])


def insert_into_first_section(markdown: str, html: str) -> str:
    """Put `html` right under the first '## ' heading, or at the end when there is none."""
    lines = markdown.split("\n")
    index = _first_section(lines)
    if index is None:
        return markdown + "\n\n" + html + "\n"
    return "\n".join([*lines[: index + 1], "", html, *lines[index + 1 :]])
