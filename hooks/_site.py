"""The adapter between MkDocs (with mkdocs-static-i18n) and the plain-Python core in `cisotra/`.

Not a hook itself (it is not listed in mkdocs.yml); the hooks import it. Two things
live here and nowhere else:

- **The state of one build.** A `SiteBuild` is made when a build starts (the first
  language pass of `mkdocs build`, or of each rebuild of `mkdocs serve`), holds the
  loaded project, the build's moment, the language table and what the hooks hand each
  other per language, and is dropped when the build ends or the next one starts.
  Nothing else is kept between events in module globals: a rebuild never sees the
  previous build's data, and nothing grows from one rebuild to the next.
- **Every read and write of mkdocs-static-i18n's state**: the language being built, a
  file's language (`locale`), its path inside the language folder (`norm_src_uri`) and
  its language versions (`alternates`). An upgrade of the plugin, or a move to another
  engine, changes this file.

mkdocs-static-i18n builds each language in its own pass: the default language's pass
runs first and, from its `on_post_build` (priority -100), builds every other language
with the same configuration object. So every hook event runs once per language, and a
build ends when the first pass's last `on_post_build` returns.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import itertools
import json
import logging
import os
import re
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from cisotra.consortium import Consortium
from cisotra.context import Context
from cisotra.errors import DataError, Problem
from cisotra.home import partner_map as draw_partner_map
from cisotra.images import RASTER, WebImage, reason_to_process
from cisotra.images import web_image as make_web_image
from cisotra.languages import Alternate, SiteLanguage, build_languages, by_code
from cisotra.markup import front_matter, inline
from cisotra.pages import GeneratedPage
from cisotra.partnermap import load_basemap
from cisotra.project import Project, load_project
from cisotra.publication import Publication
from cisotra.searchindex import SKIP_END, SKIP_START
from cisotra.translations import Report, build_report, last_changes
from cisotra.urls import file_site_path

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


@dataclass(frozen=True)
class Registered:
    """A page a hook makes in one language pass, added to the pass's files in one place (site_hook)."""

    page: GeneratedPage
    alternates: dict[str, Alternate]  # by language code
    in_sitemap: bool = True


@dataclass(frozen=True)
class Feed:
    """A feed announced in every page's <head> of one language."""

    media_type: str
    title: str
    url: str  # site path


@dataclass
class Block:
    """Generated HTML waiting in a stand-in for its page to be rendered."""

    html: str
    searchable: bool
    page: str  # the site path of the page it belongs to
    generator: str
    restored: bool = False


@dataclass
class LanguagePass:
    """What the hooks hand each other while one language is built."""

    language: SiteLanguage
    generated: list[Registered] = field(default_factory=list)
    alternates: dict[str, dict[str, Alternate]] = field(default_factory=dict)  # by src_uri: set by hooks
    found_alternates: dict[str, dict[str, Alternate]] = field(default_factory=dict)  # by src_uri: mkdocs-static-i18n's
    feeds: list[Feed] = field(default_factory=list)
    rendered: dict[str, str] = field(default_factory=dict)  # a page's HTML that feeds or e-mails reuse
    unlisted: set[str] = field(default_factory=set)  # src_uris of generated pages kept out of the sitemap
    sitemap: list[tuple[str, list[tuple[str, str]]]] = field(default_factory=list)  # (site path, [(tag, path)])
    # cisotra.searchindex.Document of each page of this language that search finds
    searchable: list = field(default_factory=list)
    started: float = field(default_factory=time.perf_counter)


