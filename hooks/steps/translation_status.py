"""A page for partners, /translation-status/, listing missing and outdated translations (not in the menu).

It is built with the default language only: it is a working list for editors, in English.
It is kept out of the sitemap and search, and marked `noindex` for search engines.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cisotra.languages import Alternate
from cisotra.pages import GeneratedPage
from cisotra.paths import TRANSLATION_STATUS
from cisotra.translations import build_report, last_changes, status_page

if TYPE_CHECKING:
    from buildstate import SiteBuild


def register_page(site: SiteBuild) -> None:
    language = site.language
    if not language.default:
        return
    project = site.project
    report = build_report(
        project.posts,
        project.issues,
        project.codes,
        site.docs_dir,
        last_changes(site.root),
        site.moment,
        project.warnings,
    )
    page = GeneratedPage(
        TRANSLATION_STATUS,
        "Translation status",
        "Which pages and posts are translated, missing or outdated in each language.",
        status_page(report, site.languages),
        searchable=False,
        meta={"robots": "noindex"},
    )
    site.add_page(page, {language.code: Alternate(language, TRANSLATION_STATUS, True)}, in_sitemap=False)
