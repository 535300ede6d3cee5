"""One language's view of the site, as the renderers of generated HTML need it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from html import escape

from babel import Locale

from .collation import sort_key
from .dates import format_locale
from .strings import Text, fill
from .urls import relative


def as_is(html: str, searchable: bool, page: str) -> str:
    return html


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
    keep_html: Callable[[str, bool, str], str] = as_is

    def html_block(self, html: str, searchable: bool = True) -> str:
        """`html` as a block of its own in generated Markdown (see `keep_html`)."""
        return self.keep_html(html, searchable, self.page)

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

    def html(self, key: str, **values: object) -> str:
        """The same, escaped for HTML; every interface string that lands in HTML goes through here."""
        return escape(self.text(key, **values))

    def html_with_links(self, key: str, **links: tuple[str, str]) -> str:
        """An interface string whose placeholders are links: {name: (link text, href)}, all escaped."""
        marks = {name: f"\x00{index}\x00" for index, name in enumerate(links)}
        text = escape(self.text(key, **marks))
        for name, (label, href) in links.items():
            text = text.replace(marks[name], f'<a href="{escape(href)}">{escape(label)}</a>')
        return text

    def sorted_by_name(self, items, name: Callable[[object], str]) -> list:
        """`items` in the language's alphabetical order of their names (CLDR collation)."""
        return sorted(items, key=lambda item: sort_key(name(item), self.tag))
