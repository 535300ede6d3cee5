"""Search in the visitor's language: each page's text taken as it is rendered, and one index per language written once the last language is built.

How words become terms is in cisotra.search, how the index is laid out in
cisotra.searchindex; this hook picks the pages, hands the template the language's
stemming rules, and writes the index into the site's search/ folder.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

import _site
from cisotra import searchindex
from cisotra.search import Terms, client_rules

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

FOLDER = "search"


@_site.timed
def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.globals["search_rules"] = client_rules(_site.current(config).tag)
    return env


@_site.timed
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    # A page in the visitor's language, not a list that repeats other pages and not a page
    # shown in English because it is not yet translated (it is found in English).
    # Generated HTML is in place by now (site_hook, on_page_content).
    excluded = (page.meta.get("search") or {}).get("exclude", False)
    if not excluded and not _site.is_fallback(page, config):
        found = searchindex.document(_site.site_path(page.url), page.title or "", page.content or "")
        _site.language_pass(config).searchable.append(found)
    return context


@event_priority(-250)  # after every language is built (mkdocs-static-i18n, -100), before the build ends (-300)
@_site.timed
def on_post_build(config: MkDocsConfig) -> None:
    if not _site.is_last_pass(config):
        return
    folder = Path(config.site_dir) / FOLDER
    synonyms = _site.project(config).synonyms
    # The tests build with small shards, so that keys split at several depths.
    shard_bytes = int(os.environ.get("CISOTRA_SEARCH_SHARD_BYTES") or searchindex.SHARD_BYTES)
    for language_pass in _site.build(config).passes.values():
        language = language_pass.language
        notes = searchindex.write(  # each language's folder is emptied first
            language_pass.searchable,
            Terms(language.tag),
            folder / language.tag,
            synonyms.get(language.code, ()),
            shard_bytes,
        )
        _site.tell(notes)
