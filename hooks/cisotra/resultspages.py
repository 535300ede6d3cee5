"""The outputs as HTML: the list of the results page, and each work package's own.

Each file link says what it is before anyone downloads it: its format, its size, its
number of pages for a PDF, and its language (with hreflang), and it falls back to the
default language's file, marked as such, where the visitor's language has none.
"""

from __future__ import annotations

import re
from html import escape

from .context import Context
from .dates import format_day, format_period
from .filters import filter_form, filter_select
from .newsletterpages import human_size
from .results import KINDS, Result, ResultFile
from .timeline import language_name
from .urls import file_site_path


def render_result(result: Result, ctx: Context, heading: str = "h3") -> str:
    title, title_code = result.text("title", ctx.code, ctx.default_code)
    summary, summary_code = result.text("summary", ctx.code, ctx.default_code)
    when = ""
    if result.period:
        written = (
            format_day(result.period.first, ctx.tag)
            if result.period.precision == "day"
            else format_period(result.period, ctx.tag)
        )
        when = " · " + ctx.html(f"results.when.{result.status}", date=written)
    meta = (
        f'<p class="cisotra-result__meta"><span class="cisotra-activity__status">{ctx.html("results.status." + result.status)}</span> · '
        f"{ctx.html('results.kinds.' + result.kind)} · "
        f'<a href="{escape(ctx.link(f"{ctx.prefix}work-packages/wp{result.work_package}/"))}">WP{result.work_package}</a>{when}</p>'
    )
    parts = [
        f'<li class="cisotra-result" id="{escape(result.id)}" data-kind="{escape(result.kind)}" data-wp="{result.work_package}">',
        f"<{heading}{_lang(title_code, ctx)}>{escape(title)}</{heading}>",
        meta,
    ]
    if summary:
        parts.append(f"<p{_lang(summary_code, ctx)}>{escape(summary)}</p>")
    chosen = result.file_for(ctx.code, ctx.default_code)
    if chosen is not None:
        parts.append(f'<p class="cisotra-result__file">{_file_link(chosen, ctx)}</p>')
    elif result.status == "planned":
        parts.append(f'<p class="cisotra-result__file">{ctx.html("results.no_file")}</p>')
    licence = escape(re.sub(r"-(?=\d)", " ", result.licence).replace("-", " "))  # CC-BY-4.0 → CC BY 4.0
    url = result.licence_url
    licence_html = f'<a href="{escape(url)}" rel="license">{licence}</a>' if url else licence
    parts.append(f'<p class="cisotra-result__licence">{ctx.html("results.licence")}: {licence_html}</p>')
    parts.append("</li>")
    return "\n".join(parts)


def _file_link(file: ResultFile, ctx: Context) -> str:
    """'Download (PDF, 1.2 MB, 3 pages, language: Greek)', in the visitor's language."""
    language = language_name(_tag(file.code, ctx), ctx)
    facts = []
    if file.url:
        href = file.url
        label = ctx.html("results.open")
        facts.append(escape(href.split("/")[2]))
    else:
        href = ctx.link(file_site_path(file.docs_path, ctx.default_code))
        label = ctx.html("results.download")
        facts += [escape(file.format or ""), escape(human_size(file.size or 0, ctx))]
        if file.pages:
            facts.append(ctx.html("results.pages", count=file.pages))
    facts.append(ctx.html("results.language", language=language))
    tag = _tag(file.code, ctx)
    kind = f' type="{escape(file.media_type)}"' if file.media_type else ""
    download = " download" if file.docs_path else ""
    return f'<a href="{escape(href)}" hreflang="{tag}"{kind}{download}>{label}</a> ({", ".join(facts)})'


def _tag(code: str, ctx: Context) -> str:
    return ctx.tags.get(code, code)


def render_results(results: list[Result], ctx: Context, leaflet: str | None = None) -> str:
    """The filters and every output, or a line saying there is none yet; then the leaflet (a site path), if any."""
    after = ""
    if leaflet is not None:
        after = (
            f'\n<p class="cisotra-results__leaflet">{ctx.html("leaflet.on_results")} '
            f'<a href="{escape(ctx.link(leaflet))}">{ctx.html("leaflet.title")}</a></p>'
        )
    if not results:
        return f"<p>{ctx.html('results.none')}</p>" + after
    items = "\n".join(render_result(result, ctx, heading="h2") for result in results)
    return _filters(results, ctx) + f'\n<ol class="cisotra-results">\n{items}\n</ol>' + after


def render_work_package_results(results: list[Result], work_package: int, ctx: Context) -> str:
    own = [result for result in results if result.work_package == work_package]
    if not own:
        return ""
    items = "\n".join(render_result(result, ctx) for result in own)
    return f'<ol class="cisotra-results">\n{items}\n</ol>'


def _filters(results: list[Result], ctx: Context) -> str:
    kinds = [kind for kind in KINDS if any(result.kind == kind for result in results)]
    packages = sorted({result.work_package for result in results})
    selects = [
        filter_select(
            "kind", ctx.html("results.kind"), [(kind, ctx.text("results.kinds." + kind)) for kind in kinds], ctx
        ),
        filter_select(
            "wp", ctx.html("activity.work_package"), [(str(number), f"WP{number}") for number in packages], ctx
        ),
    ]
    return filter_form(
        selects, ctx.html("results.filters"), ctx.html("results.filter_status"), ctx, items=".cisotra-result"
    )


def _lang(code: str, ctx: Context) -> str:
    return "" if code == ctx.code else f' lang="{ctx.default_tag}"'
