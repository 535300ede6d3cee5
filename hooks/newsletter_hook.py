"""The e-newsletter: the archive page of each language, the frame of each issue page, its e-mail files and feed.

Issue pages are ordinary pages of docs/<language>/newsletters/; a language without its
own version of an issue shows the default language's, with the notice the language hook
adds. Held-back issues (drafts, future dates) are not published; e-mails and feed
entries exist only for a language's own published issues.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

import _site
from cisotra.languages import Alternate
from cisotra.markup import insert_after_title
from cisotra.newsletterfiles import MailSettings, newsletter_files
from cisotra.newsletterpages import render_archive, render_issue_footer, render_issue_header
from cisotra.newsletters import versions
from cisotra.paths import EMBLEM_PNG, issue_path, newsletter_archive_path, newsletter_feed_path

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

GENERATOR = "the newsletter hook"


@event_priority(-110)  # after mkdocs-static-i18n has sorted the files into languages
@_site.timed
def on_files(files: Files, config: MkDocsConfig) -> Files:
    language = _site.current(config)
    subscribe = (config.extra.get("newsletter") or {}).get("subscribe", {}) or {}
    ctx = _site.context(config, generator=GENERATOR).at(newsletter_archive_path(language.prefix))
    page = render_archive(_site.publication(config).archive(language.code), ctx, subscribe.get(language.code))
    alternates = {
        lang.code: Alternate(lang, newsletter_archive_path(lang.prefix), True) for lang in _site.built_languages(config)
    }
    _site.add_page(config, page, alternates)
    title = _site.project(config).strings.get(language.code, "newsletter.feed_title")
    _site.add_feed(config, _site.Feed("application/rss+xml", title, newsletter_feed_path(language.prefix)))
    return files


@_site.timed
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    issue = _site.project(config).issue_by_source.get(page.file.src_uri)
    if issue is None:
        return None
    language = _site.current(config)
    publication = _site.publication(config)
    ctx = _site.context(config, page.url, text_code=issue.code, generator=GENERATOR)
    built = _site.built_languages(config)
    names = {lang.code: lang for lang in built}
    others = [
        (names[other.code].tag, names[other.code].name, issue_path(other.stem, names[other.code].prefix))
        for other in versions(publication.issues, issue.stem, [lang.code for lang in built if lang != language])
    ]
    email_prefix = names[issue.code].prefix if issue.code in names else language.prefix
    header = render_issue_header(issue, ctx)
    footer = render_issue_footer(issue, ctx, publication.archive(language.code), others, email_prefix)
    return insert_after_title(markdown, header) + footer


@_site.timed
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    issue = _site.project(config).issue_by_source.get(page.file.src_uri)
    if issue is not None and issue.code == _site.current(config).code:
        _site.keep_rendered(config, issue.docs_path, html)
    return None


@_site.timed
def on_post_build(config: MkDocsConfig) -> None:
    ctx = _site.context(config)
    own = [issue for issue in _site.publication(config).issues if issue.code == ctx.code]
    settings = config.extra.get("newsletter") or {}
    mail = MailSettings(
        site_name=config.site_name,
        unsubscribe_placeholder=str(settings.get("unsubscribe_placeholder") or "{{unsubscribe}}"),
        emblem_path=EMBLEM_PNG,
    )
    contents = {issue.docs_path: _site.rendered(config, issue.docs_path) for issue in own}
    funding = _site.project(config).funding[ctx.code]
    for site_path, content in newsletter_files(own, ctx, config.site_url or "", contents, funding, mail).items():
        target = Path(config.site_dir) / site_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
