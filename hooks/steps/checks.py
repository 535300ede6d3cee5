"""Every link and anchor of the written site is checked once the last language is written (cisotra.links):
the links of each page's own text are noted as it is rendered, its ids as it is written."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import _site
from cisotra.links import BuiltPage, check_built_links, page_ids, page_links

if TYPE_CHECKING:
    from mkdocs.structure.pages import Page

    from buildstate import SiteBuild


@dataclass
class BuiltPages:
    by_path: dict[str, BuiltPage] = field(default_factory=dict)  # site path → its links and ids


def note_links(site: SiteBuild, page: Page, context: dict) -> None:
    """The links of the page's own text (its content, after every step)."""
    site_path = _site.site_path(page.url)
    site.feature(BuiltPages).by_path[site_path] = BuiltPage(
        site_path=site_path,
        code=site.language.code,
        source=_site.source_path(page, site.root),
        hrefs=page_links(page.content or ""),
    )


def note_ids(site: SiteBuild, page: Page, output: str) -> None:
    site.feature(BuiltPages).by_path[_site.site_path(page.url)].ids = page_ids(output)


def check_links(site: SiteBuild) -> None:
    if not site.builds_every_language():
        return  # one language alone (`./run serve si`): its links to the others cannot be followed
    if site.problems:
        return  # a preview with problems leaves out what they concern: its links would only add noise
    written = site.site_dir
    problems = check_built_links(
        list(site.feature(BuiltPages).by_path.values()),
        exists=lambda path: (written / path).is_file(),
        read=lambda source: (site.root / source).read_text(encoding="utf-8"),
        names={language.code: language.name for language in site.languages},
    )
    if problems:
        site.fail(problems)
