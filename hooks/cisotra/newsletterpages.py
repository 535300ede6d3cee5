"""The newsletter's generated archive page and the frame around each issue page."""

from __future__ import annotations

import math
import re
from html import escape
from itertools import groupby

from babel.numbers import format_decimal

from .context import Context
from .dates import format_day
from .markup import inline
from .newsletters import Attachment, Issue
from .pages import GeneratedPage
from .urls import file_site_path

FRAME = "cisotra-issue__frame"


def archive_path(prefix: str) -> str:
    return f"{prefix}newsletters/"


def issue_path(stem: str, prefix: str) -> str:
    return f"{prefix}newsletters/{stem}/"


def email_path(stem: str, prefix: str, extension: str) -> str:
    return f"{prefix}newsletters/{stem}/email.{extension}"


def feed_path(prefix: str) -> str:
    return f"{prefix}newsletters/rss.xml"


def human_size(size: int, ctx: Context) -> str:
    """'245 kB', '1,2 MB' as the language writes numbers."""
    if size < 1000 * 1000:
        return f"{format_decimal(math.ceil(size / 1000), locale=ctx.locale)}\u00a0kB"
    return f"{format_decimal(round(size / 1000 / 1000, 1), locale=ctx.locale)}\u00a0MB"


def issue_date(issue: Issue, ctx: Context) -> str:
    return format_day(issue.date, ctx.tag)


def render_attachments(attachments: tuple[Attachment, ...], ctx: Context) -> str:
    items = "".join(
        f'<li><a href="{escape(ctx.link(file_site_path(a.path, ctx.default_code)))}" type="{escape(a.media_type)}" download>'
        f"{escape(a.name)}</a> ({escape(a.kind)}, {escape(human_size(a.size, ctx))})</li>"
        for a in attachments
    )
    return f'<ul class="cisotra-attachments">{items}</ul>' if items else ""


def render_archive(entries: list[Issue], ctx: Context, subscribe: str | None) -> GeneratedPage:
    """A language's archive: every published issue newest first, grouped by year, then how to subscribe."""
    parts = [ctx.html("newsletter.intro") if entries else ctx.html("newsletter.none")]
    feed = escape(ctx.link(feed_path(ctx.prefix)))
    parts.append(
        ctx.html_block(
            f'<p class="cisotra-feeds"><a href="{feed}" type="application/rss+xml">{ctx.html("newsletter.rss")}</a></p>'
        )
    )
    for year, group in groupby(entries, key=lambda issue: issue.date.year):
        items = []
        for issue in group:
            own = issue.code == ctx.code
            lang = "" if own else f' lang="{ctx.default_tag}"'
            marker = "" if own else f' <span class="cisotra-issue__lang">{ctx.html("links.in_default_language")}</span>'
            items.append(
                f'<li class="cisotra-issue" id="issue-{issue.number}">'
                f'<p class="cisotra-issue__number">{ctx.html("newsletter.issue", number=issue.number)} · '
                f'<time datetime="{issue.date.isoformat()}">{escape(issue_date(issue, ctx))}</time></p>'
                f'<h3><a href="{escape(ctx.link(issue_path(issue.stem, ctx.prefix)))}"{lang}>{escape(issue.title)}</a>{marker}</h3>'
                f"<p{lang}>{escape(issue.summary)}</p>"
                f"{render_attachments(issue.attachments, ctx)}"
                "</li>"
            )
        parts.append(
            f"## {year} {{#year-{year}}}\n\n"
            + ctx.html_block('<ol class="cisotra-issues">' + "\n".join(items) + "</ol>", searchable=False)
        )
    parts.append(
        f"## {inline(ctx.text('newsletter.subscribe_heading'))} {{#subscribe}}\n\n"
        + ctx.html_block(_subscribe(subscribe, ctx))
    )
    return GeneratedPage(
        archive_path(ctx.prefix), ctx.text("newsletter.title"), ctx.text("newsletter.description"), "\n\n".join(parts)
    )


