"""What every hook needs from MkDocs' config: the languages, the one being built, the project's data.

Not a hook itself (it is not listed in mkdocs.yml); the hooks import it. It is the
only place that knows how mkdocs-static-i18n exposes its state.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

from cisotra.errors import DataError
from cisotra.languages import SiteLanguage, build_languages
from cisotra.project import Project, load_project

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


def languages(config: MkDocsConfig) -> list[SiteLanguage]:
    i18n = config.plugins["i18n"]
    entries = [(lang.locale, lang.name, lang.default) for lang in i18n.config.languages if lang.locale != "null"]
    try:
        return build_languages(entries, dict(config.extra.get("lang_tags") or {}))
    except ValueError as error:
        raise PluginError(f"mkdocs.yml: {error}") from None


def built_languages(config: MkDocsConfig) -> list[SiteLanguage]:
    built = set(config.plugins["i18n"].build_languages)
    return [language for language in languages(config) if language.code in built]


def current(config: MkDocsConfig) -> SiteLanguage:
    code = config.plugins["i18n"].current_language
    return next(language for language in languages(config) if language.code == code)


def default(config: MkDocsConfig) -> SiteLanguage:
    return next(language for language in languages(config) if language.default)


def project_root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def project(config: MkDocsConfig) -> Project:
    """The validated data; a mistake in it stops the build with every problem listed."""
    codes = tuple(language.code for language in languages(config))
    try:
        return load_project(project_root(config), codes, default(config).code)
    except DataError as error:
        raise PluginError(str(error)) from None
