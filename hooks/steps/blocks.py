"""The blocks a partner's page asks for in its front matter: the indicators tables (`indicators: true`),
the results library (`results: true`), the model (`model: true`), the contact lines (`contact: true`),
the associated partners (`associated_partners: true`);
a work package's page (`work_package: N`) gets its outputs at the end. The consortium's counts
(`{{ members }}` …, cisotra.consortiumcounts) are put where a page's text or description writes them.

Each goes where the page's own text leaves room for it, so the text stays the partners' to edit.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import _site
from cisotra.consortiumcounts import MARKER, counts, fill
from cisotra.contact import render_contact
from cisotra.errors import Problem
from cisotra.home import partner_line
from cisotra.indicators import render_indicators
from cisotra.markup import insert_before_first_section, insert_into_first_section
from cisotra.model import render_scheme, render_text
from cisotra.paths import INDICATORS_CSV, INDICATORS_JSON, leaflet_path
from cisotra.render import html, markdown
from cisotra.resultspages import render_results, render_work_package_results

if TYPE_CHECKING:
    from mkdocs.structure.pages import Page

    from buildstate import SiteBuild


def add_consortium_counts(site: SiteBuild, page: Page, page_markdown: str) -> str | None:
    """The consortium's counts where the page's text or description writes a marker; a marker the site
    does not know stops the build with its line."""
    if _site.is_generated(page):
        return None
    fields = {name: page.meta[name] for name in ("description",) if isinstance(page.meta.get(name), str)}
    if not MARKER.search(page_markdown) and not any(MARKER.search(value) for value in fields.values()):
        return None
    ctx = site.context(page.url, text_code=site.text_language(page).code, generator="the consortium's counts")
    said = counts(site.consortium, ctx.text, ctx.number)
    source = Path(f"docs/{page.file.src_uri}")
    problems = []
    for name, value in fields.items():
        page.meta[name], unknown = fill(value, said)
        problems += [Problem(source, None, name, mistake.message()) for mistake in unknown]
    filled, unknown = fill(page_markdown, said)
    offset = _site.front_matter_lines(page)
    problems += [Problem(source, mistake.line + offset, None, mistake.message()) for mistake in unknown]
    if problems:
        site.fail(problems)
    return filled


def add_associated_partners(site: SiteBuild, page: Page, page_markdown: str) -> str | None:
    """The associated partners in a last section of the page that asks for them (`associated_partners: true`),
    when data/partners.yml has any."""
    if not page.meta.get("associated_partners") or not site.consortium.associated:
        return None
    ctx = site.context(page.url, text_code=site.text_language(page).code, generator="the associated partners")
    lines = [partner_line(partner, ctx) for partner in site.consortium.associated]
    block = ctx.html_block(html("associated-partners.html", partners=lines))
    heading = ctx.text("home.associated_partners")
    return page_markdown + markdown("section.md", heading=heading, anchor="associated-partners", block=block)


def add_indicators(site: SiteBuild, page: Page, page_markdown: str) -> str | None:
    """The quality indicators (WP9) before the page's first section; its own text (the strengths,
    weaknesses, opportunities and risks the consortium writes) follows."""
    if not page.meta.get("indicators"):
        return None
    # Eight columns need the width the table of contents would take: beside it they were cut on a
    # 1280 px screen. The page's sections are still listed in the menu's drawer on narrower screens.
    page.meta.setdefault("hide", ["toc"])
    ctx = site.context(page.url, text_code=site.text_language(page).code, generator="the indicators")
    block = ctx.html_block(render_indicators(site.project.activities, ctx, (INDICATORS_CSV, INDICATORS_JSON)))
    return insert_before_first_section(page_markdown, block)


def add_model(site: SiteBuild, page: Page, page_markdown: str) -> str | None:
    """The CiSoTRA model (WP8) as a scheme and as text, or a line saying it is not filled in yet."""
    if not page.meta.get("model"):
        return None
    ctx = site.context(page.url, text_code=site.text_language(page).code, generator="the model")
    model = site.project.model
    if not model.nodes:
        return page_markdown + markdown("model.md", ctx=ctx, body=ctx.text("model.empty"))
    description = ctx.text("model.description", count=len(model.nodes), connections=len(model.connections))
    scheme = render_scheme(model, ctx.code, ctx.default_code, ctx.default_tag, ctx.text("model.heading"), description)
    labels = {key: ctx.text(f"model.{key}") for key in ("change", "organisations", "connections")}
    listing = render_text(model, ctx.code, ctx.default_code, ctx.default_tag, labels)
    block = ctx.html_block(html("model.html", scheme=scheme, listing=listing))
    return page_markdown + markdown("model.md", ctx=ctx, body=block)


def add_results(site: SiteBuild, page: Page, page_markdown: str) -> str | None:
    """The results library on the results page; a work package page's own outputs in a last section."""
    results = site.project.results
    ctx = site.context(page.url, text_code=site.text_language(page).code, generator="the results")
    if page.meta.get("results"):
        block = ctx.html_block(render_results(results, ctx, leaflet_path(site.language.prefix)), searchable=False)
        return insert_before_first_section(page_markdown, block)
    work_package = page.meta.get("work_package")
    if work_package is None:
        return None
    found = render_work_package_results(results, int(work_package), ctx)
    if found is None:
        return None
    block = ctx.html_block(found, searchable=False)
    return page_markdown + markdown("section.md", heading=ctx.text("results.title"), anchor="results", block=block)


def add_contact(site: SiteBuild, page: Page, page_markdown: str) -> str | None:
    """How to reach the project, at the start of the page's first section."""
    if not page.meta.get("contact"):
        return None
    ctx = site.context(page.url, text_code=site.text_language(page).code, generator="the contact lines")
    return insert_into_first_section(page_markdown, ctx.html_block(render_contact(site.consortium, ctx)))
