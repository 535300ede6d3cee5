"""The e-newsletter: the archive page of each language, the frame of each issue page, its e-mail files and feed.

Issue pages are ordinary pages of docs/<language>/newsletters/; mkdocs-static-i18n shows
the default language's issue where a translation is missing, with the notice the
language hook adds. E-mails and feed entries exist only for a language's own issues.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

import _site
from cisotra.feeds import Feed, FeedEntry, absolutize, render
from cisotra.mailing import Email, render_html, render_text
from cisotra.markup import insert_after_title
from cisotra.newsletterpages import (
    archive_path,
    email_path,
    feed_path,
    issue_date,
    issue_path,
    render_archive,
    render_issue_footer,
    render_issue_header,
    strip_frame,
)
from cisotra.newsletters import FOLDER, Issue, archive

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

ARCHIVE_SOURCE = f"{FOLDER}/index.md"
_LEADING_TITLE = re.compile(r"^\s*<h1[^>]*>.*?</h1>\s*", re.S)

# This language pass's rendered issues, for the e-mails and the feed written after it.
_contents: dict[str, str] = {}


@event_priority(-110)  # after mkdocs-static-i18n has sorted the files into languages
@_site.timed
def on_files(files: Files, config: MkDocsConfig) -> Files:
    language = _site.current(config)
    project = _site.project(config)
    _contents.clear()
    entries = archive(project.issues, language.code, _site.default(config).code)
    subscribe = (config.extra.get("newsletter") or {}).get("subscribe", {}) or {}
    ctx = _site.context(config).at(archive_path(language.prefix))
    markdown = render_archive(
        entries, ctx, subscribe.get(language.code), _site.default(config).code, _site.default(config).tag
    )
    alternates = {
        lang.code: _site.alternate(archive_path(lang.prefix), lang.code) for lang in _site.built_languages(config)
    }
    _site.add_generated(config, files, language.prefix + ARCHIVE_SOURCE, markdown, alternates)
    _site.record_pages(config, files)
    return files


@_site.timed
def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    words = _site.project(config).strings.table(_site.current(config).code)
    feed = {
        "media_type": "application/rss+xml",
        "title": words["newsletter.feed_title"],
        "url": feed_path(_site.current(config).prefix),
    }
    env.globals["site_feeds"] = [*env.globals.get("site_feeds", []), feed]
    return env


@_site.timed
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    issue = _issue_of(page, config)
    if issue is None:
        return None
    language = _site.current(config)
    default = _site.default(config)
    ctx = _site.context(config, page.url, text_code=issue.code)
    project = _site.project(config)
    entries = archive(project.issues, language.code, default.code)
    names = {lang.code: lang for lang in _site.built_languages(config)}
    versions = [
        (names[other.code].tag, names[other.code].name, issue_path(other.stem, names[other.code].prefix))
        for other in sorted(project.issues, key=lambda i: list(names).index(i.code) if i.code in names else 99)
        if other.stem == issue.stem and other.code != language.code and other.code in names
    ]
    email_prefix = names[issue.code].prefix if issue.code in names else language.prefix
    header = render_issue_header(issue, ctx)
    footer = render_issue_footer(issue, ctx, entries, versions, default.code, email_prefix)
    return insert_after_title(markdown, header) + footer


@_site.timed
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    issue = _issue_of(page, config)
    if issue is not None and issue.code == _site.current(config).code:
        _contents[issue.stem] = strip_frame(html)
    return None


@_site.timed
def on_post_build(config: MkDocsConfig) -> None:
    language = _site.current(config)
    project = _site.project(config)
    words = project.strings.table(language.code)
    site_url = config.site_url or ""
    own = [issue for issue in project.issues if issue.code == language.code]
    settings = config.extra.get("newsletter") or {}
    placeholder = str(settings.get("unsubscribe_placeholder") or "{{unsubscribe}}")
    funding = project.funding[language.code]
    ctx = _site.context(config)
    site = Path(config.site_dir)
    entries = []
    for issue in own:
        url = site_url + issue_path(issue.stem, language.prefix)
        html = absolutize(_contents.get(issue.stem, ""), url)
        heading = f"{config.site_name} · {ctx.text('newsletter.issue', number=issue.number)} · {issue_date(issue, ctx)}"
        email = Email(
            language=language.tag,
            subject=issue.title,
            preheader=issue.summary,
            heading=heading,
            content_html=html,
            online_url=url,
            online_label=words["newsletter.email_view_online"],
            emblem_url=site_url + "assets/images/eu-emblem.png",
            funding_statement=funding.statement,
            funding_disclaimer=funding.disclaimer,
            why=words["newsletter.email_why"],
            unsubscribe_label=words["newsletter.email_unsubscribe"],
            unsubscribe_placeholder=placeholder,
        )
        for extension, text in (("html", render_html(email)), ("txt", render_text(email))):
            target = site / email_path(issue.stem, language.prefix, extension)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        moment = datetime.combine(issue.date, time(0, 0), tzinfo=UTC)
        content = _LEADING_TITLE.sub("", html, count=1)
        entries.append(
            FeedEntry(
                url=url,
                title=issue.title,
                published=moment,
                updated=moment,
                summary=issue.summary,
                content_html=content,
            )
        )
    feed = Feed(
        title=words["newsletter.feed_title"],
        description=words["newsletter.feed_description"],
        language=language.tag,
        site_url=site_url + archive_path(language.prefix),
        self_url=site_url + feed_path(language.prefix).replace("rss.xml", "{kind}.xml"),
    )
    target = site / feed_path(language.prefix)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(render(feed, entries, "rss"))


# ---------------------------------------------------------------------------


def _issue_of(page: Page, config: MkDocsConfig) -> Issue | None:
    """The issue a page shows: its own language's version, or the default language's on a fallback page."""
    src = page.file.src_uri
    parts = src.split("/")
    if len(parts) != 3 or parts[1] != FOLDER or parts[2] == "index.md":
        return None
    return _site.project(config).issue_by_source.get(src)
