"""A page for partners, /translation-status/, listing missing and outdated translations (not in the menu).

It is built with the default language only: it is a working list for editors, in English.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

import _site
from cisotra.markup import front_matter
from cisotra.translations import MISSING, OUTDATED, last_changes, markdown_table, scan, summary

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

SOURCE = "translation-status.md"
INTRO = (
    "Every page and post of the English site and the state of its translations: **✓** up to date, "
    "**missing** not written yet (visitors see the English text with a notice), **outdated** the English "
    "page was changed after the translation was last committed. The same report runs on every pull "
    "request that changes content, and locally with `python scripts/translation_status.py`."
)


@event_priority(-110)  # after mkdocs-static-i18n has sorted the files into languages
@_site.timed
def on_files(files: Files, config: MkDocsConfig) -> Files:
    language = _site.current(config)
    if not language.default:
        return files
    codes = tuple(lang.code for lang in _site.languages(config))
    rows = scan(_site.project_root(config) / "docs", codes, language.code, last_changes(_site.project_root(config)))
    counts = summary(rows, codes)
    totals = "\n".join(
        f"| {lang.name} | {counts[lang.code]['ok']} | {counts[lang.code][OUTDATED]} | {counts[lang.code][MISSING]} |"
        for lang in _site.languages(config)
        if not lang.default
    )
    markdown = (
        front_matter(
            title="Translation status",
            description="Which pages and posts are translated, missing or outdated in each language.",
            search={"exclude": True},
        )
        + f"\n# Translation status\n\n{INTRO}\n\n| language | up to date | outdated | missing |\n|---|---|---|---|\n{totals}\n\n"
        + markdown_table(rows, codes, {"page": "page", MISSING: "missing", OUTDATED: "outdated"})
        + "\n"
    )
    # Not added to the sitemap, and marked noindex: it is a working list, not content.
    _site.add_generated(
        config, files, SOURCE, markdown, {language.code: _site.alternate("translation-status/", language.code)}
    )
    return files
