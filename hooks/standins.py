"""Generated HTML skips the Markdown parser: a stand-in comment goes into the page's Markdown, and the
HTML is put back once the page is rendered.

Python-Markdown reads every raw HTML block with two HTML parsers (its own, and MkDocs'
anchor check); on the pages the steps fill with lists (timeline, work packages, news)
that was a third of their rendering time, for HTML that needs nothing from Markdown. A
stand-in that does not come back (a Markdown extension that strips comments, say) stops
the build, naming the page and the step that made it: nothing generated may vanish
silently. The HTML is put back first thing after rendering (pipeline.py), before the
steps that read a rendered page (feeds, e-mails, search).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from markupsafe import Markup
from mkdocs.exceptions import PluginError

from cisotra.render import comment
from cisotra.render import html as render_html
from cisotra.searchindex import SKIP_END, SKIP_START

STAND_IN = "<!--cisotra-html:{}-->"
STAND_IN_START = "<!--cisotra-html:"
_STAND_IN_PATTERN = re.compile(r"<!--cisotra-html:(\d+)-->")


@dataclass
class Block:
    """Generated HTML waiting in a stand-in for its page to be rendered."""

    html: Markup
    searchable: bool
    page: str  # the site path of the page it belongs to
    generator: str
    restored: bool = False


@dataclass
class StandIns:
    """The blocks of one language pass, by number and by page."""

    blocks: dict[str, Block] = field(default_factory=dict)
    of_page: dict[str, list[Block]] = field(default_factory=dict)  # site path → its blocks
    numbers: itertools.count = field(default_factory=itertools.count)

    def stand_in(self, generator: str, html: Markup, searchable: bool, page: str) -> str:
        """A stand-in for `html` in generated Markdown; it must stand as a block of its own."""
        number = str(next(self.numbers))
        block = Block(html, searchable, page, generator)
        self.blocks[number] = block
        self.of_page.setdefault(page, []).append(block)
        return STAND_IN.format(number)

    def restore(self, page_name: str, page_path: str, html: str) -> str:
        """The rendered page with the generated HTML in place of its stand-ins."""
        if STAND_IN_START in html:
            html = _STAND_IN_PATTERN.sub(lambda match: self._take(match.group(1), page_name), html)
        waiting = [block for block in self.of_page.get(page_path, ()) if not block.restored]
        if waiting:
            generators = ", ".join(sorted({block.generator or "a step" for block in waiting}))
            raise PluginError(
                f"{page_name}: {len(waiting)} block(s) of generated HTML from {generators} never reached the page: "
                "their stand-in comments were removed while the Markdown was rendered (a Markdown extension that "
                "strips HTML comments?)"
            )
        return html

    def _take(self, number: str, page_name: str) -> str:
        block = self.blocks.get(number)
        if block is None:
            raise PluginError(f"{page_name}: a stand-in for generated HTML (number {number}) belongs to no generator")
        if block.restored:
            raise PluginError(
                f"{page_name}: the generated HTML of {block.generator} was put into the page twice "
                "(a Markdown extension copied its stand-in comment)"
            )
        block.restored = True
        html, block.html = block.html, Markup()  # the page has it now
        if block.searchable:
            return html
        # A list that repeats what other pages say, marked for the search index to skip.
        return render_html("unindexed.html", block=html, skip_start=_comment(SKIP_START), skip_end=_comment(SKIP_END))

    def check_all_restored(self) -> None:
        """At the end of a pass: every block generated in it reached its page; then the next pass starts clean."""
        lost = [block for block in self.blocks.values() if not block.restored]
        if lost:
            pages = ", ".join(sorted({block.page or "(no page)" for block in lost}))
            generators = ", ".join(sorted({block.generator or "a step" for block in lost}))
            raise PluginError(
                f"{len(lost)} block(s) of generated HTML from {generators} were made for pages that were never "
                f"rendered: {pages}"
            )
        self.blocks.clear()
        self.of_page.clear()


def check_written(page_name: str, output: str) -> None:
    """The written page holds no stand-in: everything generated arrived."""
    if STAND_IN_START in output:
        raise PluginError(f"{page_name}: a stand-in for generated HTML was left in the written page")


def _comment(marker: str) -> Markup:
    return comment(marker.removeprefix("<!--").removesuffix("-->"))
