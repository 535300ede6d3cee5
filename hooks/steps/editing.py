"""Each page's "Edit this page" link, chosen by cisotra.editing (the repository comes from repo_url)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import _site
from cisotra.editing import edit_url

if TYPE_CHECKING:
    from mkdocs.structure.pages import Page

    from buildstate import SiteBuild

BRANCH = "main"


def add_edit_link(site: SiteBuild, page: Page, context: dict) -> None:
    if not site.config.repo_url:
        return
    page.edit_url = edit_url(
        site.config.repo_url,
        BRANCH,
        site.path_in_language(page),
        site.language.code,
        source_code=site.text_language(page).code,
        generated=_site.is_generated(page),
    )