def render_issue_header(issue: Issue, ctx: Context) -> str:
    note = (
        f'\n<p class="cisotra-note cisotra-note--plan" role="note">{ctx.html("newsletter.from_plan")}</p>'
        if issue.from_plan
        else ""
    )
    return ctx.html_block(
        f'<p class="cisotra-issue__number">{ctx.html("newsletter.issue", number=issue.number)} · '
        f'<time datetime="{issue.date.isoformat()}">{escape(issue_date(issue, ctx))}</time></p>' + note
    )


def render_issue_footer(
    issue: Issue,
    ctx: Context,
    entries: list[Issue],
    versions: list[tuple[str, str, str]],
    email_prefix: str,
) -> str:
    """Attachments, e-mail versions, other languages and the neighbouring issues.

    `versions` are (tag, language name, site path) of this issue in the other languages;
    `email_prefix` is the prefix of the language whose e-mail files exist for this issue.
    """
    parts = []
    attachments = render_attachments(issue.attachments, ctx)
    if attachments:
        parts.append(f'<h2 id="downloads">{ctx.html("newsletter.attachments")}</h2>\n{attachments}')
    parts.append(
        f'<p class="cisotra-issue__email">{ctx.html("newsletter.read_as_email")} '
        f'<a href="{escape(ctx.link(email_path(issue.stem, email_prefix, "html")))}" type="text/html">{ctx.html("newsletter.email_html")}</a> · '
        f'<a href="{escape(ctx.link(email_path(issue.stem, email_prefix, "txt")))}" type="text/plain">{ctx.html("newsletter.email_text")}</a></p>'
    )
    if versions:
        links = " · ".join(
            f'<a href="{escape(ctx.link(path))}" hreflang="{tag}" lang="{tag}">{escape(name)}</a>'
            for tag, name, path in versions
        )
        parts.append(f'<p class="cisotra-issue__languages">{ctx.html("newsletter.other_languages")} {links}</p>')
    numbers = [entry.number for entry in entries]
    position = numbers.index(issue.number) if issue.number in numbers else -1
    neighbours = []
    if 0 <= position < len(entries) - 1:
        older = entries[position + 1]
        neighbours.append(
            f'<a href="{escape(ctx.link(issue_path(older.stem, ctx.prefix)))}" rel="prev">← {ctx.html("newsletter.previous")}: {escape(older.title)}</a>'
        )
    if position > 0:
        newer = entries[position - 1]
        neighbours.append(
            f'<a href="{escape(ctx.link(issue_path(newer.stem, ctx.prefix)))}" rel="next">{ctx.html("newsletter.next")}: {escape(newer.title)} →</a>'
        )
    neighbours.append(f'<a href="{escape(ctx.link(archive_path(ctx.prefix)))}">{ctx.html("newsletter.title")}</a>')
    parts.append(
        f'<nav class="cisotra-issue__nav" aria-label="{ctx.html("newsletter.issues_nav")}">'
        + " ".join(f"<p>{n}</p>" for n in neighbours)
        + "</nav>"
    )
    # One HTML block (no blank lines), so the e-mail export can leave the whole frame out.
    return "\n\n" + ctx.html_block(f'<div class="{FRAME}">\n' + "\n".join(parts) + "\n</div>") + "\n"


def strip_frame(html: str) -> str:
    """The issue's own text, without the header and footer the site adds around it."""
    html = re.sub(r'<p class="cisotra-issue__number">.*?</p>\s*', "", html, count=1, flags=re.S)
    html = re.sub(r'<p class="cisotra-note cisotra-note--plan"[^>]*>.*?</p>\s*', "", html, count=1, flags=re.S)
    return re.sub(rf'<div class="{FRAME}">.*</div>\s*$', "", html, flags=re.S)


def _subscribe(target: str | None, ctx: Context) -> str:
    if target:
        return f'<p><a class="cisotra-button" href="{escape(target)}">{ctx.html("newsletter.subscribe_link")}</a></p>'
    contact = escape(ctx.link(f"{ctx.prefix}contact/"))
    return (
        f'<p>{ctx.html("newsletter.subscribe_none")} <a href="{contact}">{ctx.html("newsletter.contact_link")}</a></p>'
    )
