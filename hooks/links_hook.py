"""Links to pages the visitor's language does not publish go to the default language's page, marked as such.

A post exists in the languages it was written in (cisotra.publication). A Turkish page,
or an English page shown on the Turkish site, that links to an English-only post would
lead nowhere under /tr/; the link goes to the English post instead, with hreflang and a
note in the visitor's language. Every link is checked when the build ends (site_hook).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

import _site
from cisotra.errors import Problem
from cisotra.links import held_back_targets, only_in_default_language, replace_links
from cisotra.paths import page_site_path
from cisotra.render import markdown as render_markdown

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


@event_priority(100)  # before the other hooks add generated Markdown: only the partner's own links
@_site.timed
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    language = _site.current(config)
    if _site.is_generated(page):
        return None
    publication = _site.publication(config)
    default = _site.default(config)
    path = _site.path_in_language(page, config)
    waiting = held_back_targets(markdown, path, language.code, _site.project(config).pages, publication.is_held_back)
    if waiting:
        source = f"docs/{page.file.src_uri}"
        _site.fail(
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
    if language.default:
        return None
    found = only_in_default_language(markdown, path, language.code, default.code, publication.has_page)
    if not found:
        return None
    ctx = _site.context(config, page.url)
    after = render_markdown(
        "default-language-link.md", tag=default.tag, lang=language.tag, note=ctx.text("links.in_default_language")
    ).rstrip("\n")
    replacements = {}
    for link, target in found:
        href = ctx.link(page_site_path(default.prefix, target)) + (f"#{link.fragment}" if link.fragment else "")
        replacements[link] = (href, after)
    return replace_links(markdown, replacements)
