"""What a language's newsletter issues become besides their pages: e-mail files and a feed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time

from . import mailing
from .context import Context
from .feeds import Feed, FeedEntry, absolutize, render, without_title
from .funding import Funding
from .mailing import Email
from .newsletterpages import issue_date, reconstructed_note, strip_frame
from .newsletters import Issue
from .paths import email_path, issue_path, newsletter_archive_path, newsletter_feed_path
from .render import from_markdown, html


@dataclass(frozen=True)
class MailSettings:
    site_name: str
    unsubscribe_placeholder: str  # what the mailing tool replaces with each reader's link
    emblem_path: str  # site path of the EU emblem as a PNG (e-mail clients do not show SVG)


def newsletter_files(
    issues: list[Issue], ctx: Context, site_url: str, contents: dict[str, str], funding: Funding, mail: MailSettings
) -> dict[str, bytes]:
    """E-mails (HTML and plain text) of the language's own published issues, and its feed, by site path.

    `contents` holds each issue's rendered page HTML by its docs path.
    """
    files: dict[str, bytes] = {}
    entries = []
    for issue in issues:
        url = site_url + issue_path(issue.stem, ctx.prefix)
        content = absolutize(strip_frame(contents.get(issue.docs_path, "")), url)
        note = reconstructed_note(issue, ctx)
        # An issue reconstructed from the plan was never sent: its e-mail says so after the issue's
        # date (the date its notice speaks of), and has no unsubscribe line.
        parts = [mail.site_name, ctx.text("newsletter.issue", number=issue.number), issue_date(issue, ctx)]
        heading = " · ".join([*parts, note] if note else parts)
        email = Email(
            language=ctx.tag,
            subject=issue.title,
            preheader=issue.summary,
            heading=heading,
            content_html=content,
            online_url=url,
            online_label=ctx.text("newsletter.email_view_online"),
            emblem_url=site_url + mail.emblem_path,
            funding_statement=funding.statement,
            funding_disclaimer=funding.publication_disclaimer,
            why=ctx.text("newsletter.email_why"),
            unsubscribe_label=ctx.text("newsletter.email_unsubscribe"),
            unsubscribe_placeholder="" if issue.from_plan else mail.unsubscribe_placeholder,
            note=ctx.text("newsletter.from_plan") if issue.from_plan else "",
        )
        files[email_path(issue.stem, ctx.prefix, "html")] = mailing.render_html(email).encode("utf-8")
        files[email_path(issue.stem, ctx.prefix, "txt")] = mailing.render_text(email).encode("utf-8")
        moment = datetime.combine(issue.publication, time(0, 0), tzinfo=UTC)
        entries.append(
            FeedEntry(
                url=url,
                title=issue.title,
                published=moment,
                updated=moment,
                summary=f"[{note}] {issue.summary}" if note else issue.summary,
                content_html=str(html("feed-content.html", note=note, content=from_markdown(without_title(content)))),
            )
        )
    feed = Feed(
        title=ctx.text("newsletter.feed_title"),
        description=ctx.text("newsletter.feed_description"),
        language=ctx.tag,
        site_url=site_url + newsletter_archive_path(ctx.prefix),
        self_url=site_url + newsletter_feed_path(ctx.prefix).replace("rss.xml", "{kind}.xml"),
        author=ctx.text("news.feed_author"),
    )
    files[newsletter_feed_path(ctx.prefix)] = render(feed, entries, "rss")
    return files
