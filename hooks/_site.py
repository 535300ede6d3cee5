"""What every hook needs from MkDocs' config: the languages, the one being built, the project's data.

Not a hook itself (it is not listed in mkdocs.yml); the hooks import it. It is the
only place that knows how mkdocs-static-i18n exposes its state.
"""

from __future__ import annotations

import os
import subprocess
from datetime import UTC, date, datetime
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


def today() -> date:
    """The build's idea of today, for telling past from upcoming; SOURCE_DATE_EPOCH pins it."""
    return source_date_epoch().date() if "SOURCE_DATE_EPOCH" in os.environ else date.today()  # noqa: DTZ011


def source_date_epoch() -> datetime:
    return datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), tz=UTC)


_revision_times: dict[tuple[str, int], datetime] = {}


def revision_time(config: MkDocsConfig, relative: str) -> datetime:
    """When a source file last changed: SOURCE_DATE_EPOCH, else its last commit, else its modification time.

    Feeds and calendars stamp their entries with this instead of the clock, so the
    same sources give the same bytes. One git call per file and build, not per page.
    """
    if "SOURCE_DATE_EPOCH" in os.environ:
        return source_date_epoch()
    path = project_root(config) / relative
    key = (str(path), path.stat().st_mtime_ns)
    if key not in _revision_times:
        _revision_times[key] = _git_time(path) or datetime.fromtimestamp(path.stat().st_mtime, tz=UTC).replace(
            microsecond=0
        )
    return _revision_times[key]


def _git_time(path: Path) -> datetime | None:
    try:
        status = subprocess.run(
            ["git", "status", "--porcelain", "--", path.name],
            cwd=path.parent,
            capture_output=True,
            text=True,
            check=True,
        )
        if status.stdout.strip():
            return None  # edited since the last commit: the file's own time is the truth
        log = subprocess.run(
            ["git", "log", "-1", "--format=%ct", "--", path.name],
            cwd=path.parent,
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    stamp = log.stdout.strip()
    return datetime.fromtimestamp(int(stamp), tz=UTC) if stamp else None
