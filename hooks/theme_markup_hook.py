"""Markup of Material for MkDocs that the Nu HTML Checker rejects, corrected in every written page.

Material's base template is not built from blocks a site can override for these lines, so
the exact strings are replaced after rendering; tests/test_html_validity.py runs the checker
over every page and fails if a Material update brings new ones.

- `autocomplete="off"` on the drawer and search checkboxes: the attribute is only allowed on
  text-like inputs. (Material sets it so that Firefox does not restore a ticked box when a
  visitor goes back to a page; at worst the menu is then open, and one tap closes it.)
- `<label for="__toc">` on pages that are not in the menu: the checkbox it names exists only
  for pages in the menu, and a label must name a control that exists.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

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


@event_priority(-290)  # after the project's hooks have put their HTML in (up to -250)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return corrected(output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    return corrected(output_content)
