"""The theme's pages as text-safe and locked-down as the project's own parts.

- Every template of the theme escapes what it prints: a page's title, description or a
  partner's name reach the page as text, whichever template prints them. What is markup
  on purpose (the page's HTML made by Markdown, its table of contents) is marked as such,
  once, here.
- Markup of Material that the Nu HTML Checker rejects is corrected in every written page
  (tests/test_html_validity.py runs the checker over every page and fails if a Material
  update brings new ones).
- Every page gets its Content-Security-Policy last (cisotra.csp): it hashes the page's
  inline scripts as they are written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cisotra.csp import secured
from cisotra.render import from_markdown

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.structure.pages import Page

    from buildstate import SiteBuild


def escape_everything(site: SiteBuild, env: Environment) -> None:
    env.autoescape = True


def mark_markup(site: SiteBuild, page: Page, context: dict) -> None:
    """The page's HTML and its table of contents' titles were made by Markdown: markup, on purpose."""
    page.content = from_markdown(page.content or "")
    _mark_toc(page.toc)


def _mark_toc(items) -> None:
    for item in items:
        item.title = from_markdown(item.title)
        _mark_toc(item.children)


# `autocomplete="off"` on the drawer and search checkboxes: the attribute is only allowed on
# text-like inputs. (Material sets it so that Firefox does not restore a ticked box when a
# visitor goes back to a page; at worst the menu is then open, and one tap closes it.)
# `<label for="__toc">` on pages that are not in the menu: the checkbox it names exists only
# for pages in the menu, and a label must name a control that exists.
TOGGLES = (
    '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
    '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">',
)
TOC_LABEL = '<label class="md-nav__title" for="__toc">'
TOC_TOGGLE = 'id="__toc"'


def corrected(html: str) -> str:
    for toggle in TOGGLES:
        html = html.replace(toggle, toggle.replace(' autocomplete="off"', ""))
    if TOC_TOGGLE not in html:
        html = html.replace(TOC_LABEL, '<label class="md-nav__title">')
    return html


def correct_markup(site: SiteBuild, page: Page, output: str) -> str:
    return corrected(output)


def secure(site: SiteBuild, page: Page, output: str) -> str:
    return secured(output, content=str(page.content or ""))


def correct_and_secure_template(site: SiteBuild, name: str, output: str) -> str:
    """A page made from a theme template alone (404.html): corrected and secured too."""
    return secured(corrected(output)) if name.endswith(".html") else output
