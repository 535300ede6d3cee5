"""Putting blocks the site makes into a page's Markdown: after its title, before or into its first section.

The blocks are Markdown made by templates (cisotra.render); the page's own text is left as
its author wrote it.
"""

from __future__ import annotations


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
