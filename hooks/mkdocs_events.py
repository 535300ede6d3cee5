"""The one hook mkdocs.yml names: MkDocs' events, each handed to the build's steps in pipeline.py.

The priorities place the site's work relative to mkdocs-static-i18n (-100), which sets
each pass's language in `on_config` and sorts the files into languages in `on_files`, and
builds the other languages from its `on_post_build`: the site's end-of-pass steps run
before it, so the first language's feeds and files are written in the first pass and the
last pass ends the build. Nothing else in the site has a priority.

MkDocs loads a hook once per process, so `./run serve` would keep running the code it
started with. While serving, at the start of every build (its first language pass), the
project's other modules are forgotten and imported afresh, so an edit to any file under
hooks/ is in the next rebuild. The build's state lives from that first pass to the end
of the last one.
"""

from __future__ import annotations

import importlib
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

HOOKS = Path(__file__).resolve().parent

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

AFTER_I18N = -110  # mkdocs-static-i18n configures each pass, and sorts its files, at -100
LAST = -300

_serving = False
_pipeline = None  # pipeline.py as imported for the build under way
_build = None  # the build under way (buildstate.SiteBuild), from its first pass to its last


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"
    if _serving:
        _importable()
        from problems import PreviewWarnings

        logging.getLogger("mkdocs").addHandler(PreviewWarnings(lambda: _build))


@event_priority(AFTER_I18N)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _pipeline, _build
    if not config.plugins["i18n"].building:  # the first language pass: a new build
        _build = None
        if _pipeline is None or _serving:
            _pipeline = _fresh_pipeline()
        _build = _pipeline.start(config, _serving)
    _pipeline.on_config(_build)
    return config


@event_priority(AFTER_I18N)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    return _pipeline.on_files(_build, files)


@event_priority(AFTER_I18N)
def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    return _pipeline.on_env(_build, env)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return _pipeline.on_page_markdown(_build, page, markdown)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return _pipeline.on_page_content(_build, page, html)


@event_priority(AFTER_I18N)  # after mkdocs-static-i18n's context (priority 50)
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    return _pipeline.on_page_context(_build, page, context)


@event_priority(LAST)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return _pipeline.on_post_page(_build, page, output)


@event_priority(LAST)
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    return _pipeline.on_post_template(_build, template_name, output_content)


def on_post_build(config: MkDocsConfig) -> None:  # before mkdocs-static-i18n builds the next language
    global _build
    if _pipeline.on_post_build(_build):
        _build = None  # the last pass: the build is over


def _fresh_pipeline():
    """pipeline.py and every module under hooks/ it uses, imported anew (this file excepted)."""
    this = Path(__file__).resolve()
    for name, module in list(sys.modules.items()):
        path = getattr(module, "__file__", None)
        if path and Path(path).resolve().is_relative_to(HOOKS) and Path(path).resolve() != this:
            del sys.modules[name]
    _importable()
    importlib.invalidate_caches()
    return importlib.import_module("pipeline")


def _importable() -> None:
    """MkDocs puts this folder on the import path only while it loads this file."""
    if str(HOOKS) not in sys.path:
        sys.path.insert(0, str(HOOKS))
