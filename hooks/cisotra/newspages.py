"""The news section's generated pages: index pages, years, topics, the home page block, and each post's frame.

Paths are site paths ('si/news/page/2/'); `ctx.link` turns them into hrefs from the
page being built. Every text from a post's front matter is escaped here.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from .context import Context
from .dates import format_day
from .markup import inline
from .news import Post, Tags
from .pages import GeneratedPage

PER_PAGE = 10
LATEST = 3


def post_path(post: Post, prefix: str) -> str:
    return f"{prefix}news/{post.stem}/"


def index_path(prefix: str, page: int = 1) -> str:
    return f"{prefix}news/" if page == 1 else f"{prefix}news/page/{page}/"


def year_path(prefix: str, year: int) -> str:
    return f"{prefix}news/{year}/"


def tag_path(prefix: str, tag: str) -> str:
    return f"{prefix}news/tags/{tag}/"


def feed_path(prefix: str, kind: str) -> str:
    return f"{prefix}news/{kind}.xml"


def published_text(post: Post, ctx: Context) -> str:
    return format_day(post.published.date(), ctx.tag)


def render_items(posts: Iterable[Post], ctx: Context, heading: str = "h2") -> str:
    items = []
    for post in posts:
        items.append(
            '<li class="cisotra-post">'
            f'<{heading} class="cisotra-post__title"><a href="{escape(ctx.link(post_path(post, ctx.prefix)))}">{escape(post.title)}</a></{heading}>'
            f'<p class="cisotra-post__date"><time datetime="{post.published.isoformat()}">{escape(published_text(post, ctx))}</time></p>'
            f'<p class="cisotra-post__summary">{escape(post.summary)}</p>'
            "</li>"
        )
    return '<ol class="cisotra-posts">\n' + "\n".join(items) + "\n</ol>"


def page_count(posts: list[Post]) -> int:
    return max(1, -(-len(posts) // PER_PAGE))


def section_paths(posts: list[Post], prefix: str) -> list[str]:
    """Site paths of every generated page of a language's news section, without rendering them."""
    return (
        [index_path(prefix, number) for number in range(1, page_count(posts) + 1)]
        + [year_path(prefix, year) for year in sorted({post.published.year for post in posts}, reverse=True)]
        + [tag_path(prefix, tag) for tag in sorted({tag for post in posts for tag in post.tags})]
    )


def generate_pages(posts: list[Post], ctx: Context, tags: Tags) -> list[GeneratedPage]:
    """Every generated page of one language's news section; each page's links are relative to itself."""
    pages = [_chunk(posts, number) for number in range(1, page_count(posts) + 1)]
    generated = [
        _index(chunk, number, len(pages), posts, ctx.at(index_path(ctx.prefix, number)), tags)
        for number, chunk in enumerate(pages, start=1)
    ]
    for year in sorted({post.published.year for post in posts}, reverse=True):
        path = year_path(ctx.prefix, year)
        own = [post for post in posts if post.published.year == year]
        generated.append(
            _list_page(
                path, ctx.text("news.year_title", year=year), ctx.text("news.year_description", year=year), own, ctx
            )
        )
    for tag in sorted({tag for post in posts for tag in post.tags}):
        path = tag_path(ctx.prefix, tag)
        own = [post for post in posts if tag in post.tags]
        name = tags.name(tag, ctx.code, ctx.default_code)
        generated.append(
            _list_page(path, ctx.text("news.tag_title", tag=name), ctx.text("news.tag_description", tag=name), own, ctx)
        )
    return generated


def _list_page(path: str, title: str, description: str, posts: list[Post], ctx: Context) -> GeneratedPage:
    """A year's or a topic's posts: a list that repeats the posts, kept out of search."""
    body = ctx.at(path).html_block(render_items(posts, ctx.at(path)), searchable=False)
    return GeneratedPage(path, title, description, body, searchable=False)


def render_post_header(post: Post, ctx: Context, tags: Tags, image_html: str | None) -> str:
    """HTML shown under a post's title: date, author, topics, where its text comes from, and the lead image."""
    parts = [f'<time datetime="{post.published.isoformat()}">{escape(published_text(post, ctx))}</time>']
    if post.author:
        parts.append(escape(ctx.text("news.by", author=post.author)))
    topic_links = [
        f'<a href="{escape(ctx.link(tag_path(ctx.prefix, tag)))}">{escape(tags.name(tag, ctx.code, ctx.default_code))}</a>'
        for tag in post.tags
    ]
    if topic_links:
        parts.append(f"{ctx.html('news.tags')}: " + ", ".join(topic_links))
    header = '<p class="cisotra-post__meta">' + " · ".join(parts) + "</p>"
    if post.from_plan:
        header += f'\n<p class="cisotra-note cisotra-note--plan" role="note">{ctx.html("news.from_plan")}</p>'
    if image_html:
        header += f'\n<p class="cisotra-post__image">{image_html}</p>'
    return ctx.html_block(header)


