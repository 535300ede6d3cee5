"""The state of one build: made when the build's first language pass starts, dropped when its last one ends.

Everything a build knows lives on one `SiteBuild`: the languages, the build's moment, the
project's data (read and checked once), and what the steps hand each other per language
pass (`LanguagePass`). The pipeline (pipeline.py) makes it and gives it to every step;
nothing is kept in module globals, so a rebuild of `./run serve` starts clean and nothing
grows from one rebuild to the next. A step that works something out once per build keeps
it in a dataclass of its own module, got with `site.feature(TheDataclass)`.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import os
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import _site
import problems as reporting
from cisotra.consortium import Consortium
from cisotra.context import Context
from cisotra.errors import DataError, Problem
from cisotra.languages import Alternate, SiteLanguage, by_code
from cisotra.pages import GeneratedPage
from cisotra.project import Project, load_project
from cisotra.publication import Publication
from cisotra.sources import SourceRules
from cisotra.translations import last_changes
from standins import StandIns

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

T = TypeVar("T")


@dataclass(frozen=True)
class Registered:
    """A page a step makes in one language pass, added to the pass's files by the pipeline."""

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
class LanguagePass:
    """What the steps hand each other while one language is built."""

    language: SiteLanguage
    generated: list[Registered] = field(default_factory=list)
    alternates: dict[str, dict[str, Alternate]] = field(default_factory=dict)  # by src_uri: set by steps
    found_alternates: dict[str, dict[str, Alternate]] = field(default_factory=dict)  # by src_uri: the engine's
    feeds: list[Feed] = field(default_factory=list)
    rendered: dict[str, str] = field(default_factory=dict)  # a page's HTML that feeds or e-mails reuse
    unlisted: set[str] = field(default_factory=set)  # src_uris of generated pages kept out of the sitemap
    sitemap: list[tuple[str, list[tuple[str, str]]]] = field(default_factory=list)  # (site path, [(tag, path)])
    started: float = field(default_factory=time.perf_counter)


