"""Links between pages: found in the Markdown, localised where a translation is missing, and checked.

Three things happen to a link a partner writes:

1. At load time, every link to another Markdown file (`../news/2018-05-15-x.md`) must
   lead to a page that exists in the page's own language or in the default language:
   otherwise the build stops naming the file, line and language.
2. On a page of language X, a link to a page that exists in the default language only
   (an English-only post, say) goes to the default language's page, marked as being in
   that language. Such a page is not published under X's prefix, so the link would lead
   nowhere.
3. At the end of the build, every link in every page's text must reach a file the build
   wrote, and every `#anchor` an id on that page (`check_built_links`).
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from .casing import case_mismatch, corrected_link, exact_file
from .casing import message as case_message
from .errors import Problem

# [text](target "title") and [id]: target; the target is group "target".
_INLINE = re.compile(r"\]\(\s*<?(?P<target>[^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(?P<target>\S+?)>?(?:\s+.*)?$")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_HREF = re.compile(r'<a\s[^>]*?href="([^"]*)"')
_ID = re.compile(r'\sid="([^"]+)"')
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


@dataclass(frozen=True)
class MarkdownLink:
    line: int  # 1-based, within the text given
    start: int  # offsets of the target in the whole text
    end: int
    target: str
    after: int | None = None  # offset just after an inline link's closing parenthesis

    @property
    def path(self) -> str:
        return self.target.split("#", 1)[0]

    @property
    def fragment(self) -> str:
        return self.target.split("#", 1)[1] if "#" in self.target else ""

    @property
    def is_page(self) -> bool:
        """A relative link to another Markdown file, which the site engine turns into the page's address."""
        return not _SCHEME.match(self.target) and not self.target.startswith(("/", "#")) and self.path.endswith(".md")


def markdown_links(markdown: str) -> Iterator[MarkdownLink]:
    """The link targets of a Markdown text, outside fenced code blocks."""
    offset = 0
    fenced = False
    for number, line in enumerate(markdown.split("\n"), start=1):
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced:
            reference = _REFERENCE.match(line)
            matches = [reference] if reference else _INLINE.finditer(line)
            for match in matches:
                after = None if reference else offset + match.end()
                yield MarkdownLink(
                    number, offset + match.start("target"), offset + match.end("target"), match["target"], after
                )
        offset += len(line) + 1


def replace_links(markdown: str, replacements: dict[MarkdownLink, tuple[str, str]]) -> str:
    """`markdown` with the given links' targets replaced and text put right after each inline link:
    {link: (new target, text after the link)}. Works from the end, so offsets stay right."""
    for link in sorted(replacements, key=lambda item: item.start, reverse=True):
        target, after = replacements[link]
        if after and link.after is not None:
            markdown = markdown[: link.after] + after + markdown[link.after :]
        markdown = markdown[: link.start] + target + markdown[link.end :]
    return markdown


def resolve(source: str, target_path: str) -> str:
    """The path, inside a language folder, that a relative link from `source` ('news/x.md') leads to."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target_path))


def only_in_default_language(
    markdown: str, source: str, code: str, default_code: str, has_page: Callable[[str, str], bool]
) -> list[tuple[MarkdownLink, str]]:
    """The links of a page built in language `code` whose target the default language publishes but
    `code` does not (an English-only post), with each target's path inside the language folder.
    `has_page(code, path)` tells whether a language publishes a page."""
    found = []
    for link in markdown_links(markdown):
        if not link.is_page:
            continue
        target = resolve(source, link.path)
        if not has_page(code, target) and has_page(default_code, target):
            found.append((link, target))
    return found


def held_back_targets(
    markdown: str, source: str, code: str, pages: SourcePages, is_held_back: Callable[[str], bool]
) -> list[MarkdownLink]:
    """Links to a post or issue that exists but is not published yet: the language's own version,
    or, where it has none, the default language's. `is_held_back(docs_path)` answers for 'si/news/x.md'."""
    found = []
    for link in markdown_links(markdown):
        if not link.is_page:
            continue
        target = resolve(source, link.path)
        shown = code if pages.has(code, target) else pages.default_code
        if is_held_back(f"{shown}/{target}"):
            found.append(link)
    return found