@dataclass
class SiteBuild:
    """Everything one build knows; see the module's docstring."""

    config: MkDocsConfig
    languages: list[SiteLanguage]
    moment: datetime  # SOURCE_DATE_EPOCH, or the clock when the build started: every pass sees the same
    project: Project | None = None
    passes: dict[str, LanguagePass] = field(default_factory=dict)
    blocks: dict[str, Block] = field(default_factory=dict)
    blocks_of_page: dict[str, list[Block]] = field(default_factory=dict)  # site path → its blocks, looked up per page
    block_numbers: itertools.count = field(default_factory=itertools.count)
    built_pages: dict = field(default_factory=dict)  # site path → cisotra.links.BuiltPage, for the link check
    memo: dict = field(default_factory=dict)  # per-build results a hook works out once for every pass
    revision_times: dict[str, datetime] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    problems: list[str] = field(default_factory=list)  # `./run serve`: what to show on every page
    built: list[SiteLanguage] | None = None  # the languages built (see built_languages)

    @property
    def today(self) -> date:
        return self.moment.date()

    @functools.cached_property
    def by_code(self) -> dict[str, SiteLanguage]:
        return by_code(self.languages)

    @functools.cached_property
    def default(self) -> SiteLanguage:
        return next(language for language in self.languages if language.default)


log = logging.getLogger("mkdocs.hooks.cisotra")

# The current build, and how the process was started (build or serve); nothing else.
_build: SiteBuild | None = None
_command: str = "build"


def note_command(command: str) -> None:
    """on_startup: `serve` shows a broken build's problems in the browser instead of stopping."""
    global _command
    _command = command
    if command == "serve":
        logging.getLogger("mkdocs").addHandler(PreviewWarnings())


def is_serving() -> bool:
    return _command == "serve"


def build(config: MkDocsConfig) -> SiteBuild:
    """This build's state, made on first use: a new configuration object means a new build
    (`mkdocs serve` loads the configuration again for every rebuild; the language passes of
    one build share it)."""
    global _build
    if _build is None or _build.config is not config:
        _build = None  # let the previous build's data go before loading the next
        _build = SiteBuild(config=config, languages=_languages(config), moment=_moment())
    return _build


def end_build(config: MkDocsConfig) -> None:
    global _build
    if _build is not None and _build.config is config:
        _build = None


def is_last_pass(config: MkDocsConfig) -> bool:
    """True in the first pass's on_post_build after mkdocs-static-i18n has built the other languages."""
    return not config.plugins["i18n"].building


def language_pass(config: MkDocsConfig) -> LanguagePass:
    state = build(config)
    code = config.plugins["i18n"].current_language
    if code not in state.passes:
        state.passes[code] = LanguagePass(state.by_code[code])
    return state.passes[code]


def _languages(config: MkDocsConfig) -> list[SiteLanguage]:
    i18n = config.plugins["i18n"]
    entries = [(lang.locale, lang.name, lang.default) for lang in i18n.config.languages if lang.locale != "null"]
    try:
        return build_languages(entries, dict(config.extra.get("lang_tags") or {}))
    except ValueError as error:
        raise PluginError(f"mkdocs.yml: {error}") from None


def standalone(root: Path) -> tuple[MkDocsConfig, list[SiteLanguage], datetime]:
    """For the scripts: the configuration and languages mkdocs.yml declares, and the moment a build now would have."""
    from mkdocs.config import load_config

    config = load_config(str(root / "mkdocs.yml"))
    return config, _languages(config), _moment()


def load_standalone(root: Path, moment: datetime | None = None) -> tuple[list[SiteLanguage], Project, datetime]:
    """For the scripts: the languages and the project's data, checked as a build at `moment` (default:
    now, or SOURCE_DATE_EPOCH) would check them."""
    config, languages, now_ = standalone(root)
    moment = moment or now_
    zone = str(config.extra.get("timezone") or "UTC")
    return languages, load_project(root, Path(config.docs_dir), languages, zone, moment.date()), moment


def _moment() -> datetime:
    if "SOURCE_DATE_EPOCH" in os.environ:
        return datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), tz=UTC)
    return datetime.now(tz=UTC)


# ---------------------------------------------------------------------------
# Languages


def languages(config: MkDocsConfig) -> list[SiteLanguage]:
    return build(config).languages


