"""One language's view of the site, as the renderers of generated HTML need it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date

from babel import Locale
from babel.numbers import format_decimal
from markupsafe import Markup

from .collation import sort_key
from .dates import format_locale
from .render import MarkdownBlock
from .strings import Text, fill
from .urls import relative


def as_is(html: Markup, searchable: bool, page: str) -> str:
    return str(html)


@dataclass(frozen=True)
class Part:
    """A piece of an interface sentence: text, or a link's text and its href (see `Context.sentence`)."""

    text: str
    href: str | None = None


@dataclass(frozen=True)
class Context:
    """Texts, dates and links in one language, as seen from the page at site path `page`."""

    code: str  # folder code, for choosing texts
    tag: str  # BCP 47 tag, for names, dates, plural rules and sorting
    default_code: str  # the language texts fall back to
    default_tag: str
    strings: dict[str, Text]  # interface strings of `code`, flattened keys
    today: date
    prefix: str  # the language's URL prefix, '' or 'si/'
    page: str = ""  # site path of the page being built, e.g. 'si/timeline/'
    tags: dict[str, str] = field(default_factory=dict)  # every site language's folder code → its tag
    # How a block of generated HTML goes into generated Markdown, given the page it is for:
    # as it is by default. A site engine may hand back a stand-in and put the HTML in after
    # rendering, so the Markdown parser does not have to read HTML that needs nothing from
    # it. Blocks marked searchable=False repeat what other pages say: the engine keeps them
    # out of its search.
    keep_html: Callable[[Markup, bool, str], str] = as_is

    def html_block(self, html: Markup, searchable: bool = True) -> MarkdownBlock:
        """`html` (a template's output) as a block of its own in generated Markdown (see `keep_html`)."""
        if not isinstance(html, Markup):
            raise TypeError("a block of generated HTML must come from a template (cisotra.render.html)")
        return MarkdownBlock(self.keep_html(html, searchable, self.page))

    def link(self, site_path: str) -> str:
        """An href from the page being built to `site_path`."""
        return relative(site_path, self.page)

    def at(self, page: str) -> Context:
        """The same view from another page."""
        return replace(self, page=page)

    @property
    def locale(self) -> Locale:
        return format_locale(self.tag)

    def text(self, key: str, **values: object) -> str:
        """An interface string as plain text, placeholders filled (`count` picks the plural form)."""
        return fill(self.strings[key], self.locale, values)

    def sentence(self, key: str, **links: tuple[str, str]) -> list[Part]:
        """An interface string whose placeholders are links ({name: (link text, href)}), in pieces
        for a template to write (the `sentence` macro of templates/_macros.html)."""
        marks = {name: f"\x00{index}\x00" for index, name in enumerate(links)}
        pieces = self.text(key, **marks).split("\x00")
        by_index = {str(index): links[name] for index, name in enumerate(links)}
        # The text alternates with the marks' numbers: 'See ', '0', ' and ', '1', '.'
        return [
            Part(*by_index[piece]) if position % 2 else Part(piece)
            for position, piece in enumerate(pieces)
            if piece or position % 2
        ]

    def number(self, value: int | float) -> str:
        """A number as the language writes it (1,065 · 1.065 · 1 065)."""
        return format_decimal(value, locale=self.locale)

    def lang_of(self, code: str) -> str | None:
        """The tag to mark a text with when it is in another language than the page's (a fallback), else None."""
        return None if code == self.code else self.tags.get(code, self.default_tag)

    def prefix_of(self, code: str) -> str:
        """The URL prefix of another language of the site ('' for the default language, 'si/')."""
        return "" if code == self.default_code else f"{code}/"

    def sorted_by_name(self, items, name: Callable[[object], str]) -> list:
        """`items` in the language's alphabetical order of their names (CLDR collation)."""
        return sorted(items, key=lambda item: sort_key(name(item), self.tag))
