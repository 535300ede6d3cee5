"""What partners write and upload, checked to be safe to publish before anything is built.

One call, once per build, over docs/ and data/: safe file names (cisotra.names),
uploads that would run on the site's address (cisotra.uploads), photos that tell a
place or a person (cisotra.photometadata), HTML in Markdown that could run or load
something (cisotra.markdownhtml), and the site's own or private addresses written into
pages and data (cisotra.siteaddress). Every problem comes back at once, with the others
the data loaders find, so a partner fixes them all in one go.
"""

from __future__ import annotations

import hashlib
import posixpath
from dataclasses import dataclass, field
from pathlib import Path

from .cachefiles import write_atomically
from .casing import miscased
from .errors import DataError, Problem
from .frontmatter import front_matter_lines
from .markdownhtml import Address, check_page, markdown_renderer, markdown_version, url_scheme
from .names import check_names
from .paths import page_site_path
from .photometadata import check_photos
from .siteaddress import (
    SiteAddresses,
    check_data_addresses,
    deploy_problem,
    is_private,
    own_link_message,
    private_message,
    relative_instead,
)
from .uploads import check_uploads
from .yamlfile import load_text


@dataclass(frozen=True)
class SourceRules:
    """What the checks need to know of the site engine's configuration."""

    site_url: str
    markdown_extensions: list = field(default_factory=list)  # as the engine renders pages
    markdown_configs: dict = field(default_factory=dict)
    deploy: bool = False  # a build for publishing: its own address must be public
    cache: Path | None = None  # a folder where the pages found clean are remembered between builds


def check_sources(root: Path, docs: Path, codes: tuple[str, ...], rules: SourceRules) -> list[Problem]:
    """Every problem of what partners wrote and uploaded; `codes` lists the default language first."""
    site = SiteAddresses(rules.site_url)
    problems = []
    if rules.deploy:
        problem = deploy_problem(rules.site_url, Path("mkdocs.yml"))
        if problem is not None:
            problems.append(problem)
    problems += check_names(docs, codes, root)
    problems += check_uploads(docs, root)
    problems += check_photos(docs, root)
    problems += _check_pages(root, docs, codes, rules, site)
    problems += _check_data(root, docs, codes, site)
    return problems


def _check_pages(
    root: Path, docs: Path, codes: tuple[str, ...], rules: SourceRules, site: SiteAddresses
) -> list[Problem]:
    render = markdown_renderer(rules.markdown_extensions, rules.markdown_configs)
    clean = _CleanPages(rules, docs)
    problems = []
    for path in sorted(docs.rglob("*.md")):
        source = path.relative_to(docs).as_posix()
        text = path.read_text(encoding="utf-8")
        if clean.has(source, text):
            continue
        shown = path.relative_to(root)
        found = check_page(text, shown, render, _address_rule(source, docs, codes, site))
        found += _front_matter_addresses(text, shown, docs, codes, site)
        if not found:
            clean.add(source, text)
        problems += found
    clean.save()
    return problems


class _CleanPages:
    """The pages found clean by an earlier build, remembered with everything their check depends on: the
    page's path and text, the rules, the names of every file under docs/ (a link's target may appear or
    change case) and the checks' own code. Rendering every page again costs seconds at ten times today's content."""

    def __init__(self, rules: SourceRules, docs: Path) -> None:
        self.file = rules.cache / "clean-pages.txt" if rules.cache else None
        parts = [repr((rules.site_url, rules.markdown_extensions, rules.markdown_configs)), markdown_version()]
        parts += sorted(path.relative_to(docs).as_posix() for path in docs.rglob("*"))
        parts += [(Path(__file__).parent / name).read_text(encoding="utf-8") for name in _CHECK_MODULES]
        self.fingerprint = hashlib.sha256("\0".join(parts).encode()).hexdigest()
        self.known: set[str] = set()
        if self.file and self.file.is_file():
            first, *keys = self.file.read_text(encoding="utf-8").split("\n")
            if first == self.fingerprint:
                self.known = set(keys)
        self.found: set[str] = set()

    @staticmethod
    def _key(source: str, text: str) -> str:
        return hashlib.sha256(f"{source}\0{text}".encode()).hexdigest()

    def has(self, source: str, text: str) -> bool:
        key = self._key(source, text)
        if key in self.known:
            self.found.add(key)
            return True
        return False

    def add(self, source: str, text: str) -> None:
        self.found.add(self._key(source, text))

    def save(self) -> None:
        if self.file is None or self.found == self.known:
            return
        write_atomically(self.file, "\n".join([self.fingerprint, *sorted(self.found)]).encode("utf-8"))


_CHECK_MODULES = (
    "sources.py",
    "markdownhtml.py",
    "markdownlines.py",
    "siteaddress.py",
    "casing.py",
    "urls.py",
    "paths.py",
)


def _address_rule(source: str, docs: Path, codes: tuple[str, ...], site: SiteAddresses):
    """For one Markdown file: the problem with an address written in it, if any."""
    first, _, rest = source.partition("/")
    prefix = "" if first == codes[0] else f"{first}/"
    page = page_site_path(prefix, rest) if first in codes else ""

    def problem(address: Address) -> tuple[str, str] | None:
        field = "image" if address.attribute in ("src", "srcset") else "link"
        site_path = site.site_path(address.value)
        if site_path is not None:
            instead = relative_instead(address.value, site_path, source, page, docs, codes)
            return field, own_link_message(address.value, instead)
        if is_private(address.value):
            return field, private_message(address.value)
        if _is_relative_file(address.value):  # pages (.md) are checked with the other page links (cisotra.links)
            wrong = miscased(docs, posixpath.dirname(source), address.value)
            if wrong:
                return field, wrong
        return None

    return problem


def _is_relative_file(value: str) -> bool:
    path = value.split("#", 1)[0].split("?", 1)[0]
    return bool(path) and url_scheme(value) is None and not value.startswith(("/", "\\")) and not path.endswith(".md")


def _front_matter_addresses(text: str, shown: Path, docs: Path, codes, site: SiteAddresses) -> list[Problem]:
    lines = text.split("\n")
    taken = front_matter_lines(text)
    if taken is None:
        return []  # no front matter: the page's text is checked as Markdown
    end = taken - 1
    if "//" not in "\n".join(lines[1:end]):
        return []
    try:
        meta = load_text("\n".join(lines[1:end]), shown, first_line=2)
    except DataError:
        return []  # the loaders of posts and issues report it
    return check_data_addresses(meta, lines, shown, site, docs, codes)


def _check_data(root: Path, docs: Path, codes: tuple[str, ...], site: SiteAddresses) -> list[Problem]:
    problems = []
    data = root / "data"
    for path in sorted(data.rglob("*.yml")) if data.is_dir() else []:
        text = path.read_text(encoding="utf-8")
        if "//" not in text:
            continue
        shown = path.relative_to(root)
        try:
            value = load_text(text, shown)
        except DataError:
            continue  # the file's own loader reports it
        problems += check_data_addresses(value, text.split("\n"), shown, site, docs, codes)
    return problems