def built_languages(config: MkDocsConfig) -> list[SiteLanguage]:
    """The languages this build makes (all, or the one `./run serve si` asks for)."""
    state = build(config)
    if state.built is None:  # asked for by several hooks on every page: worked out once
        codes = set(config.plugins["i18n"].build_languages)
        state.built = [language for language in state.languages if language.code in codes]
    return state.built


def current(config: MkDocsConfig) -> SiteLanguage:
    return language_pass(config).language


def default(config: MkDocsConfig) -> SiteLanguage:
    return build(config).default


def text_language(page: Page, config: MkDocsConfig) -> SiteLanguage:
    """The language of a page's own text: the default language's on a page not yet translated."""
    state = build(config)
    return state.by_code.get(getattr(page.file, "locale", None), current(config))


def is_fallback(page: Page, config: MkDocsConfig) -> bool:
    """A page shown from the default language because the language being built has none of its own."""
    return text_language(page, config).code != current(config).code


def path_in_language(page: Page, config: MkDocsConfig) -> str:
    """The page's path inside its language folder: 'news/x.md' for docs/si/news/x.md."""
    file = page.file
    return getattr(file, "norm_src_uri", None) or file.src_uri.removeprefix(current(config).prefix)


def alternates(page: Page, config: MkDocsConfig) -> list[Alternate]:
    """The page's version in each language this build makes, in the languages' order."""
    pass_ = language_pass(config)
    src_uri = page.file.src_uri
    own = pass_.alternates.get(src_uri)
    if own is None:
        own = pass_.found_alternates.get(src_uri)
    if own is None:
        found = getattr(page.file, "alternates", {})
        by_code = build(config).by_code
        own = {
            code: Alternate(by_code[code], site_path(file.url), file.locale == code)
            for code, file in found.items()
            if code in by_code
        }
        pass_.found_alternates[src_uri] = own  # several hooks ask for each page's
    return [own[language.code] for language in built_languages(config) if language.code in own]


def set_alternates(config: MkDocsConfig, src_uri: str, versions: dict[str, Alternate]) -> None:
    """Give a page other language versions than mkdocs-static-i18n found (a post's translations)."""
    language_pass(config).alternates[src_uri] = versions


def site_path(url: str) -> str:
    """A page's URL as MkDocs gives it ('./' for the home page) as a site path ('')."""
    return "" if url in ("./", ".") else url


# ---------------------------------------------------------------------------
# The project's data, loaded once per build


def project(config: MkDocsConfig) -> Project:
    """The data of this build, read and checked on first use (the first language pass).

    A mistake stops the build with every problem listed. With CISOTRA_ANNOTATIONS=1
    (set in CI) each problem is also printed as a GitHub annotation on its file and line.
    While serving (`./run serve`), the files with mistakes are left out instead and the
    problems are shown at the top of every page, so the editor sees them in the browser.
    """
    state = build(config)
    if state.project is None:
        zone = str(config.extra.get("timezone") or "UTC")
        try:
            with _collector_paused():
                state.project = load_project(
                    project_root(config), Path(config.docs_dir), state.languages, zone, state.today, is_serving()
                )
        except DataError as error:
            fail(error.problems, fatal=True)
        if state.project.problems:
            fail(list(state.project.problems))
    return state.project


def fail(problems: list[Problem], fatal: bool = False) -> None:
    """Stop the build with problems a partner can act on (and GitHub annotations in CI). While
    serving, a problem that leaves something to show is shown in the browser instead."""
    if os.environ.get("CISOTRA_ANNOTATIONS"):
        for problem in problems:
            print(problem.github_annotation(), flush=True)  # noqa: T201 - GitHub reads annotations from stdout
    message = str(DataError(problems))
    if is_serving() and not fatal and _build is not None:
        log.error(message)
        _build.problems.extend(str(problem) for problem in problems)
        return
    raise PluginError(message)


