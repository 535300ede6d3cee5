"""The e-newsletter: the archive page of each language, the frame of each issue page, its e-mail files and feed.

Issue pages are ordinary pages of docs/<language>/newsletters/; a language without its
own version of an issue shows the default language's, with the notice of steps/language.py.
Held-back issues (drafts, future dates) are not published; e-mails and feed entries exist
only for a language's own published issues.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from buildstate import Feed
from cisotra.languages import Alternate
from cisotra.markup import insert_after_title
from cisotra.newsletterfiles import MailSettings, newsletter_files
from cisotra.newsletterpages import render_archive, render_issue_footer, render_issue_header
from cisotra.newsletters import versions
from cisotra.paths import EMBLEM_PNG, issue_path, newsletter_archive_path, newsletter_feed_path

if TYPE_CHECKING:
    from mkdocs.structure.pages import Page

    from buildstate import SiteBuild

GENERATOR = "the newsletter pages"


def register_archive(site: SiteBuild) -> None:
    """This language's archive page, and its feed announced in every page's head."""
    language = site.language
    subscribe = (site.config.extra.get("newsletter") or {}).get("subscribe", {}) or {}
    ctx = site.context(generator=GENERATOR).at(newsletter_archive_path(language.prefix))
    page = render_archive(site.publication.archive(language.code), ctx, subscribe.get(language.code))
    alternates = {lang.code: Alternate(lang, newsletter_archive_path(lang.prefix), True) for lang in site.built}
    site.add_page(page, alternates)
    title = site.project.strings.get(language.code, "newsletter.feed_title")
    site.add_feed(Feed("application/rss+xml", title, newsletter_feed_path(language.prefix)))


def frame_issue(site: SiteBuild, page: Page, markdown: str) -> str | None:
    """An issue's number and date under its title; files, e-mail versions, languages and neighbours after it."""
    issue = site.project.issue_by_source.get(page.file.src_uri)
    if issue is None:
        return None
    language = site.language
    publication = site.publication
    ctx = site.context(page.url, text_code=issue.code, generator=GENERATOR)
    names = {lang.code: lang for lang in site.built}
    others = [
        (names[other.code].tag, names[other.code].name, issue_path(other.stem, names[other.code].prefix))
        for other in versions(publication.issues, issue.stem, [lang.code for lang in site.built if lang != language])
    ]
    email_prefix = names[issue.code].prefix if issue.code in names else language.prefix
    header = render_issue_header(issue, ctx)
    footer = render_issue_footer(issue, ctx, publication.archive(language.code), others, email_prefix)
    return insert_after_title(markdown, header) + footer


def keep_for_emails(site: SiteBuild, page: Page, html: str) -> None:
    """A language's own issue's rendered HTML, for its e-mail files and feed written when the pass ends."""
    issue = site.project.issue_by_source.get(page.file.src_uri)
    if issue is not None and issue.code == site.language.code:
        site.keep_rendered(issue.docs_path, html)


def write_emails_and_feed(site: SiteBuild) -> None:
    ctx = site.context()
    own = [issue for issue in site.publication.issues if issue.code == ctx.code]
    settings = site.config.extra.get("newsletter") or {}
    mail = MailSettings(
        site_name=site.config.site_name,
        unsubscribe_placeholder=str(settings.get("unsubscribe_placeholder") or "{{unsubscribe}}"),
        emblem_path=EMBLEM_PNG,
    )
    contents = {issue.docs_path: site.rendered(issue.docs_path) for issue in own}
    funding = site.project.funding[ctx.code]
    for site_path, content in newsletter_files(own, ctx, site.site_url, contents, funding, mail).items():
        site.write(site_path, content)
