"""The news section: posts from docs/<language>/news/, generated index pages, the home page block, and feeds.

Posts are read and checked once per build (cisotra.project); each language pass keeps
that language's published posts, generates its index, year and topic pages, and writes
its RSS and Atom feeds.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

import _site
from cisotra.feeds import Feed, FeedEntry, absolutize, render
from cisotra.markup import insert_after_title
from cisotra.news import IMAGE_TYPES, Post, by_language, translations
from cisotra.newspages import (
    feed_path,
    generate_pages,
    index_path,
    post_path,
    render_latest,
    render_post_footer,
    render_post_header,
    section_paths,
)
from cisotra.timeline import render_activity

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

_LEADING_TITLE = re.compile(r"^\s*<h1[^>]*>.*?</h1>\s*", re.S)
FEED_KINDS = {"rss": "application/rss+xml", "atom": "application/atom+xml"}

# This language pass's rendered posts that its feeds carry, for the feeds written after it.
_in_feed: set[str] = set()
_contents: dict[str, str] = {}


# mkdocs-static-i18n sorts files into languages at priority -100; this runs after it.
@event_priority(-110)
@_site.timed
def on_files(files: Files, config: MkDocsConfig) -> Files:
    project = _site.project(config)
    language = _site.current(config)
    languages = _site.built_languages(config)
    now = _site.now(config)
    own = {post.src_uri: post for post in by_language(project.posts, language.code, now)}
    table, generated_by_language = _section_map(project, languages, now)
    _contents.clear()
    _in_feed.clear()
    _in_feed.update(post.src_uri for post in list(own.values())[:FEED_SIZE])

    for file in list(files.documentation_pages()):
        if _is_post_source(file.src_uri) and file.src_uri not in own:
            # A draft, a post dated in the future, or another language's post that
            # mkdocs-static-i18n would show here as an English fallback: not published.
            files.remove(file)
    for file in files.documentation_pages():
        post = own.get(file.src_uri)
        if post is not None:
            file.alternates = {
                lang.code: _site.alternate(post_path(table[post.key][lang.code], lang.prefix), lang.code)
                if lang.code in table[post.key]
                else _site.alternate(index_path(lang.prefix), None)
                for lang in languages
            }

    for page in generate_pages(list(own.values()), _site.context(config), project.tags):
        suffix = page.site_path[len(language.prefix) :]
        alternates = {
            lang.code: _site.alternate(lang.prefix + suffix, lang.code)
            if suffix in generated_by_language[lang.code]
            else _site.alternate(index_path(lang.prefix), None)
            for lang in languages
        }
        _site.add_generated(config, files, page.src_uri, page.markdown, alternates)
    _site.record_pages(config, files)
    return files


@_site.timed
def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    words = _site.project(config).strings.table(_site.current(config).code)
    prefix = _site.current(config).prefix
    env.globals["site_feeds"] = [
        {
            "media_type": media_type,
            "title": f"{words['news.feed_title']} ({kind.upper()})",
            "url": feed_path(prefix, kind),
        }
        for kind, media_type in FEED_KINDS.items()
    ]
    return env


@_site.timed
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    project = _site.project(config)
    language = _site.current(config)
    if getattr(page.file, "norm_src_uri", None) == "index.md":
        ctx = _site.context(config, page.url)
        return markdown + render_latest(by_language(project.posts, language.code, _site.now(config)), ctx)
    post = _post_of(page, config)
    if post is None:
        return None
    ctx = _site.context(config, page.url)
    image_href = ctx.link(_image_site_path(post.image)) if post.image else None
    activity = project.activity_by_id.get(post.activity) if post.activity else None
    header = render_post_header(post, ctx, project.tags, image_href)
    footer = render_post_footer(ctx, render_activity(activity, ctx) if activity else None)
    return insert_after_title(markdown, header) + footer


@_site.timed
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if page.file.src_uri in _in_feed:
        # Feed readers show the title themselves.
        _contents[page.file.src_uri] = _LEADING_TITLE.sub("", html, count=1)
    return None


@_site.timed
def on_post_build(config: MkDocsConfig) -> None:
    project = _site.project(config)
    language = _site.current(config)
    site_url = config.site_url or ""
    posts = by_language(project.posts, language.code, _site.now(config))
    words = project.strings.table(language.code)
    feed = Feed(
        title=words["news.feed_title"],
        description=words["news.feed_description"],
        language=language.tag,
        site_url=site_url + language.prefix,
        self_url=site_url + feed_path(language.prefix, "{kind}"),
    )
    entries = [_entry(post, site_url, language.prefix, config) for post in posts[:FEED_SIZE]]
    for kind in FEED_KINDS:
        target = Path(config.site_dir) / feed_path(language.prefix, kind)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(render(feed, entries, kind))


# The newest posts a feed carries: readers fetch feeds often, and the archive pages hold the rest.
FEED_SIZE = 50


# ---------------------------------------------------------------------------


_section_maps: dict[tuple, tuple[dict, dict]] = {}


def _section_map(project, languages, now) -> tuple[dict, dict]:
    """Translations of every post, and the generated pages of every language: the same for every pass of a build."""
    key = (id(project), tuple(lang.code for lang in languages), now)
    if key not in _section_maps:
        _section_maps.clear()
        generated = {
            lang.code: {
                path[len(lang.prefix) :]
                for path in section_paths(by_language(project.posts, lang.code, now), lang.prefix)
            }
            for lang in languages
        }
        _section_maps[key] = (translations(project.posts, now), generated)
    return _section_maps[key]


def _is_post_source(src_uri: str) -> bool:
    parts = src_uri.split("/")
    return len(parts) == 3 and parts[1] == "news" and parts[2].endswith(".md") and parts[2] != "index.md"


def _post_of(page: Page, config: MkDocsConfig) -> Post | None:
    if not _is_post_source(page.file.src_uri):
        return None
    return _site.project(config).post_by_source.get(page.file.src_uri)


def _image_site_path(docs_path: str) -> str:
    """docs-relative image path → site path: a language folder's files are published under its prefix."""
    first, _, rest = docs_path.partition("/")
    return rest if first == "en" else docs_path


def _entry(post: Post, site_url: str, prefix: str, config: MkDocsConfig) -> FeedEntry:
    url = site_url + post_path(post, prefix)
    content = absolutize(_contents.get(post.src_uri, ""), url)
    enclosure = None
    if post.image:
        image_url = site_url + _image_site_path(post.image)
        size = (Path(config.docs_dir) / post.image).stat().st_size
        enclosure = (image_url, size, IMAGE_TYPES[Path(post.image).suffix.lower()])
    return FeedEntry(
        url=url,
        title=post.title,
        published=post.published,
        updated=post.published,
        summary=post.summary,
        content_html=content,
        author=post.author,
        enclosure=enclosure,
    )