def tell(notes: list[Problem]) -> None:
    """Report what a partner may want to fix without stopping the build: an info line each (a
    warning would fail the strict build), and with CISOTRA_ANNOTATIONS a notice on the file."""
    for note in notes:
        log.info(str(note))
        if os.environ.get("CISOTRA_ANNOTATIONS"):
            print(note.github_annotation("notice"), flush=True)  # noqa: T201 - GitHub reads annotations from stdout


class PreviewWarnings(logging.Handler):
    """While serving (not strict), MkDocs' own warnings are shown on the pages too."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)

    def emit(self, record: logging.LogRecord) -> None:
        if _build is not None and record.name != log.name:  # the project's own problems are added as they come
            _build.problems.append(record.getMessage())


_BANNER = re.compile(r"<!--cisotra-problems-->.*?<!--/cisotra-problems-->", re.S)
_BODY = re.compile(r"(<body[^>]*>)")


def with_problems(html: str) -> str:
    """`./run serve`: the page with the build's problems in a box at its top (as it is when there are none)."""
    if _build is None or not _build.problems:
        return html
    items = "".join(f"<li><code>{escape(problem)}</code></li>" for problem in dict.fromkeys(_build.problems))
    banner = (
        '<!--cisotra-problems--><div class="cisotra-build-problems" role="alert" style="background:#fde8e8;'
        'color:#5c0a0a;border:3px solid #b3261e;padding:1rem 1.5rem;margin:0;font:16px/1.5 system-ui,sans-serif">'
        "<p><strong>This preview has problems</strong> (a real build would stop here). Fix them in the files "
        f"named; the page reloads by itself.</p><ul>{items}</ul></div><!--/cisotra-problems-->"
    )
    return _BODY.sub(lambda match: match.group(1) + banner, _BANNER.sub("", html), count=1)


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


def project_root(config: MkDocsConfig) -> Path:
    return _folder_of(config.config_file_path)


@functools.lru_cache(maxsize=8)
def _folder_of(config_file: str) -> Path:
    """Resolved once per configuration file: pages ask for the project's folder thousands of times a build."""
    return Path(config_file).resolve().parent


def publication(config: MkDocsConfig) -> Publication:
    """What is published in which language at this build's moment (worked out once per build)."""
    state = build(config)
    if "publication" not in state.memo:
        state.memo["publication"] = Publication(project(config), state.moment)
    return state.memo["publication"]


def consortium(config: MkDocsConfig) -> Consortium:
    """The project's facts and partners (data/project.yml, data/partners.yml)."""
    loaded = project(config).consortium
    if loaded is None:  # only in a preview whose data has problems, which it shows
        raise PluginError("data/project.yml or data/partners.yml has problems (listed above)")
    return loaded


def web_image(config: MkDocsConfig, docs_path: str) -> WebImage | None:
    """A post's lead image in web sizes (None for a drawing, which needs none); made once per build."""
    images = build(config).memo.setdefault("images", {})
    if docs_path not in images:
        source = Path(config.docs_dir) / docs_path
        images[docs_path] = (
            make_web_image(source, _file_site_path(config, docs_path), image_cache(config), with_srcset=True)
            if source.suffix.lower() in RASTER
            else None
        )
    return images[docs_path]


def photo_to_replace(config: MkDocsConfig, docs_path: str) -> WebImage | None:
    """A photo that cannot be published as it is (too large, or with EXIF data), re-encoded; else None."""
    images = build(config).memo.setdefault("photos", {})
    if docs_path not in images:
        source = Path(config.docs_dir) / docs_path
        images[docs_path] = (
            make_web_image(source, _file_site_path(config, docs_path), image_cache(config), with_srcset=False)
            if reason_to_process(source)
            else None
        )
    return images[docs_path]


def partner_map(config: MkDocsConfig, ctx: Context) -> str:
    """The partner map in the context's language, drawn once per build and language."""
    memo = build(config).memo.setdefault("partner map", {})
    if ctx.code not in memo:
        if "basemap" not in memo:
            memo["basemap"] = load_basemap(project_root(config) / "data" / "map" / "basemap.json")
        memo[ctx.code] = draw_partner_map(consortium(config), memo["basemap"], ctx)
    return memo[ctx.code]


