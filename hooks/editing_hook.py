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
    language = _site.current(config)
    generated = page.file.generated_by is not None
    relative = getattr(page.file, "norm_src_uri", None) or page.file.src_uri.removeprefix(language.prefix)
    source_code = getattr(page.file, "locale", language.code)
    page.edit_url = edit_url(
        config.repo_url, BRANCH, relative, language.code, source_code=source_code, generated=generated
    )
    return context
