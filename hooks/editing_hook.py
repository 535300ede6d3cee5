"""Each page's "Edit this page" link, chosen by cisotra.editing (the repository comes from repo_url)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import _site
from cisotra.editing import edit_url

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

BRANCH = "main"


@_site.timed
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    if not config.repo_url:
        return context
    page.edit_url = edit_url(
        config.repo_url,
        BRANCH,
        _site.path_in_language(page, config),
        _site.current(config).code,
        source_code=_site.text_language(page, config).code,
        generated=_site.is_generated(page),
    )
    return context