def translation_report(config: MkDocsConfig) -> Report:
    state = project(config)
    return build_report(
        state.posts,
        state.issues,
        state.codes,
        Path(config.docs_dir),
        last_changes(project_root(config)),
        now(config),
        state.warnings,
    )


def card_cache(config: MkDocsConfig) -> Path:
    """Where drawn share cards are kept between builds (not in git; see .gitignore)."""
    return project_root(config) / ".cache" / "cards"


def image_cache(config: MkDocsConfig) -> Path:
    """Where re-encoded photos are kept between builds (not in git; see .gitignore)."""
    return project_root(config) / ".cache" / "images"


def _file_site_path(config: MkDocsConfig, docs_path: str) -> str:
    return file_site_path(docs_path, default(config).code)


def now(config: MkDocsConfig) -> datetime:
    """The build's moment, for holding back posts dated in the future; SOURCE_DATE_EPOCH pins it.

    Every language pass of one build sees the same moment, so no post appears in one
    language's pages and not another's because the clock moved on between passes.
    """
    return build(config).moment


def today(config: MkDocsConfig) -> date:
    """The build's day, for telling past from upcoming; the same in every pass."""
    return build(config).today


def revision_time(config: MkDocsConfig, relative: str) -> datetime:
    """When a source file last changed: SOURCE_DATE_EPOCH, else its last commit, else its modification time.

    Feeds, calendars and structured data stamp their entries with this instead of the clock,
    so the same sources give the same bytes. One `git log` answers for every file under
    docs/ and data/, once per build.
    """
    state = build(config)
    if "SOURCE_DATE_EPOCH" in os.environ:
        return state.moment
    if relative not in state.revision_times:
        if "history" not in state.memo:
            root = project_root(config)
            state.memo["history"] = {**last_changes(root, "docs"), **last_changes(root, "data")}
        stamp = state.memo["history"].get(relative)
        path = project_root(config) / relative
        state.revision_times[relative] = (
            datetime.fromtimestamp(stamp, tz=UTC)
            if stamp is not None and stamp != float("inf")
            else datetime.fromtimestamp(path.stat().st_mtime, tz=UTC).replace(microsecond=0)
        )
    return state.revision_times[relative]


# ---------------------------------------------------------------------------
# Generated pages and feeds, registered by the hooks and added in one place (site_hook)


def source_uri(site_path: str, prefix: str) -> str:
    """What MkDocs is told a generated page's Markdown source is: a section's own page is its
    index ('si/news/' → 'si/news/index.md', as a written news/index.md would be); deeper pages
    are files ('si/news/page/2/' → 'si/news/page/2.md'). Either gives the page its site path."""
    rest = site_path[len(prefix) :].rstrip("/")
    return f"{prefix}{rest}/index.md" if "/" not in rest else f"{prefix}{rest}.md"


def add_page(
    config: MkDocsConfig, page: GeneratedPage, alternates: dict[str, Alternate], in_sitemap: bool = True
) -> None:
    """Register a page made from data in this language pass, with its versions in the other languages."""
    language_pass(config).generated.append(Registered(page, alternates, in_sitemap))


def add_registered_pages(config: MkDocsConfig, files: Files) -> None:
    """Add every page the hooks registered in this pass, in path order: the order of hooks in
    mkdocs.yml changes nothing in the output."""
    pass_ = language_pass(config)
    for item in sorted(pass_.generated, key=lambda registered: registered.page.site_path):
        src_uri = source_uri(item.page.site_path, pass_.language.prefix)
        files.append(File.generated(config, src_uri, content=_markdown(item.page)))
        pass_.alternates[src_uri] = item.alternates
        if not item.in_sitemap:
            pass_.unlisted.add(src_uri)


