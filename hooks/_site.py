"""What every hook needs from MkDocs' config: the languages, the one being built, the project's data.

Not a hook itself (it is not listed in mkdocs.yml); the hooks import it. It is the
only place that knows how mkdocs-static-i18n exposes its state.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import itertools
import json
import os
import re
import subprocess
import time
from collections import defaultdict
from datetime import UTC, date, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from cisotra.context import Context
from cisotra.errors import DataError
from cisotra.languages import SiteLanguage, build_languages
from cisotra.project import Project, load_project

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files


class _LanguageTable:
    """The site's languages as one configuration declares them, looked up by code."""

    def __init__(self, languages: list[SiteLanguage]) -> None:
        self.languages = languages
        self.by_code = {language.code: language for language in languages}
        self.default = next(language for language in languages if language.default)
        self.built: dict[tuple[str, ...], tuple[SiteLanguage, ...]] = {}


_tables: dict[tuple[int, int], _LanguageTable] = {}


def _table(config: MkDocsConfig) -> _LanguageTable:
    """Worked out once per configuration: the hooks ask for languages many times per page."""
    i18n = config.plugins["i18n"]
    key = (id(config), id(i18n.config))
    table = _tables.get(key)
    if table is None:
        entries = [(lang.locale, lang.name, lang.default) for lang in i18n.config.languages if lang.locale != "null"]
        try:
            table = _tables[key] = _LanguageTable(build_languages(entries, dict(config.extra.get("lang_tags") or {})))
        except ValueError as error:
            raise PluginError(f"mkdocs.yml: {error}") from None
    return table


def languages(config: MkDocsConfig) -> list[SiteLanguage]:
    """The site's languages."""
    return _table(config).languages


def built_languages(config: MkDocsConfig) -> tuple[SiteLanguage, ...]:
    """The languages this build makes (all, or the one `./run serve si` asks for)."""
    table = _table(config)
    codes = tuple(config.plugins["i18n"].build_languages)
    built = table.built.get(codes)
    if built is None:
        built = table.built[codes] = tuple(language for language in table.languages if language.code in codes)
    return built


def current(config: MkDocsConfig) -> SiteLanguage:
    return _table(config).by_code[config.plugins["i18n"].current_language]


def default(config: MkDocsConfig) -> SiteLanguage:
    return _table(config).default


def project_root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


_loaded: dict[int, Project] = {}
_build_moment: dict[int, datetime] = {}


def load(config: MkDocsConfig) -> Project:
    """Read and validate the data (again only if a file changed); called once per language pass.

    A mistake stops the build with every problem listed. With CISOTRA_ANNOTATIONS=1
    (set in CI) each problem is also printed as a GitHub annotation on its file and line.
    """
    if config.plugins["i18n"].building and id(config) in _loaded:
        # A later language pass of the same build: the files were checked by the first pass.
        return _loaded[id(config)]
    _build_moment[id(config)] = datetime.now(tz=UTC)
    codes = tuple(language.code for language in languages(config))
    zone = str(config.extra.get("timezone") or "UTC")
    try:
        with _collector_paused():
            _loaded[id(config)] = load_project(
                project_root(config), Path(config.docs_dir), codes, default(config).code, zone
            )
    except DataError as error:
        if os.environ.get("CISOTRA_ANNOTATIONS"):
            for problem in error.problems:
                print(problem.github_annotation(), flush=True)  # noqa: T201 - GitHub reads annotations from stdout
        raise PluginError(str(error)) from None
    return _loaded[id(config)]


@contextlib.contextmanager
def _collector_paused():
    """Reading thousands of files makes many objects that all live on, and no garbage; the
    garbage collector would only walk them again and again (a quarter of the loading time)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def project(config: MkDocsConfig) -> Project:
    """The data loaded for this build (see `load`)."""
    return _loaded.get(id(config)) or load(config)


def today() -> date:
    """The build's idea of today, for telling past from upcoming; SOURCE_DATE_EPOCH pins it."""
    return source_date_epoch().date() if "SOURCE_DATE_EPOCH" in os.environ else date.today()  # noqa: DTZ011


def now(config: MkDocsConfig | None = None) -> datetime:
    """The build's moment, for holding back posts dated in the future; SOURCE_DATE_EPOCH pins it.

    Every language pass of one build sees the same moment, so no post appears in one
    language's pages and not another's because the clock moved on between passes.
    """
    if "SOURCE_DATE_EPOCH" in os.environ:
        return source_date_epoch()
    if config is not None and id(config) in _build_moment:
        return _build_moment[id(config)]
    return datetime.now(tz=UTC)


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


