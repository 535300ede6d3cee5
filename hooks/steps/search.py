"""Search in the visitor's language: each page's text taken as it is rendered, and one index per language
written once the last language is built.

How words become terms is in cisotra.search, how the index is laid out in
cisotra.searchindex; these steps pick the pages, hand the template the language's
stemming rules, and write the index into the site's search/ folder.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import _site
from cisotra import searchindex
from cisotra.errors import Problem
from cisotra.paths import SEARCH
from cisotra.search import Terms, client_rules, stemming_note
from problems import tell

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.structure.pages import Page

    from buildstate import SiteBuild


@dataclass
class Searchable:
    """The pages search finds, per language (cisotra.searchindex.Document), gathered as they are rendered."""

    by_language: dict[str, list] = field(default_factory=dict)


def add_rules(site: SiteBuild, env: Environment) -> None:
    """The language's rules for making terms of words, for the browser's half of search."""
    env.globals["search_rules"] = client_rules(site.language.tag)
    # The site-wide 404 page searches in the language of the address asked for (overrides/404.html).
    env.globals["search_rules_by_tag"] = {language.tag: client_rules(language.tag) for language in site.languages}


def check_stemmers(site: SiteBuild) -> None:
    """A language whose words search cannot stem (a new language, say) is told, without stopping the build."""
    javascript = {
        path.name.removesuffix("-stemmer.js")
        for path in (site.docs_dir / "assets/javascripts/snowball").glob("*-stemmer.js")
    }
    notes = [
        Problem(Path("hooks/cisotra/search.py"), None, "SNOWBALL", note)
        for language in site.built
        if (note := stemming_note(language.tag, language.name, javascript))
    ]
    tell(notes)


def index_page(site: SiteBuild, page: Page, context: dict) -> None:
    """A page in the visitor's language, not a list that repeats other pages and not a page shown in
    English because it is not yet translated (it is found in English). The generated HTML is in place."""
    excluded = (page.meta.get("search") or {}).get("exclude", False)
    if not excluded and not site.is_fallback(page):
        found = searchindex.document(_site.site_path(page.url), page.title or "", page.content or "")
        site.feature(Searchable).by_language.setdefault(site.language.tag, []).append(found)


def write_indexes(site: SiteBuild) -> None:
    """Each language's index, its folder emptied first, with the language's synonyms (data/synonyms.yml);
    a synonym that names a word no page has is told, without stopping the build."""
    synonyms = site.project.synonyms
    # The tests build with small shards, so that keys split at several depths.
    shard_bytes = int(os.environ.get("CISOTRA_SEARCH_SHARD_BYTES") or searchindex.SHARD_BYTES)
    by_tag = {language.tag: language for language in site.languages}
    for tag, documents in site.feature(Searchable).by_language.items():
        language = by_tag[tag]
        notes = searchindex.write(
            documents, Terms(tag), site.site_dir / SEARCH / tag, synonyms.get(language.code, ()), shard_bytes
        )
        tell(notes)
