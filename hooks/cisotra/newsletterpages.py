"""The newsletter's generated archive page and the frame around each issue page."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from itertools import groupby

from babel.numbers import format_decimal
from markupsafe import Markup

from .context import Context
from .dates import format_day
from .newsletters import Attachment, Issue
from .pages import GeneratedPage
from .paths import contact_path, email_path, file_site_path, issue_path, newsletter_archive_path, newsletter_feed_path
from .render import html, markdown

FRAME = "cisotra-issue__frame"


def human_size(size: int, ctx: Context) -> str:
    """'245 kB', '1,2 MB' as the language writes numbers."""
    if size < 1000 * 1000:
        return f"{format_decimal(math.ceil(size / 1000), locale=ctx.locale)}\u00a0kB"
    return f"{format_decimal(round(size / 1000 / 1000, 1), locale=ctx.locale)}\u00a0MB"


def issue_date(issue: Issue, ctx: Context) -> str:
    return format_day(issue.date, ctx.tag)


def reconstructed_note(issue: Issue, ctx: Context) -> str | None:
    """'Reconstructed from the project's plan on 27 November 2026; this issue was not sent'."""
    if issue.written is None:
        return None
    return ctx.text("newsletter.reconstructed", written=format_day(issue.written, ctx.tag))


@dataclass(frozen=True)
class IssueItem:
    """An issue as the archive lists it; `lang` is set when it is shown in the default language."""

    number: int
    title: str
    href: str
    datetime: str
    date: str
    summary: str
    attachments: Markup
    lang: str | None
    note: str | None


@dataclass(frozen=True)
class Neighbour:
    title: str
    href: str


def render_attachments(attachments: tuple[Attachment, ...], ctx: Context) -> Markup:
    files = [
        {
            "href": ctx.link(file_site_path(a.path, ctx.default_code)),
            "media_type": a.media_type,
            "name": a.name,
            "kind": a.kind,
            "size": human_size(a.size, ctx),
        }
        for a in attachments
    ]
    return html("attachments.html", files=files) if files else Markup()


def render_archive(entries: list[Issue], ctx: Context, subscribe: str | None) -> GeneratedPage:
    """A language's archive: every published issue newest first, grouped by year, then how to subscribe."""
    years = []
    for year, group in groupby(entries, key=lambda issue: issue.date.year):
        items = [
            IssueItem(
                number=issue.number,
                title=issue.title,
                href=ctx.link(issue_path(issue.stem, ctx.prefix)),
                datetime=issue.date.isoformat(),
                date=issue_date(issue, ctx),
                summary=issue.summary,
                attachments=render_attachments(issue.attachments, ctx),
                lang=None if issue.code == ctx.code else ctx.default_tag,
                note=reconstructed_note(issue, ctx),
            )
            for issue in group
        ]
        years.append((year, ctx.html_block(html("newsletter-year.html", ctx=ctx, issues=items), searchable=False)))
    feed = html("newsletter-feed.html", ctx=ctx, feed=ctx.link(newsletter_feed_path(ctx.prefix)))
    subscription = html(
        "newsletter-subscribe.html", ctx=ctx, target=subscribe, contact=ctx.link(contact_path(ctx.prefix))
    )
    body = markdown(
        "newsletter-archive.md",
        ctx=ctx,
        intro=ctx.text("newsletter.intro") if entries else ctx.text("newsletter.none"),
        feed=ctx.html_block(feed),
        years=years,
        subscribe=ctx.html_block(subscription),
    )
    return GeneratedPage(
        newsletter_archive_path(ctx.prefix), ctx.text("newsletter.title"), ctx.text("newsletter.description"), body
    )


def render_issue_header(issue: Issue, ctx: Context) -> Markup:
    header = html(
        "issue-header.html",
        ctx=ctx,
        number=issue.number,
        datetime=issue.date.isoformat(),
        date=issue_date(issue, ctx),
        note=reconstructed_note(issue, ctx),
        from_plan=issue.from_plan,
    )
    return ctx.html_block(header)


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
    numbers = [entry.number for entry in entries]
    position = numbers.index(issue.number) if issue.number in numbers else -1

    def neighbour(entry: Issue) -> Neighbour:
        return Neighbour(entry.title, ctx.link(issue_path(entry.stem, ctx.prefix)))

    footer = html(
        "issue-footer.html",
        ctx=ctx,
        frame=FRAME,
        attachments=render_attachments(issue.attachments, ctx),
        email_html=ctx.link(email_path(issue.stem, email_prefix, "html")),
        email_text=ctx.link(email_path(issue.stem, email_prefix, "txt")),
        versions=[(tag, name, ctx.link(path)) for tag, name, path in versions],
        older=neighbour(entries[position + 1]) if 0 <= position < len(entries) - 1 else None,
        newer=neighbour(entries[position - 1]) if position > 0 else None,
        archive=ctx.link(newsletter_archive_path(ctx.prefix)),
    )
    return "\n\n" + ctx.html_block(footer) + "\n"


def strip_frame(html: str) -> str:
    """The issue's own text, without the header and footer the site adds around it."""
    html = re.sub(r'<p class="cisotra-issue__number">.*?</p>\s*', "", html, count=1, flags=re.S)
    html = re.sub(r'<p class="cisotra-note cisotra-note--plan"[^>]*>.*?</p>\s*', "", html, count=1, flags=re.S)
    return re.sub(rf'<div class="{FRAME}">.*</div>\s*$', "", html, flags=re.S)