def alternate(site_path: str, locale: str | None) -> SimpleNamespace:
    """What the language hook and the sitemap read from a file's alternates: its URL, and
    its language when it is a real translation (None: only a place to land in that language)."""
    return SimpleNamespace(url=site_path, locale=locale)


def add_generated(config: MkDocsConfig, files: Files, src_uri: str, markdown: str, alternates: dict) -> None:
    """Add a page made by a hook to this language pass, with its language versions."""
    file = File.generated(config, src_uri, content=markdown)
    file.locale = current(config).code
    file.alternates = alternates
    files.append(file)


def record_pages(config: MkDocsConfig, files: Files) -> None:
    """mkdocs-static-i18n's sitemap lists what it recorded for this language; record the final set."""
    config.plugins["i18n"].i18n_files_per_language[current(config).code] = files.documentation_pages()


def context(config: MkDocsConfig, page_url: str = "", text_code: str | None = None) -> Context:
    """The language pass's view for renderers: links relative to `page_url`, texts in `text_code` (default: the pass's language).

    A page shown from the default language gets its generated parts in that language
    too, since they sit inside its lang-marked text; links stay in the pass's language.
    """
    language = current(config)
    by_code = {lang.code: lang for lang in languages(config)}
    text_language = by_code.get(text_code or language.code, language)
    reference = default(config)
    return Context(
        code=text_language.code,
        tag=text_language.tag,
        reference=reference.code,
        reference_tag=reference.tag,
        words=project(config).strings.table(text_language.code),
        today=today(),
        prefix=language.prefix,
        page=page_url,
        raw=html_block,
    )


# ---------------------------------------------------------------------------
# Generated HTML skips the Markdown parser. Python-Markdown reads every raw HTML block
# with two HTML parsers (its own, and MkDocs' anchor check); on the pages the hooks fill
# with lists (timeline, work packages, news) that was a third of their rendering time,
# for HTML that needs nothing from Markdown. The hooks write a stand-in comment instead,
# and generated_html_hook puts the HTML back once the page is rendered: before the
# search index reads the page, or after it for lists that repeat what other pages say
# (a work package's activities are found on the timeline, posts on their own pages).

_html_blocks: dict[str, str] = {}
_block_numbers = itertools.count()
_STAND_IN = {True: "cisotra-html", False: "cisotra-html-unindexed"}
_STAND_IN_PATTERN = {indexed: re.compile(rf"<!--{name}:(\d+)-->") for indexed, name in _STAND_IN.items()}


def html_block(html: str, searchable: bool = True) -> str:
    """A stand-in for `html` in generated Markdown; it must stand as a block of its own."""
    number = str(next(_block_numbers))
    _html_blocks[number] = html
    return f"<!--{_STAND_IN[searchable]}:{number}-->"


def restore_html(html: str, searchable: bool) -> str:
    """`html` with the generated HTML of one kind (searchable or not) in place of its stand-ins."""
    if f"<!--{_STAND_IN[searchable]}:" not in html:
        return html  # most pages: a substring search is far quicker than the regex over a whole page
    return _STAND_IN_PATTERN[searchable].sub(lambda match: _html_blocks.pop(match.group(1)), html)


# ---------------------------------------------------------------------------
# Time spent in the project's hooks, measured inside the build for bench/: with
# CISOTRA_TIMINGS=path set, the totals per hook event are written there as JSON.

_timings: dict[str, float] = defaultdict(float)


def timed(function):
    """Add the wrapped hook event's running time to the build's totals."""
    name = f"{function.__module__}.{function.__name__}"

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            _timings[name] += time.perf_counter() - start

    return wrapper


_passes: list[tuple[str, float]] = []


def start_pass(code: str) -> None:
    """Note when a language's pass begins (its on_config), to time each pass."""
    _passes.append((code, time.perf_counter()))


def write_timings() -> None:
    if path := os.environ.get("CISOTRA_TIMINGS"):
        ends = [start for _, start in _passes[1:]] + [time.perf_counter()]
        passes = {code: end - start for (code, start), end in zip(_passes, ends, strict=True)}
        report = {"hooks": dict(sorted(_timings.items())), "passes": passes}
        Path(path).write_text(json.dumps(report, indent=1), encoding="utf-8")
