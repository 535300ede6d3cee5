"""The outputs as HTML: the list of the results page, and each work package's own.

Each file link says what it is before anyone downloads it: its format, its size, its
number of pages for a PDF, and its language (with hreflang), and it falls back to the
default language's file, marked as such, where the visitor's language has none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup

from .context import Context
from .dates import format_day, format_period
from .filters import filter_form
from .newsletterpages import human_size
from .paths import file_site_path, work_package_path
from .render import html
from .results import KINDS, Result, ResultFile
from .timeline import language_name


@dataclass(frozen=True)
class FileLink:
    """'Download (PDF, 1.2 MB, 3 pages, language: Greek)', in the visitor's language."""

    href: str
    label: str
    facts: list[str]
    tag: str  # the file's language
    media_type: str | None
    download: bool


@dataclass(frozen=True)
class ResultView:
    id: str
    kind: str
    kind_name: str
    work_package: int
    work_package_href: str
    status: str
    when: str
    title: str
    title_code: str
    summary: str
    summary_code: str
    file: FileLink | None
    no_file: bool  # planned, and no file yet: say so
    licence: str | None
    licence_url: str | None


def result_view(result: Result, ctx: Context) -> ResultView:
    title, title_code = result.text("title", ctx.code, ctx.default_code)
    summary, summary_code = result.text("summary", ctx.code, ctx.default_code)
    when = ""
    if result.period:
        written = (
            format_day(result.period.first, ctx.tag)
            if result.period.precision == "day"
            else format_period(result.period, ctx.tag)
        )
        when = ctx.text(f"results.when.{result.status}", date=written)
    chosen = result.file_for(ctx.code, ctx.default_code)
    return ResultView(
        id=result.id,
        kind=result.kind,
        kind_name=ctx.text("results.kinds." + result.kind),
        work_package=result.work_package,
        work_package_href=ctx.link(work_package_path(ctx.prefix, result.work_package)),
        status=ctx.text("results.status." + result.status),
        when=when,
        title=title,
        title_code=title_code,
        summary=summary,
        summary_code=summary_code,
        file=_file_link(chosen, ctx) if chosen is not None else None,
        no_file=chosen is None and result.status == "planned",
        # CC-BY-4.0 → CC BY 4.0
        licence=re.sub(r"-(?=\d)", " ", result.licence).replace("-", " ") if result.licence else None,
        licence_url=result.licence_url,
    )


def render_result(result: Result, ctx: Context, heading: str = "h3") -> Markup:
    return html("result.html", ctx=ctx, view=result_view(result, ctx), heading=heading)


def _file_link(file: ResultFile, ctx: Context) -> FileLink:
    language = language_name(_tag(file.code, ctx), ctx)
    facts = []
    if file.url:
        href = file.url
        label = ctx.text("results.open")
        facts.append(href.split("/")[2])
    else:
        href = ctx.link(file_site_path(file.docs_path, ctx.default_code))
        label = ctx.text("results.download")
        facts += [file.format or "", human_size(file.size or 0, ctx)]
        if file.pages:
            facts.append(ctx.text("results.pages", count=file.pages))
    facts.append(ctx.text("results.language", language=language))
    return FileLink(href, label, facts, _tag(file.code, ctx), file.media_type, bool(file.docs_path))


def _tag(code: str, ctx: Context) -> str:
    return ctx.tags.get(code, code)


def render_results(results: list[Result], ctx: Context, leaflet: str | None = None) -> Markup:
    """The filters and every output, or a line saying there is none yet; then the leaflet (a site path), if any."""
    return html(
        "result-list.html",
        ctx=ctx,
        filters=_filters(results, ctx) if results else None,
        items=[render_result(result, ctx, heading="h2") for result in results],
        none=not results,
        leaflet=ctx.link(leaflet) if leaflet is not None else None,
    )


def render_work_package_results(results: list[Result], work_package: int, ctx: Context) -> Markup | None:
    own = [result for result in results if result.work_package == work_package]
    if not own:
        return None
    items = [render_result(result, ctx) for result in own]
    return html("result-list.html", ctx=ctx, filters=None, items=items, none=False, leaflet=None)


def _filters(results: list[Result], ctx: Context) -> Markup:
    kinds = [kind for kind in KINDS if any(result.kind == kind for result in results)]
    packages = sorted({result.work_package for result in results})
    selects = [
        ("kind", ctx.text("results.kind"), [(kind, ctx.text("results.kinds." + kind)) for kind in kinds]),
        ("wp", ctx.text("activity.work_package"), [(str(number), f"WP{number}") for number in packages]),
    ]
    return filter_form(
        ctx, selects, ctx.text("results.filters"), ctx.text("results.filter_status"), items=".cisotra-result"
    )