def _markdown(page: GeneratedPage) -> str:
    """The page as a Markdown source: front matter for MkDocs and Material, the title, the body."""
    fields = {"title": page.title, "description": page.description, **page.meta}
    if not page.searchable:
        fields["search"] = {"exclude": True}  # search_hook leaves such a page out of the index
    heading = inline(page.title) + (f' {{ lang="{page.meta["title_lang"]}" }}' if page.meta.get("title_lang") else "")
    return front_matter(**fields) + f"\n# {heading}\n\n{page.body}\n"


def is_generated(page: Page) -> bool:
    return page.file.generated_by is not None


def front_matter_lines(page: Page) -> int:
    """How many lines of the page's file come before its Markdown (the front matter block), so a
    line of `page.markdown` can be named by its line in the file."""
    if not page.file.abs_src_path:
        return 0
    lines = Path(page.file.abs_src_path).read_text(encoding="utf-8").split("\n")
    if not lines or lines[0].strip() != "---":
        return 0
    end = next((index for index, line in enumerate(lines[1:], start=1) if line.strip() in ("---", "...")), 0)
    # MkDocs drops the blank lines between the front matter and the text (mkdocs.utils.meta.get_data).
    blank = next((count for count, line in enumerate(lines[end + 1 :]) if line.strip()), 0)
    return end + 1 + blank


def is_post_source(file: File) -> bool:
    """A post's own file ('si/news/x.md'), not the news section's index."""
    parts = file.src_uri.split("/")
    return len(parts) == 3 and parts[1] == "news" and parts[2] != "index.md" and file.src_uri.endswith(".md")


def in_sitemap(page: Page, config: MkDocsConfig) -> bool:
    """Pages not yet translated are not announced, nor working pages for editors."""
    return not is_fallback(page, config) and page.file.src_uri not in language_pass(config).unlisted


def add_feed(config: MkDocsConfig, feed: Feed) -> None:
    language_pass(config).feeds.append(feed)


def feeds(config: MkDocsConfig) -> list[Feed]:
    """This language's feeds, in one order whatever the order of the hooks that registered them."""
    return sorted(language_pass(config).feeds, key=lambda feed: feed.url)


def keep_rendered(config: MkDocsConfig, key: str, html: str) -> None:
    language_pass(config).rendered[key] = html


def rendered(config: MkDocsConfig, key: str) -> str:
    return language_pass(config).rendered.get(key, "")


# ---------------------------------------------------------------------------
# Generated HTML skips the Markdown parser. Python-Markdown reads every raw HTML block
# with two HTML parsers (its own, and MkDocs' anchor check); on the pages the hooks fill
# with lists (timeline, work packages, news) that was a third of their rendering time,
# for HTML that needs nothing from Markdown. The hooks write a stand-in comment instead,
# and site_hook puts the HTML back once the page is rendered. A stand-in that does not
# come back (a Markdown extension that strips comments, say) stops the build, naming
# the page and the generator: nothing generated may vanish silently.

STAND_IN = "<!--cisotra-html:{}-->"
STAND_IN_START = "<!--cisotra-html:"
# Lists that repeat what other pages say are marked for the search index to skip (cisotra.searchindex).
UNSEARCHABLE = f'<div class="cisotra-unindexed">\n{SKIP_START}\n{{}}\n{SKIP_END}\n</div>'


def context(config: MkDocsConfig, page_url: str = "", text_code: str | None = None, generator: str = "") -> Context:
    """The language pass's view for renderers: links relative to `page_url`, texts in `text_code` (default: the pass's language).

    A page shown from the default language gets its generated parts in that language
    too, since they sit inside its lang-marked text; links stay in the pass's language.
    """
    state = build(config)
    language = current(config)
    text = state.by_code.get(text_code or language.code, language)
    return Context(
        code=text.code,
        tag=text.tag,
        default_code=state.default.code,
        default_tag=state.default.tag,
        strings=project(config).strings.table(text.code),
        today=state.today,
        prefix=language.prefix,
        page=page_url,
        tags={lang.code: lang.tag for lang in state.languages},
        keep_html=functools.partial(_stand_in, state, generator),
    )


