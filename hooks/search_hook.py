"""Search in the visitor's language: pages marked for the index, and Pagefind's index made from the built site.

The rules of what is searched, and the Slovenian stemmer the browser applies, are in
cisotra.search; this hook marks the pages, hands the template the language's rules,
and runs Pagefind once the last language is built.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pagefind_bin
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

import _site
from cisotra.search import build_index, client_rules

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page


@_site.timed
def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.globals["search_rules"] = client_rules(_site.current(config).tag)
    return env


@_site.timed
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    # A page in the visitor's language, not a list that repeats other pages and not a page
    # shown in English because it is not yet translated (it is found in English).
    excluded = (page.meta.get("search") or {}).get("exclude", False)
    context["searchable"] = not excluded and not _site.is_fallback(page, config)
    return context


@event_priority(-250)  # after every language is built (mkdocs-static-i18n, -100), before the build ends (-300)
@_site.timed
def on_post_build(config: MkDocsConfig) -> None:
    if not _site.is_last_pass(config):
        return
    result = build_index(Path(config.site_dir), pagefind_bin.get_executable())
    if result.returncode != 0:
        raise PluginError(f"Pagefind could not index the site:\n{result.stdout}{result.stderr}")
