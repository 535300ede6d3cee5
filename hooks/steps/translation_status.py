"""A page for partners, /translation-status/, listing missing and outdated translations (not in the menu),
and the files to fix, which the build's output shows as well.

It is built with the default language only: it is a working list for editors, in English.
It is kept out of the sitemap and search, and marked `noindex` for search engines.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from cisotra.languages import Alternate
from cisotra.pages import GeneratedPage
from cisotra.paths import TRANSLATION_STATUS
from cisotra.translations import build_report, last_changes, status_page
from problems import tell

if TYPE_CHECKING:
    from buildstate import SiteBuild

log = logging.getLogger("mkdocs.hooks.translation_status")


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


def tell_files_to_fix(site: SiteBuild) -> None:
    """The files that work but should be fixed (a PDF without a title or not tagged for screen readers), in
    the build's output too: the person whose pull request added one reads the check's log and annotations,
    not the status page. They do not stop the build (tell: an info line each, a warning annotation in CI)."""
    warnings = list(site.project.warnings)
    if warnings:
        log.info("Files to fix (they do not stop the build; also listed on /%s):", TRANSLATION_STATUS)
        tell(warnings, level="warning")
