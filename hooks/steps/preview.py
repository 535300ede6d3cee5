"""`./run serve`: a broken build's problems shown at the top of every page (problems.py), so the editor
sees them in the browser; the page reloads by itself once the file is fixed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from problems import with_problems

if TYPE_CHECKING:
    from mkdocs.structure.pages import Page

    from buildstate import SiteBuild


def show_problems(site: SiteBuild, page: Page, output: str) -> str:
    return with_problems(site, output)


def show_late_problems(site: SiteBuild, before: int) -> None:
    """Problems found after the pages were written (the link check) go onto every written page."""
    if len(site.problems) > before:
        for page in site.site_dir.rglob("*.html"):
            page.write_text(with_problems(site, page.read_text(encoding="utf-8")), encoding="utf-8")