class SiteBuild:
    """Everything one build knows; see the module's docstring."""

    def __init__(self, config: MkDocsConfig, serving: bool) -> None:
        self.config = config
        self.serving = serving  # `./run serve`: problems are shown on the pages instead of stopping the build
        self.languages = _site.languages(config)
        self.by_code = by_code(self.languages)
        self.default = next(language for language in self.languages if language.default)
        self.moment = _site.build_moment()  # every pass sees the same moment
        self.root = Path(config.config_file_path).resolve().parent
        # What builds keep for the next (share cards, photos' web versions, the checks' results):
        # .cache/ of the project, or the folder CISOTRA_CACHE names (the test suite's builds share one).
        self.cache = Path(os.environ.get("CISOTRA_CACHE") or self.root / ".cache")
        self.first_code = _site.current_code(config)
        codes = set(_site.built_codes(config))
        self.built = [language for language in self.languages if language.code in codes]
        self.order = _site.pass_order(self.first_code, [language.code for language in self.built])
        self.passes: dict[str, LanguagePass] = {}
        self.problems: list[str] = []  # `./run serve`: what to show on every page
        self.timings: dict[str, float] = defaultdict(float)
        self.standins = StandIns()
        self._project: Project | None = None
        self._features: dict[type, object] = {}
        self._revisions: dict[str, datetime] = {}
        self._history: dict[str, float] | None = None

    # -----------------------------------------------------------------------
    # The language passes

    def begin_pass(self) -> LanguagePass:
        code = _site.current_code(self.config)
        self.passes[code] = LanguagePass(self.by_code[code])
        return self.passes[code]

    @property
    def current(self) -> LanguagePass:
        return self.passes[_site.current_code(self.config)]

    @property
    def language(self) -> SiteLanguage:
        """The language this pass builds."""
        return self.current.language

    def is_last_pass(self) -> bool:
        return _site.current_code(self.config) == self.order[-1]

    def builds_every_language(self) -> bool:
        """False when `./run serve si` builds one language alone: links to the others cannot be followed."""
        return len(self.built) == len(self.languages)

    # -----------------------------------------------------------------------
    # The build's moment and paths

    @property
    def today(self) -> date:
        return self.moment.date()

    @property
    def site_url(self) -> str:
        return self.config.site_url or ""

    @property
    def site_dir(self) -> Path:
        return Path(self.config.site_dir)

    @property
    def docs_dir(self) -> Path:
        return Path(self.config.docs_dir)

    def write(self, site_path: str, content: bytes) -> None:
        """A file the steps make besides the pages (a feed, a calendar), written into the site."""
        target = self.site_dir / site_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)

    def revision_time(self, relative: str) -> datetime:
        """When a source file last changed: SOURCE_DATE_EPOCH, else its last commit, else its modification time.

        Feeds, calendars and structured data stamp their entries with this instead of the clock,
        so the same sources give the same bytes. One `git log` answers for every file under
        docs/ and data/, once per build.
        """
        if "SOURCE_DATE_EPOCH" in os.environ:
            return self.moment
        if relative not in self._revisions:
            if self._history is None:
                self._history = {**last_changes(self.root, "docs"), **last_changes(self.root, "data")}
            stamp = self._history.get(relative)
            path = self.root / relative
            self._revisions[relative] = (
                datetime.fromtimestamp(stamp, tz=UTC)
                if stamp is not None and stamp != float("inf")
                else datetime.fromtimestamp(path.stat().st_mtime, tz=UTC).replace(microsecond=0)
            )
        return self._revisions[relative]

    # -----------------------------------------------------------------------
    # The project's data, read and checked once per build

    @property
    def project(self) -> Project:
        """The data of this build, read and checked on first use (the first language pass).

        A mistake stops the build with every problem listed (and GitHub annotations in CI).
        While serving, the files with mistakes are left out instead and the problems are shown
        at the top of every page, so the editor sees them in the browser.
        """
        if self._project is None:
            zone = str(self.config.extra.get("timezone") or "UTC")
            try:
                with _collector_paused():
                    self._project = load_project(
                        self.root,
                        self.docs_dir,
                        self.languages,
                        zone,
                        self.today,
                        self.serving,
                        self.source_rules(),
                    )
            except DataError as error:
                self.fail(error.problems, fatal=True)
            if self._project.problems:
                self.fail(list(self._project.problems))
        return self._project

    def source_rules(self) -> SourceRules:
        """What the checks of partners' files need from the configuration; CISOTRA_DEPLOY=1 (the workflow's
        build for GitHub Pages) marks a build for publishing, whose site_url must be a public address."""
        return SourceRules(
            site_url=self.site_url,
            markdown_extensions=list(self.config.markdown_extensions),
            markdown_configs=dict(self.config.mdx_configs),
            deploy=os.environ.get("CISOTRA_DEPLOY") == "1",
            cache=self.cache / "checks",
        )

    @functools.cached_property
    def publication(self) -> Publication:
        """What is published in which language at this build's moment."""
        return Publication(self.project, self.moment)

    @property
    def consortium(self) -> Consortium:
        loaded = self.project.consortium
        if loaded is None:  # only in a preview whose data has problems, which it shows
            self.fail(
                [Problem(Path("data"), None, None, "data/project.yml or data/partners.yml has problems")], fatal=True
            )
        return loaded

    def fail(self, problems: list[Problem], fatal: bool = False) -> None:
        reporting.fail(self, problems, fatal)

    def feature(self, kind: Callable[[], T]) -> T:
        """The state a feature keeps for this build (an instance of its own dataclass), made on first use."""
        if kind not in self._features:
            self._features[kind] = kind()
        return self._features[kind]

    # -----------------------------------------------------------------------
    # A page's languages

    def context(self, page_url: str = "", text_code: str | None = None, generator: str = "") -> Context:
        """This pass's view for the renderers: links relative to `page_url`, texts in `text_code`
        (default: the pass's language).

        A page shown from the default language gets its generated parts in that language
        too, since they sit inside its lang-marked text; links stay in the pass's language.
        """
        language = self.language
        text = self.by_code.get(text_code or language.code, language)
        return Context(
            code=text.code,
            tag=text.tag,
            default_code=self.default.code,
            default_tag=self.default.tag,
            strings=self.project.strings.table(text.code),
            today=self.today,
            prefix=language.prefix,
            page=page_url,
            tags={lang.code: lang.tag for lang in self.languages},
            keep_html=functools.partial(self.standins.stand_in, generator),
        )

    def text_language(self, page: Page) -> SiteLanguage:
        """The language of a page's own text: the default language's on a page not yet translated."""
        return self.by_code.get(_site.page_code(page), self.language)

    def is_fallback(self, page: Page) -> bool:
        """A page shown from the default language because the language being built has none of its own."""
        return self.text_language(page).code != self.language.code

    def path_in_language(self, page: Page) -> str:
        return _site.path_in_language(page, self.language.prefix)

    def alternates(self, page: Page) -> list[Alternate]:
        """The page's version in each language this build makes, in the languages' order."""
        current = self.current
        src_uri = page.file.src_uri
        own = current.alternates.get(src_uri)
        if own is None:
            own = current.found_alternates.get(src_uri)
        if own is None:
            own = current.found_alternates[src_uri] = _site.found_alternates(page, self.by_code)
        return [own[language.code] for language in self.built if language.code in own]

    def set_alternates(self, src_uri: str, versions: dict[str, Alternate]) -> None:
        """Give a page other language versions than the engine found (a post's translations)."""
        self.current.alternates[src_uri] = versions

    def in_sitemap(self, page: Page) -> bool:
        """Pages not yet translated are not announced, nor working pages for editors."""
        return not self.is_fallback(page) and page.file.src_uri not in self.current.unlisted

    # -----------------------------------------------------------------------
    # What steps hand each other in a pass

    def add_page(self, page: GeneratedPage, alternates: dict[str, Alternate], in_sitemap: bool = True) -> None:
        """Register a page made from data in this pass, with its versions in the other languages."""
        self.current.generated.append(Registered(page, alternates, in_sitemap))

    def add_feed(self, feed: Feed) -> None:
        self.current.feeds.append(feed)

    def feeds(self) -> list[Feed]:
        """This language's feeds, in one order whatever the order of the steps that registered them."""
        return sorted(self.current.feeds, key=lambda feed: feed.url)

    def keep_rendered(self, key: str, html: str) -> None:
        self.current.rendered[key] = html

    def rendered(self, key: str) -> str:
        return self.current.rendered.get(key, "")

    # -----------------------------------------------------------------------

    def run(self, step: Callable, *args):
        """Run a step, adding its time to the build's totals (CISOTRA_TIMINGS; see bench/)."""
        start = time.perf_counter()
        try:
            return step(self, *args)
        finally:
            self.timings[f"{step.__module__}.{step.__name__}"] += time.perf_counter() - start


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
