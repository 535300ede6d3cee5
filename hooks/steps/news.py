"""The news section: posts from docs/<language>/news/, generated index pages, each post's frame, and the feeds.

Posts are read and checked once per build (cisotra.project); which are published where is
cisotra.publication's business. Each language pass keeps that language's published posts,
registers its index, year and topic pages, and writes its RSS and Atom feeds.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import Markup

import _site
from buildstate import Feed
from cisotra.images import img_tag, plain_img_tag
from cisotra.languages import Alternate
from cisotra.markup import insert_after_title
from cisotra.news import IMAGE_TYPES, Post
from cisotra.newsfeed import KINDS, feed_posts, news_feeds
from cisotra.newspages import generate_pages, render_post_footer, render_post_header, section_paths
from cisotra.paths import file_site_path, news_feed_path, news_index_path, post_path
from cisotra.timeline import render_activity
from steps.images import lead_image

if TYPE_CHECKING:
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

    from buildstate import SiteBuild
    from cisotra.context import Context

GENERATOR = "the news pages"


@dataclass
class NewsPages:
    """Each language's generated news pages, without its prefix: the same for every pass of a build."""

    by_language: dict[str, set[str]] | None = None


def remove_unpublished(site: SiteBuild, files: Files) -> None:
    """Drafts, posts dated in the future, and another language's posts (which mkdocs-static-i18n would
    show here as an English fallback) are not published."""
    publication = site.publication
    own = {post.docs_path for post in publication.posts(site.language.code)}
    for file in list(files.documentation_pages()):
        if publication.is_held_back(file.src_uri) or (_site.is_post_source(file) and file.src_uri not in own):
            files.remove(file)


def register_pages(site: SiteBuild) -> None:
    """Each post's language versions, the index, year and topic pages, and the feeds of this pass's language.
    The lists show the posts of other languages that have no version in this one too (Publication.listed);
    a post's language switcher leads a language without a version to its news index, which lists the post."""
    publication = site.publication
    language = site.language
    own = publication.posts(language.code)
    for post in own:
        translated = publication.post_translations[post.key]
        site.set_alternates(
            post.docs_path,
            {
                lang.code: Alternate(lang, post_path(translated[lang.code].stem, lang.prefix), True)
                if lang.code in translated
                else Alternate(lang, news_index_path(lang.prefix), False)
                for lang in site.built
            },
        )
    generated = _generated_paths(site)
    for page in generate_pages(publication.listed(language.code), site.context(generator=GENERATOR), site.project.tags):
        suffix = page.site_path[len(language.prefix) :]
        alternates = {
            lang.code: Alternate(lang, lang.prefix + suffix, True)
            if suffix in generated[lang.code]
            else Alternate(lang, news_index_path(lang.prefix), False)
            for lang in site.built
        }
        site.add_page(page, alternates)
    words = site.project.strings.table(language.code)
    for kind, media_type in KINDS.items():
        title = f"{words['news.feed_title']} ({kind.upper()})"
        site.add_feed(Feed(media_type, title, news_feed_path(language.prefix, kind)))


def frame_post(site: SiteBuild, page: Page, markdown: str) -> str | None:
    """A post's date, author, topics and lead image under its title; the activities it is about after its text."""
    project = site.project
    post = project.post_by_source.get(page.file.src_uri)
    if post is None:
        return None
    page.meta.setdefault("description", post.summary)  # the page's description, in search results and share cards
    ctx = site.context(page.url, generator=GENERATOR)
    image = _lead_image(site, post, ctx) if post.image else None
    activities = [render_activity(project.activity_by_id[key], ctx) for key in post.activities]
    header = render_post_header(post, ctx, project.tags, image)
    return insert_after_title(markdown, header) + render_post_footer(ctx, activities)


def keep_for_feeds(site: SiteBuild, page: Page, html: str) -> None:
    """A post's rendered HTML, for the feeds written when the pass ends."""
    post = site.project.post_by_source.get(page.file.src_uri)
    if post is not None and post in feed_posts(site.publication.posts(site.language.code)):
        site.keep_rendered(post.docs_path, html)


def write_feeds(site: SiteBuild) -> None:
    ctx = site.context()
    posts = site.publication.posts(ctx.code)
    contents = {post.docs_path: site.rendered(post.docs_path) for post in feed_posts(posts)}
    enclosures = {post.docs_path: _enclosure(site, post) for post in feed_posts(posts) if post.image}
    for site_path, content in news_feeds(posts, ctx, site.site_url, contents, enclosures).items():
        site.write(site_path, content)


# ---------------------------------------------------------------------------


def _generated_paths(site: SiteBuild) -> dict[str, set[str]]:
    pages = site.feature(NewsPages)
    if pages.by_language is None:
        publication = site.publication
        pages.by_language = {
            lang.code: {path[len(lang.prefix) :] for path in section_paths(publication.listed(lang.code), lang.prefix)}
            for lang in site.built
        }
    return pages.by_language


def _lead_image(site: SiteBuild, post: Post, ctx: Context) -> Markup:
    image = lead_image(site, post.image)
    if image is not None:
        return img_tag(image, post.image_alt or "", ctx.link)
    return plain_img_tag(ctx.link(file_site_path(post.image, site.default.code)), post.image_alt or "")


def _enclosure(site: SiteBuild, post: Post) -> tuple[str, int, str]:
    image = lead_image(site, post.image)
    media_type = IMAGE_TYPES[Path(post.image).suffix.lower()]
    if image is not None:
        return site.site_url + image.site_path, len(image.full.data), media_type
    site_path = file_site_path(post.image, site.default.code)
    return site.site_url + site_path, (site.docs_dir / post.image).stat().st_size, media_type
