"""The news section: posts from docs/<language>/news/, generated index pages, the home page block, and feeds.

Posts are read and checked once per build (cisotra.project); which are published where
is cisotra.publication's business. Each language pass keeps that language's published
posts, registers its index, year and topic pages, and writes its RSS and Atom feeds.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import Markup
from mkdocs.plugins import event_priority

import _site
from cisotra.images import img_tag, plain_img_tag
from cisotra.languages import Alternate
from cisotra.markup import insert_after_title
from cisotra.news import IMAGE_TYPES, Post
from cisotra.newsfeed import KINDS, feed_posts, news_feeds
from cisotra.newspages import generate_pages, render_post_footer, render_post_header, section_paths
from cisotra.paths import file_site_path, news_feed_path, news_index_path, post_path
from cisotra.timeline import render_activity

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

GENERATOR = "the news hook"


# mkdocs-static-i18n sorts files into languages at priority -100; this runs after it.
@event_priority(-110)
@_site.timed
def on_files(files: Files, config: MkDocsConfig) -> Files:
    publication = _site.publication(config)
    language = _site.current(config)
    languages = _site.built_languages(config)
    own = {post.docs_path: post for post in publication.posts(language.code)}
    for file in list(files.documentation_pages()):
        if publication.is_held_back(file.src_uri) or (_site.is_post_source(file) and file.src_uri not in own):
            # A draft, a post dated in the future, or another language's post that
            # mkdocs-static-i18n would show here as an English fallback: not published.
            files.remove(file)
    generated = _generated_paths(config)
    for post in own.values():
        translated = publication.post_translations[post.key]
        _site.set_alternates(
            config,
            post.docs_path,
            {
                lang.code: Alternate(lang, post_path(translated[lang.code].stem, lang.prefix), True)
                if lang.code in translated
                else Alternate(lang, news_index_path(lang.prefix), False)
                for lang in languages
            },
        )
    project = _site.project(config)
    for page in generate_pages(list(own.values()), _site.context(config, generator=GENERATOR), project.tags):
        suffix = page.site_path[len(language.prefix) :]
        alternates = {
            lang.code: Alternate(lang, lang.prefix + suffix, True)
            if suffix in generated[lang.code]
            else Alternate(lang, news_index_path(lang.prefix), False)
            for lang in languages
        }
        _site.add_page(config, page, alternates)
    words = project.strings.table(language.code)
    for kind, media_type in KINDS.items():
        title = f"{words['news.feed_title']} ({kind.upper()})"
        _site.add_feed(config, _site.Feed(media_type, title, news_feed_path(language.prefix, kind)))
    return files


@_site.timed
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    post = _site.project(config).post_by_source.get(page.file.src_uri)
    if post is None:
        return None
    project = _site.project(config)
    page.meta.setdefault("description", post.summary)  # the page's description, in search results and share cards
    ctx = _site.context(config, page.url, generator=GENERATOR)
    image = _lead_image(post, config, ctx) if post.image else None
    activities = [render_activity(project.activity_by_id[key], ctx) for key in post.activities]
    header = render_post_header(post, ctx, project.tags, image)
    return insert_after_title(markdown, header) + render_post_footer(ctx, activities)


@_site.timed
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    post = _site.project(config).post_by_source.get(page.file.src_uri)
    if post is not None and post in feed_posts(_site.publication(config).posts(_site.current(config).code)):
        _site.keep_rendered(config, post.docs_path, html)
    return None


@_site.timed
def on_post_build(config: MkDocsConfig) -> None:
    ctx = _site.context(config)
    site_url = config.site_url or ""
    posts = _site.publication(config).posts(ctx.code)
    contents = {post.docs_path: _site.rendered(config, post.docs_path) for post in feed_posts(posts)}
    enclosures = {post.docs_path: _enclosure(post, config, site_url) for post in feed_posts(posts) if post.image}
    for site_path, content in news_feeds(posts, ctx, site_url, contents, enclosures).items():
        target = Path(config.site_dir) / site_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)


# ---------------------------------------------------------------------------


def _generated_paths(config: MkDocsConfig) -> dict[str, set[str]]:
    """Each language's generated news pages, without its prefix: the same for every pass of a build."""
    memo = _site.build(config).memo
    if "news pages" not in memo:
        publication = _site.publication(config)
        memo["news pages"] = {
            lang.code: {path[len(lang.prefix) :] for path in section_paths(publication.posts(lang.code), lang.prefix)}
            for lang in _site.built_languages(config)
        }
    return memo["news pages"]


def _lead_image(post: Post, config: MkDocsConfig, ctx) -> Markup:
    image = _site.web_image(config, post.image)
    if image is not None:
        return img_tag(image, post.image_alt or "", ctx.link)
    return plain_img_tag(ctx.link(file_site_path(post.image, _site.default(config).code)), post.image_alt or "")


def _enclosure(post: Post, config: MkDocsConfig, site_url: str) -> tuple[str, int, str]:
    image = _site.web_image(config, post.image)
    if image is not None:
        return site_url + image.site_path, len(image.full.data), IMAGE_TYPES[Path(post.image).suffix.lower()]
    site_path = file_site_path(post.image, _site.default(config).code)
    size = (Path(config.docs_dir) / post.image).stat().st_size
    return site_url + site_path, size, IMAGE_TYPES[Path(post.image).suffix.lower()]
