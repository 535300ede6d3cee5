"""Every piece of HTML and generated Markdown the site makes comes from a template in `templates/`.

Text is text by construction: the templates are rendered with escaping switched on, so
a value from the data (a title with a quotation mark, a city name with `<`, a summary
with `{{ }}`) lands in an element, an attribute or a Markdown heading as the characters
it is, and nothing a partner writes can become markup. No renderer escapes by hand.

- `html(name, **values)`: an HTML template (`*.html`, `*.svg`), autoescaped (Jinja2).
- `markdown(name, **values)`: a Markdown template (`*.md`), every value escaped for
  Markdown and HTML alike (`inline`), so it shows as written in a heading or a line.
  Jinja's comment mark `{# #}` is `{## ##}` there, since `{#id}` gives a heading its id.

A value that is markup on purpose is a `Markup` and is inserted as it is: what another
template made, and the HTML Python-Markdown made of a partner's page, which becomes
`Markup` in one place only, `from_markdown`.
"""

from __future__ import annotations

import functools
import json
import re
from html import escape as html_escape
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

TEMPLATES = Path(__file__).resolve().parent / "templates"

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")


class MarkdownBlock(str):
    """Markdown made by the site for a page (a block of generated HTML, or its stand-in): put into
    a Markdown template as it is. A plain `str`, so joining it with other text escapes nothing."""


def html(name: str, /, **values: object) -> Markup:
    """The HTML template `name` rendered with `values`, every value escaped where it lands."""
    # The template escaped every value: its output is markup by construction.
    return Markup(_html_environment().get_template(name).render(**values))  # noqa: S704


def markdown(name: str, /, **values: object) -> MarkdownBlock:
    """The Markdown template `name` rendered with `values`, each shown as written (blocks of HTML as they are)."""
    return MarkdownBlock(_markdown_environment().get_template(name).render(**values))


def inline(text: object) -> str:
    """Text for a line of Markdown: shown as written, never read as Markdown or HTML. A
    `MarkdownBlock` or a `Markup` value is already what the page should hold."""
    if isinstance(text, (MarkdownBlock, Markup)):
        return text
    # `<` and `&` become entities (Markdown passes them through as they are); quotation marks
    # need nothing in text, and their entities' `#` would be escaped for Markdown.
    return _MARKDOWN_SPECIALS.sub(r"\\\1", html_escape(str(text), quote=False))


def from_markdown(rendered: str) -> Markup:
    """The HTML Python-Markdown made of a page: the one kind of markup the site inserts as it is.

    Partners' Markdown is checked before it is rendered (cisotra.rawhtml): HTML that could
    run or load something stops the build, so what arrives here is the partner's text,
    formatted."""
    return Markup(rendered)  # noqa: S704 - see above: the one place partner Markdown's HTML becomes markup


def script_json(data: object) -> Markup:
    """JSON for inside a <script> element (JSON-LD): no text can end the element or open a comment there."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))  # noqa: S704


@functools.cache
def _html_environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,  # a misspelt name stops the build instead of printing nothing
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        auto_reload=False,
    )


_IDENTIFIER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")


def comment(text: str) -> Markup:
    """An HTML comment of a text the code makes (a marker for the search index, say)."""
    if "--" in text or ">" in text:
        raise ValueError(f"not a text for a comment: {text!r}")
    return Markup(f"<!--{text}-->")  # noqa: S704 - checked above: it cannot end the comment early


def identifier(value: object) -> Markup:
    """An anchor or a class name made by the code (`{#{{ anchor | id }}}`), checked to be one."""
    if not _IDENTIFIER.match(str(value)):
        raise ValueError(f"not an identifier: {value!r}")
    return Markup(value)  # noqa: S704 - letters, digits, '-' and '_' only: checked above


@functools.cache
def _markdown_environment() -> Environment:
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES),
        # Markdown, not HTML: every value is escaped by `finalize` (for Markdown and HTML alike).
        autoescape=False,  # noqa: S701
        finalize=inline,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        comment_start_string="{##",
        comment_end_string="##}",
        auto_reload=False,
    )
    environment.filters["id"] = identifier
    # Front matter: JSON is YAML, and quotes any text safely.
    environment.filters["json"] = lambda value: MarkdownBlock(json.dumps(value, ensure_ascii=False))
    return environment