def _stand_in(state: SiteBuild, generator: str, html: str, searchable: bool, page: str) -> str:
    """A stand-in for `html` in generated Markdown; it must stand as a block of its own."""
    number = str(next(state.block_numbers))
    block = Block(html, searchable, page, generator)
    state.blocks[number] = block
    state.blocks_of_page.setdefault(page, []).append(block)
    return STAND_IN.format(number)


def restore_html(config: MkDocsConfig, page: Page, html: str) -> str:
    """The rendered page with the generated HTML in place of its stand-ins."""
    state = build(config)
    if STAND_IN_START in html:
        html = _STAND_IN_PATTERN.sub(lambda match: _take(state, match.group(1), page), html)
    waiting = [block for block in state.blocks_of_page.get(page.url, ()) if not block.restored]
    if waiting:
        _lost(page, waiting)
    return html


def _take(state: SiteBuild, number: str, page: Page) -> str:
    block = state.blocks.get(number)
    if block is None:
        raise PluginError(
            f"{_page_name(page)}: a stand-in for generated HTML (number {number}) belongs to no generator"
        )
    if block.restored:
        raise PluginError(
            f"{_page_name(page)}: the generated HTML of {block.generator} was put into the page twice "
            "(a Markdown extension copied its stand-in comment)"
        )
    block.restored = True
    html, block.html = block.html, ""  # the page has it now
    return html if block.searchable else UNSEARCHABLE.format(html)


def _lost(page: Page, blocks: list[Block]) -> None:
    generators = ", ".join(sorted({block.generator or "a hook" for block in blocks}))
    raise PluginError(
        f"{_page_name(page)}: {len(blocks)} block(s) of generated HTML from {generators} never reached the page: "
        "their stand-in comments were removed while the Markdown was rendered (a Markdown extension that strips "
        "HTML comments?)"
    )


def check_no_stand_in(page: Page, output: str) -> None:
    """The written page holds no stand-in: everything generated arrived."""
    if STAND_IN_START in output:
        raise PluginError(f"{_page_name(page)}: a stand-in for generated HTML was left in the written page")


def check_all_restored(config: MkDocsConfig) -> None:
    """At the end of a pass: every block generated in it reached its page."""
    state = build(config)
    lost = [block for block in state.blocks.values() if not block.restored]
    if lost:
        pages = ", ".join(sorted({block.page or "(no page)" for block in lost}))
        generators = ", ".join(sorted({block.generator or "a hook" for block in lost}))
        raise PluginError(
            f"{len(lost)} block(s) of generated HTML from {generators} were made for pages that were never "
            f"rendered: {pages}"
        )
    state.blocks.clear()
    state.blocks_of_page.clear()


def _page_name(page: Page) -> str:
    return f"page {page.file.src_uri} ({page.url or '/'})"


_STAND_IN_PATTERN = re.compile(r"<!--cisotra-html:(\d+)-->")


# ---------------------------------------------------------------------------
# Time spent in the project's hooks, measured inside the build for bench/: with
# CISOTRA_TIMINGS=path set, the totals per hook event and each language pass's time
# are written there as JSON when the build ends.


def timed(function):
    """Add the wrapped hook event's running time to the build's totals."""
    name = f"{function.__module__}.{function.__name__}"

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            if _build is not None:
                _build.timings[name] += time.perf_counter() - start

    return wrapper


def write_timings(config: MkDocsConfig) -> None:
    path = os.environ.get("CISOTRA_TIMINGS")
    if not path:
        return
    state = build(config)
    starts = sorted((pass_.started, code) for code, pass_ in state.passes.items())
    ends = [start for start, _ in starts[1:]] + [time.perf_counter()]
    passes = {code: end - start for (start, code), end in zip(starts, ends, strict=True)}
    report = {"hooks": dict(sorted(state.timings.items())), "passes": passes}
    Path(path).write_text(json.dumps(report, indent=1), encoding="utf-8")
