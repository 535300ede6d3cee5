"""One language's view of the site, as the renderers of generated HTML need it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from html import escape

from babel import Locale

from .dates import format_locale
from .urls import relative


def as_is(html: str, searchable: bool = True) -> str:
    return html


@dataclass(frozen=True)
class Context:
    """Texts, dates and links in one language, as seen from the page at site path `page`."""

    code: str  # folder code, for choosing texts
    tag: str  # BCP 47 tag, for names and dates
    reference: str  # the language texts fall back to
    reference_tag: str
    words: dict[str, str]  # interface strings, flattened keys
    today: date
    prefix: str  # the language's URL prefix, '' or 'si/'
    page: str = ""  # site path of the page being built, e.g. 'si/timeline/'
    # How a block of generated HTML goes into generated Markdown: as it is by default. A
    # site generator may hand back a stand-in and put the HTML in after rendering, so the
    # Markdown parser does not have to read HTML that needs nothing from it; blocks marked
    # searchable=False repeat what other pages say and may be kept out of a search index.
    raw: Callable[..., str] = as_is

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
        """An interface string as plain text, placeholders filled."""
        text = self.words[key]
        return text.format(**values) if values else text

    def word(self, key: str, **values: object) -> str:
        """The same, escaped for HTML."""
        return escape(self.text(key, **values))
