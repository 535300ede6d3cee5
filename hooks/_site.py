"""The adapter to MkDocs' files and mkdocs-static-i18n: every read of the plugin's state, and adding generated pages.

mkdocs-static-i18n builds each language in its own pass: the first pass's language is
built first and, from its `on_post_build` (priority -100), every other language with the
same configuration object. It knows which language a pass builds, which language a file
is in (`locale`), a file's path inside its language folder (`norm_src_uri`) and a page's
language versions (`alternates`); it calls the folder `si` Slovenian. This module is the
only place that reads any of that, so an upgrade of the plugin, or a move to another
engine, changes this file and `pipeline.py` alone.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from cisotra.languages import Alternate, SiteLanguage, build_languages, by_code
from cisotra.pages import GeneratedPage
from cisotra.paths import NEWS_FOLDER
from cisotra.render import markdown as render_markdown

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

# ---------------------------------------------------------------------------
# Languages and language passes


def languages(config: MkDocsConfig) -> list[SiteLanguage]:
    """Every language of the site, as mkdocs.yml declares them (folder codes, names, the default)."""
    i18n = config.plugins["i18n"]
    entries = [(lang.locale, lang.name, lang.default) for lang in i18n.config.languages if lang.locale != "null"]
    try:
        return build_languages(entries, dict(config.extra.get("lang_tags") or {}))
    except ValueError as error:
        raise PluginError(f"mkdocs.yml: {error}") from None


def current_code(config: MkDocsConfig) -> str:
    """The folder code of the language this pass builds."""
    return config.plugins["i18n"].current_language


def built_codes(config: MkDocsConfig) -> list[str]:
    """The languages this build makes: all, or the one `./run serve si` asks for."""
    return list(config.plugins["i18n"].build_languages)


def pass_order(first: str, built: list[str]) -> list[str]:
    """The order of the language passes: the first pass's language, then the others as listed."""
    return [first, *(code for code in built if code != first)]


def page_code(page: Page) -> str | None:
    """The language of a page's own file (a page not yet translated is the default language's file)."""
    return getattr(page.file, "locale", None)


def path_in_language(page: Page, prefix: str) -> str:
    """The page's path inside its language folder: 'news/x.md' for docs/si/news/x.md."""
    file = page.file
    return getattr(file, "norm_src_uri", None) or file.src_uri.removeprefix(prefix)


def found_alternates(page: Page, known: dict[str, SiteLanguage]) -> dict[str, Alternate]:
    """The language versions mkdocs-static-i18n found for a page, by language code."""
    found = getattr(page.file, "alternates", {})
    return {
        code: Alternate(known[code], site_path(file.url), file.locale == code)
        for code, file in found.items()
        if code in known
    }


def site_path(url: str) -> str:
    """A page's URL as MkDocs gives it ('./' for the home page) as a site path ('')."""
    return "" if url in ("./", ".") else url


# ---------------------------------------------------------------------------
# Generated pages


def source_uri(site_path: str, prefix: str) -> str:
    """What MkDocs is told a generated page's Markdown source is: a section's own page is its
    index ('si/news/' → 'si/news/index.md', as a written news/index.md would be); deeper pages
    are files ('si/news/page/2/' → 'si/news/page/2.md'). Either gives the page its site path."""
    rest = site_path[len(prefix) :].rstrip("/")
    return f"{prefix}{rest}/index.md" if "/" not in rest else f"{prefix}{rest}.md"


def generated_file(config: MkDocsConfig, page: GeneratedPage, prefix: str) -> File:
    """The MkDocs file of a page made from data: its Markdown source (front matter, title, body)."""
    fields = {"title": page.title, "description": page.description, **page.meta}
    if not page.searchable:
        fields["search"] = {"exclude": True}  # the search step leaves such a page out of the index
    source = render_markdown(
        "page.md", fields=list(fields.items()), title=page.title, title_lang=page.meta.get("title_lang"), body=page.body
    )
    return File.generated(config, source_uri(page.site_path, prefix), content=source)


def generated_media(config: MkDocsConfig, site_path: str, data: bytes) -> File:
    """A file made from data (a photo's smaller version) published at `site_path`."""
    return File.generated(config, site_path, content=data)


def add_files(files: Files, made: list[File]) -> None:
    for file in made:
        files.append(file)


def is_generated(page: Page) -> bool:
    return page.file.generated_by is not None


def is_post_source(file: File) -> bool:
    """A post's own file ('si/news/x.md'), not the news section's index."""
    parts = file.src_uri.split("/")
    return len(parts) == 3 and parts[1] == NEWS_FOLDER and parts[2] != "index.md" and file.src_uri.endswith(".md")


def source_path(page: Page, root: Path) -> str | None:
    """The page's file relative to the project ('docs/si/about.md'), or None for a generated page."""
    source = page.file.abs_src_path
    return Path(source).relative_to(root).as_posix() if source else None


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


# ---------------------------------------------------------------------------
# For the scripts: the site as mkdocs.yml declares it, without building it


def standalone(root: Path) -> tuple[MkDocsConfig, list[SiteLanguage], datetime]:
    """The configuration and languages mkdocs.yml declares, and the moment a build now would have."""
    from mkdocs.config import load_config

    config = load_config(str(root / "mkdocs.yml"))
    return config, languages(config), build_moment()


def load_standalone(root: Path, moment: datetime | None = None):
    """The languages and the project's data, checked as a build at `moment` (default: now, or
    SOURCE_DATE_EPOCH) would check them."""
    from cisotra.project import load_project

    config, found, now = standalone(root)
    moment = moment or now
    zone = str(config.extra.get("timezone") or "UTC")
    return found, load_project(root, Path(config.docs_dir), found, zone, moment.date()), moment


def build_moment() -> datetime:
    """SOURCE_DATE_EPOCH, or now: the moment a build happens (every pass of it sees the same)."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), tz=UTC)
    return datetime.now(tz=UTC)


def language_of(code: str, known: list[SiteLanguage]) -> SiteLanguage:
    return by_code(known)[code]