def render_post_footer(ctx: Context, activities_html: list[str]) -> str:
    """The activities the post is about, and the way back to the news."""
    footer = ""
    if activities_html:
        key = "news.activity" if len(activities_html) == 1 else "news.activities"
        # The activities are found on the timeline; here they repeat it, so search skips them.
        box = (
            f'<h2 id="activity">{ctx.html(key)}</h2>\n<ol class="cisotra-timeline">\n'
            + "\n".join(activities_html)
            + "\n</ol>"
        )
        footer += f"\n\n{ctx.html_block(box, searchable=False)}\n"
    back = f'<p class="cisotra-post__back"><a href="{escape(ctx.link(index_path(ctx.prefix)))}">{ctx.html("news.back")}</a></p>'
    return footer + f"\n\n{ctx.html_block(back)}\n"


# ---------------------------------------------------------------------------


def _chunk(posts: list[Post], number: int) -> list[Post]:
    return posts[(number - 1) * PER_PAGE : number * PER_PAGE]


def _index(chunk: list[Post], number: int, count: int, posts: list[Post], ctx: Context, tags: Tags) -> GeneratedPage:
    title = ctx.text("news.title") if number == 1 else ctx.text("news.page_title", page=number)
    feeds = (
        f'<p class="cisotra-feeds">{ctx.html("news.subscribe")} '
        f'<a href="{escape(ctx.link(feed_path(ctx.prefix, "rss")))}" type="application/rss+xml">{ctx.html("news.rss")}</a> · '
        f'<a href="{escape(ctx.link(feed_path(ctx.prefix, "atom")))}" type="application/atom+xml">{ctx.html("news.atom")}</a></p>'
    )
    body = [
        ctx.html("news.intro") if posts else ctx.html("news.none"),
        ctx.html_block(feeds, searchable=False),
        ctx.html_block(render_items(chunk, ctx), searchable=False) if chunk else "",
    ]
    if count > 1:
        body.append(ctx.html_block(_pagination(number, count, ctx), searchable=False))
    if number == 1 and posts:
        years = sorted({post.published.year for post in posts}, reverse=True)
        year_links = " · ".join(f'<a href="{escape(ctx.link(year_path(ctx.prefix, y)))}">{y}</a>' for y in years)
        body.append(
            f"## {inline(ctx.text('news.archive'))} {{#archive}}\n\n{ctx.html_block(f'<p>{year_links}</p>', searchable=False)}"
        )
        used = ctx.sorted_by_name(
            {t for post in posts for t in post.tags}, lambda t: tags.name(t, ctx.code, ctx.default_code)
        )
        topic_links = " · ".join(
            f'<a href="{escape(ctx.link(tag_path(ctx.prefix, t)))}">{escape(tags.name(t, ctx.code, ctx.default_code))}</a>'
            for t in used
        )
        if topic_links:
            body.append(
                f"## {inline(ctx.text('news.tags'))} {{#topics}}\n\n{ctx.html_block(f'<p>{topic_links}</p>', searchable=False)}"
            )
    body_text = "\n\n".join(part for part in body if part)
    # Later index pages repeat what the posts say; search finds the posts themselves.
    return GeneratedPage(ctx.page, title, ctx.text("news.description"), body_text, searchable=number == 1)


def page_window(number: int, count: int, around: int = 2) -> list[int | None]:
    """The page numbers a pagination bar shows: the first, the last and `around` either side of
    the current one, with None for each gap. Years of news make hundreds of pages: listing them
    all would make every index page longer than its posts, and the build quadratic."""
    shown = sorted({1, count, *range(max(1, number - around), min(count, number + around) + 1)})
    window: list[int | None] = []
    for page in shown:
        if window and page - (window[-1] or 0) > 1:
            window.append(None)
        window.append(page)
    return window


def _pagination(number: int, count: int, ctx: Context) -> str:
    links = []
    if number > 1:
        links.append(
            f'<a href="{escape(ctx.link(index_path(ctx.prefix, number - 1)))}" rel="prev">{ctx.html("news.newer")}</a>'
        )
    for page in page_window(number, count):
        if page is None:
            links.append('<span class="cisotra-pagination__gap">…</span>')
            continue
        label = escape(ctx.text("news.page_n", page=page))
        if page == number:
            # aria-label is not allowed on a plain span: the label is hidden text instead.
            links.append(
                f'<span aria-current="page"><span class="cisotra-visually-hidden">{label}</span>'
                f'<span aria-hidden="true">{page}</span></span>'
            )
        else:
            links.append(f'<a href="{escape(ctx.link(index_path(ctx.prefix, page)))}" aria-label="{label}">{page}</a>')
    if number < count:
        links.append(
            f'<a href="{escape(ctx.link(index_path(ctx.prefix, number + 1)))}" rel="next">{ctx.html("news.older")}</a>'
        )
    return f'<nav class="cisotra-pagination" aria-label="{ctx.html("news.pagination")}">' + " ".join(links) + "</nav>"