# ---------------------------------------------------------------------------
# The Markdown pages each language folder has


@dataclass(frozen=True)
class SourcePages:
    """code → paths of the Markdown files in docs/<code>/ ('about.md', 'news/2018-05-15-x.md')."""

    by_language: dict[str, frozenset[str]]
    default_code: str

    def has(self, code: str, path: str) -> bool:
        return path in self.by_language.get(code, ())

    def languages_of(self, path: str) -> list[str]:
        return [code for code, paths in self.by_language.items() if path in paths]


def scan_pages(docs: Path, codes: tuple[str, ...]) -> SourcePages:
    """`codes` lists the default language first."""
    by_language = {
        code: frozenset(path.relative_to(docs / code).as_posix() for path in (docs / code).rglob("*.md"))
        for code in codes
        if (docs / code).is_dir()
    }
    return SourcePages(by_language, codes[0])


def _missing(pages: SourcePages, code: str, source: str, link: MarkdownLink, target: str) -> str:
    """What is wrong with a link to a page no language has, and the page it probably meant."""
    default = pages.default_code
    where = f"there is no docs/{code}/{target}" + (f" and no docs/{default}/{target}" if code != default else "")
    elsewhere = [other for other in pages.languages_of(target) if other != code]
    only = f" (only docs/{', docs/'.join(elsewhere)}/ has it)" if elsewhere else ""
    folder = posixpath.dirname(target)
    near = {
        _slug(path): path
        for path in pages.by_language.get(code, frozenset()) | pages.by_language.get(default, frozenset())
        if posixpath.dirname(path) == folder
    }
    close = difflib.get_close_matches(_slug(target), list(near), n=1, cutoff=0.75)
    hint = f"Did you mean {posixpath.relpath(near[close[0]], posixpath.dirname(source) or '.')}? " if close else ""
    return (
        f"'{link.target}' leads to no page: {where}{only}. {hint}Check the file name; a link is written from "
        "this file's folder, like ../timeline.md or, from a post to another post, "
        "2018-05-15-first-project-meeting-naples.md"
    )


def _slug(path: str) -> str:
    """A page's name without folder, date and extension: what a misspelling is compared on."""
    return re.sub(r"^\d{4}-\d{2}-\d{2}-", "", posixpath.basename(path).removesuffix(".md"))


def check_markdown_links(pages: SourcePages, docs: Path, shown_root: Path) -> list[Problem]:
    """Every link to a Markdown file leads to a page in the linking page's language or the default language,
    and names it in its own capital letters (links to other files: cisotra.sources)."""
    problems = []
    for code, paths in pages.by_language.items():
        for path in sorted(paths):
            file = docs / code / path
            text = file.read_text(encoding="utf-8")
            for link in markdown_links(text):
                if not link.is_page:
                    continue
                miscased = _miscased(docs, code, path, link, pages.default_code)
                if miscased:
                    problems.append(Problem(file.relative_to(shown_root), link.line, "link", miscased))
                    continue
                target = resolve(path, link.path)
                if pages.has(code, target) or pages.has(pages.default_code, target):
                    continue
                problems.append(
                    Problem(file.relative_to(shown_root), link.line, "link", _missing(pages, code, path, link, target))
                )
    return problems


