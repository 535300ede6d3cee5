"""A language's news feeds (RSS and Atom) from its published posts."""

from __future__ import annotations

from .context import Context
from .feeds import FEED_SIZE, Feed, FeedEntry, absolutize, render, without_title
from .news import Post
from .newspages import reconstructed_note
from .paths import news_feed_path, post_path

KINDS = {"rss": "application/rss+xml", "atom": "application/atom+xml"}

Enclosure = tuple[str, int, str]  # (absolute URL, bytes, media type)


def feed_posts(posts: list[Post]) -> list[Post]:
    """The posts a feed carries: the newest."""
    return posts[:FEED_SIZE]


def news_feeds(
    posts: list[Post],
    ctx: Context,
    site_url: str,
    contents: dict[str, str],
    enclosures: dict[str, Enclosure],
) -> dict[str, bytes]:
    """Both feeds by site path; `contents` and `enclosures` are the posts' rendered HTML and lead images,
    by the posts' docs paths."""
    feed = Feed(
        title=ctx.text("news.feed_title"),
        description=ctx.text("news.feed_description"),
        language=ctx.tag,
        site_url=site_url + ctx.prefix,
        self_url=site_url + news_feed_path(ctx.prefix, "{kind}"),
        author=ctx.text("news.feed_author"),
    )
    entries = []
    for post in feed_posts(posts):
        url = site_url + post_path(post.stem, ctx.prefix)
        entries.append(
            FeedEntry(
                url=url,
                title=post.title,
                published=post.publication,
                updated=post.publication,
                # A feed reader lists the summary: a reconstructed post says so there too.
                summary=f"[{note}] {post.summary}" if (note := reconstructed_note(post, ctx)) else post.summary,
                content_html=absolutize(without_title(contents.get(post.docs_path, "")), url),
                author=post.author,
                enclosure=enclosures.get(post.docs_path),
            )
        )
    return {news_feed_path(ctx.prefix, kind): render(feed, entries, kind) for kind in KINDS}
