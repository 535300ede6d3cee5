"""Links in the partners' pages: to nothing unpublished, and to the default language's page where the visitor's language has none.

A post exists in the languages it was written in (cisotra.publication). A Turkish page,
or an English page shown on the Turkish site, that links to an English-only post would
lead nowhere under /tr/; the link goes to the English post instead, with hreflang and a
note in the visitor's language. Every link is checked once the whole site is written
(steps/checks.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import _site
from cisotra.errors import Problem
from cisotra.links import held_back_targets, only_in_default_language, replace_links
from cisotra.paths import page_site_path
from cisotra.render import markdown as render_markdown

if TYPE_CHECKING:
    from mkdocs.structure.pages import Page

    from buildstate import SiteBuild


def refuse_links_to_unpublished(site: SiteBuild, page: Page, markdown: str) -> None:
    """A link to a draft or a post dated in the future would break the day the page is published."""
    if _site.is_generated(page):
        return
    path = site.path_in_language(page)
    publication = site.publication
    waiting = held_back_targets(markdown, path, site.language.code, site.project.pages, publication.is_held_back)
    if waiting:
        source = f"docs/{page.file.src_uri}"
        site.fail(
            [
                Problem(
                    Path(source),
                    link.line + _site.front_matter_lines(page),
                    "link",
                    f"'{link.target}' leads to a post or issue that is not published yet (a draft, or dated "
                    "in the future): link to it once it is published, or publish both together",
                )
                for link in waiting
            ]
        )


def lead_to_the_default_language(site: SiteBuild, page: Page, markdown: str) -> str | None:
    """Links to pages this language does not publish go to the default language's page, marked as such."""
    language = site.language
    if language.default or _site.is_generated(page):
        return None
    default = site.default
    path = site.path_in_language(page)
    found = only_in_default_language(markdown, path, language.code, default.code, site.publication.has_page)
    if not found:
        return None
    ctx = site.context(page.url)
    after = render_markdown(
        "default-language-link.md", tag=default.tag, lang=language.tag, note=ctx.text("links.in_default_language")
    ).rstrip("\n")
    replacements = {}
    for link, target in found:
        href = ctx.link(page_site_path(default.prefix, target)) + (f"#{link.fragment}" if link.fragment else "")
        replacements[link] = (href, after)
    return replace_links(markdown, replacements)