def _miscased(docs: Path, code: str, source: str, link: MarkdownLink, default_code: str) -> str | None:
    """What is wrong with a link that names an existing page in other capital letters."""
    written = unquote(link.path)
    folder = posixpath.dirname(f"{code}/{source}")
    target = resolve(f"{code}/{source}", written)
    if exact_file(docs, target):
        return None
    real = case_mismatch(docs, target)
    shown = real
    if real is None and link.is_page and target.startswith(f"{code}/"):
        # A page the language does not have yet is shown from the default language's folder.
        fallback = default_code + target[len(code) :]
        real = None if exact_file(docs, fallback) else case_mismatch(docs, fallback)
        shown = real and code + real[len(default_code) :]
    if real is None:
        return None
    return case_message(link.target, real, corrected_link(link.target, folder, shown))


# ---------------------------------------------------------------------------
# The built site's links


@dataclass
class BuiltPage:
    """A page as written: where, in which language, from which source, and the links and ids it has."""

    site_path: str  # 'si/news/x/'
    code: str  # the language it was built in
    source: str | None  # the file its text comes from ('docs/en/about.md'), None if generated
    hrefs: list[str] = field(default_factory=list)  # links in the page's own text
    ids: set[str] = field(default_factory=set)  # every id in the whole page


def page_links(content_html: str) -> list[str]:
    return _HREF.findall(content_html)


def page_ids(html: str) -> set[str]:
    return set(_ID.findall(html))


def check_built_links(
    pages: list[BuiltPage], exists: Callable[[str], bool], read: Callable[[str], str], names: dict[str, str]
) -> list[Problem]:
    """Every link in a page's text reaches a written file, and its #anchor an id of that page.

    `exists(site_path)` tells whether the build wrote that file, `read(source)` gives a
    source file's text (to find the link's line in), `names` maps codes to language names.
    """
    by_path = {page.site_path: page for page in pages}
    problems = []
    for page in pages:
        for href in dict.fromkeys(page.hrefs):
            target, fragment = _site_target(page.site_path, href)
            if target is None:
                continue
            reason = None
            if not (exists(target) or exists(target + "index.html")):
                reason = "the site has no such page or file"
            elif fragment and target in by_path and fragment not in by_path[target].ids:
                reason = f"that page has no anchor #{fragment} (anchors are made from headings; check the spelling)"
            if reason is None:
                continue
            language = names.get(page.code, page.code)
            if page.source is None:  # a generated page: the generator's mistake, not a partner's
                problems.append(
                    Problem(
                        Path(page.site_path or "/"),
                        None,
                        "link",
                        f"'{href}' in this generated {language} page: {reason}",
                    )
                )
                continue
            line = _line_of(href, read(page.source))
            fix = (
                "Link to another page with the path of its .md file, like ../timeline.md#year-2019"
                if line is not None
                else "The site made this link from its data (it is not in the file's text): add the page it "
                "leads to, or tell the maintainers"
            )
            problems.append(
                Problem(
                    Path(page.source), line, "link", f"'{href}' in the {language} version of this page: {reason}. {fix}"
                )
            )
    return problems


def _site_target(page: str, href: str) -> tuple[str | None, str]:
    """(site path, fragment) a relative href from the page at site path `page` leads to; None for other sites."""
    if not href or _SCHEME.match(href) or href.startswith("/"):
        return None, ""
    path, _, fragment = href.partition("#")
    if not path:
        return page, fragment
    folder = page if page.endswith("/") or not page else posixpath.dirname(page) + "/"
    joined = posixpath.normpath(posixpath.join(folder, path))
    if joined.startswith(".."):
        return None, ""
    joined = "" if joined == "." else joined
    return joined + "/" if path.endswith("/") and joined else joined, fragment


def _line_of(href: str, text: str) -> int | None:
    """The source line a built link most likely came from: where its anchor or last path part is written."""
    path, _, fragment = href.partition("#")
    name = path.rstrip("/").rsplit("/", 1)[-1]
    for needle in (f"#{fragment}" if fragment else None, name if name not in ("", "..", ".") else None):
        if needle:
            for number, line in enumerate(text.split("\n"), start=1):
                if needle in line:
                    return number
    return None
