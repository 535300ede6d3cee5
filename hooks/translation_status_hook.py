"""A page for partners, /translation-status/, listing missing and outdated translations (not in the menu).

It is built with the default language only: it is a working list for editors, in English.
It is kept out of the sitemap and search, and marked `noindex` for search engines.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

import _site
from cisotra.languages import Alternate
from cisotra.pages import GeneratedPage
from cisotra.paths import TRANSLATION_STATUS
from cisotra.translations import status_page

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

SITE_PATH = TRANSLATION_STATUS


@event_priority(-110)  # after mkdocs-static-i18n has sorted the files into languages
@_site.timed
def on_files(files: Files, config: MkDocsConfig) -> Files:
    language = _site.current(config)
    if not language.default:
        return files
    report = _site.translation_report(config)
    page = GeneratedPage(
        SITE_PATH,
        "Translation status",
        "Which pages and posts are translated, missing or outdated in each language.",
        status_page(report, _site.languages(config)),
        searchable=False,
        meta={"robots": "noindex"},
    )
    _site.add_page(config, page, {language.code: Alternate(language, SITE_PATH, True)}, in_sitemap=False)
    return files
