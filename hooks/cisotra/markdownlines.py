"""From a rendered page back to its Markdown: the line a tag, attribute or address is written on.

Python-Markdown keeps no source lines. A finding in the rendered page is found again in
the Markdown by its text: the first line of the tag as written (raw HTML arrives as it is
written), then the attribute or address itself within the lines the tag spans; code spans
and fenced code are blanked first, so an example written as code is not taken for the real one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .frontmatter import front_matter_lines


@dataclass(frozen=True)
class Where:
    """How to find a finding's line in the Markdown: the tag's first line as written (when it is raw HTML,
    written as it arrives), the number of lines it spans, then texts of the finding itself, most telling first."""

    anchor: str
    span: int
    needles: tuple[str, ...]
    tag: int = -1  # which start tag of the page it is in (findings in one tag share its anchor's line)


def markdown_body(text: str) -> str:
    """A Markdown file's text with its front matter blanked out: the lines keep their numbers in the file,
    and Markdown renders what the site renders."""
    taken = front_matter_lines(text)
    if taken is None:
        return text  # the engine renders all of it: all of it is checked
    return "\n" * taken + "\n".join(text.split("\n")[taken:])


class Locator:
    """Finds the line of a finding in the Markdown: the next place its text is written, outside code."""

    def __init__(self, markdown: str) -> None:
        self.lines = [line.lower() for line in _without_code(markdown).split("\n")]
        self.after: dict[str, int] = {}  # needle → index of the line it was last found on
        self.anchors: dict[int, int | None] = {}  # start tag → index of the line it starts on

    def line(self, where: Where) -> int | None:
        if where.tag not in self.anchors or where.tag < 0:
            self.anchors[where.tag] = self._find(where.anchor) if where.anchor else None
        start = self.anchors[where.tag]
        if start is not None:
            for needle in where.needles:
                needle = needle.lower().split("\n", 1)[0].strip()
                for index in range(start, min(start + where.span, len(self.lines))):
                    if needle and needle in self.lines[index]:
                        return index + 1
            return start + 1
        for needle in where.needles:
            index = self._find(needle)
            if index is not None:
                return index + 1
        return None

    def _find(self, needle: str) -> int | None:
        """The index of the next line holding `needle`, after the one it was last found on (then from the top)."""
        needle = needle.lower().split("\n", 1)[0].strip()
        if not needle:
            return None
        start = self.after.get(needle, -1) + 1
        for index in (*range(start, len(self.lines)), *range(0, start)):
            if needle in self.lines[index]:
                self.after[needle] = index
                return index
        return None


_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")


def _without_code(markdown: str) -> str:
    """The Markdown with fenced code and code spans blanked, so a tag written as an example is not taken for the real one."""
    out = []
    fence = None
    for line in markdown.split("\n"):
        match = _FENCE.match(line)
        if fence is None and match:
            fence = match.group(1)[0] * len(match.group(1))
            out.append("")
        elif fence is not None:
            if line.strip().startswith(fence):
                fence = None
            out.append("")
        else:
            out.append(_CODE_SPAN.sub(lambda span: " " * len(span.group(0)), line))
    return "\n".join(out)
