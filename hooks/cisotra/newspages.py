"""The news section's generated pages: index pages, years, topics, the home page block, and each post's frame.

Paths are site paths ('si/news/page/2/'); `ctx.link` turns them into hrefs from the
page being built. Every text from a post's front matter is escaped here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from html import escape

from .context import Context
from .dates import format_day
from .markup import front_matter, inline
from .news import Post, Tags

PER_PAGE = 10
LATEST = 3


@dataclass(frozen=True)
class GeneratedPage:
    site_path: str  # 'si/news/page/2/'
    src_uri: str  # what MkDocs is told the page's source is: 'si/news/page/2.md'
    markdown: str


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


def source_uri(site_path: str) -> str:
    """'si/news/page/2/' → 'si/news/page/2.md'; 'news/' → 'news/index.md'."""
    trimmed = site_path.rstrip("/")
    return f"{trimmed}/index.md" if trimmed.endswith("news") else f"{trimmed}.md"


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
    generated = []
    for number, chunk in enumerate(pages, start=1):
        path = index_path(ctx.prefix, number)
        generated.append(
            GeneratedPage(path, source_uri(path), _index(chunk, number, len(pages), posts, ctx.at(path), tags))
        )
    for year in sorted({post.published.year for post in posts}, reverse=True):
        path = year_path(ctx.prefix, year)
        own = [post for post in posts if post.published.year == year]
        title = ctx.text("news.year_title", year=year)
        description = ctx.text("news.year_description", year=year)
        generated.append(
            GeneratedPage(
                path,
                source_uri(path),
                _frame(
                    title, description, ctx.raw(render_items(own, ctx.at(path)), searchable=False), searchable=False
                ),
            )
        )
    for tag in sorted({tag for post in posts for tag in post.tags}):
        path = tag_path(ctx.prefix, tag)
        own = [post for post in posts if tag in post.tags]
        name = tags.name(tag, ctx.code, ctx.reference)
        title = ctx.text("news.tag_title", tag=name)
        description = ctx.text("news.tag_description", tag=name)
        generated.append(
            GeneratedPage(
                path,
                source_uri(path),
                _frame(
                    title, description, ctx.raw(render_items(own, ctx.at(path)), searchable=False), searchable=False
                ),
            )
        )
    return generated


def render_latest(posts: list[Post], ctx: Context) -> str:
    """Markdown for the home page: the newest posts and a link to all news."""
    if not posts:
        return ""
    link = escape(ctx.link(index_path(ctx.prefix)))
    return (
        f"\n\n## {inline(ctx.text('news.latest'))} {{#latest-news}}\n\n"
        + ctx.raw(
            render_items(posts[:LATEST], ctx, heading="h3")
            + f'\n<p class="cisotra-posts__more"><a href="{link}">{ctx.word("news.all_news")}</a></p>',
            searchable=False,
        )
        + "\n"
    )


def render_post_header(post: Post, ctx: Context, tags: Tags, image_href: str | None) -> str:
    """HTML shown under a post's title: date, author, topics and the lead image."""
    parts = [f'<time datetime="{post.published.isoformat()}">{escape(published_text(post, ctx))}</time>']
    if post.author:
        parts.append(escape(ctx.text("news.by", author=post.author)))
    topic_links = [
        f'<a href="{escape(ctx.link(tag_path(ctx.prefix, tag)))}">{escape(tags.name(tag, ctx.code, ctx.reference))}</a>'
        for tag in post.tags
    ]
    if topic_links:
        parts.append(f"{ctx.word('news.tags')}: " + ", ".join(topic_links))
    header = '<p class="cisotra-post__meta">' + " · ".join(parts) + "</p>"
    if post.image and image_href:
        header += f'\n<p class="cisotra-post__image"><img src="{escape(image_href)}" alt="{escape(post.image_alt or "")}"></p>'
    return ctx.raw(header)


def render_post_footer(ctx: Context, activity_html: str | None) -> str:
    footer = ""
    if activity_html:
        activity_list = f'<ol class="cisotra-timeline">\n{activity_html}\n</ol>'
        footer += f"\n\n## {inline(ctx.text('news.activity'))} {{#activity}}\n\n{ctx.raw(activity_list)}\n"
    back = f'<p class="cisotra-post__back"><a href="{escape(ctx.link(index_path(ctx.prefix)))}">{ctx.word("news.back")}</a></p>'
    return footer + f"\n\n{ctx.raw(back)}\n"


# ---------------------------------------------------------------------------


def _chunk(posts: list[Post], number: int) -> list[Post]:
    return posts[(number - 1) * PER_PAGE : number * PER_PAGE]


def _index(chunk: list[Post], number: int, count: int, posts: list[Post], ctx: Context, tags: Tags) -> str:
    title = ctx.text("news.title") if number == 1 else ctx.text("news.page_title", page=number)
    feeds = (
        f'<p class="cisotra-feeds">{ctx.word("news.subscribe")} '
        f'<a href="{escape(ctx.link(feed_path(ctx.prefix, "rss")))}" type="application/rss+xml">{ctx.word("news.rss")}</a> · '
        f'<a href="{escape(ctx.link(feed_path(ctx.prefix, "atom")))}" type="application/atom+xml">{ctx.word("news.atom")}</a></p>'
    )
    body = [
        ctx.word("news.intro") if posts else ctx.word("news.none"),
        ctx.raw(feeds, searchable=False),
        ctx.raw(render_items(chunk, ctx), searchable=False) if chunk else "",
    ]
    if count > 1:
        body.append(ctx.raw(_pagination(number, count, ctx), searchable=False))
    if number == 1 and posts:
        years = sorted({post.published.year for post in posts}, reverse=True)
        year_links = " · ".join(f'<a href="{escape(ctx.link(year_path(ctx.prefix, y)))}">{y}</a>' for y in years)
        body.append(
            f"## {inline(ctx.text('news.archive'))} {{#archive}}\n\n{ctx.raw(f'<p>{year_links}</p>', searchable=False)}"
        )
        topic_links = " · ".join(
            f'<a href="{escape(ctx.link(tag_path(ctx.prefix, t)))}">{escape(tags.name(t, ctx.code, ctx.reference))}</a>'
            for t in sorted(
                {t for post in posts for t in post.tags}, key=lambda t: tags.name(t, ctx.code, ctx.reference)
            )
        )
        if topic_links:
            body.append(
                f"## {inline(ctx.text('news.tags'))} {{#topics}}\n\n{ctx.raw(f'<p>{topic_links}</p>', searchable=False)}"
            )
    body_text = "\n\n".join(part for part in body if part)
    # Later index pages repeat what the posts say; search finds the posts themselves.
    return _frame(title, ctx.text("news.description"), body_text, searchable=number == 1)


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
            f'<a href="{escape(ctx.link(index_path(ctx.prefix, number - 1)))}" rel="prev">{ctx.word("news.newer")}</a>'
        )
    for page in page_window(number, count):
        if page is None:
            links.append('<span class="cisotra-pagination__gap">…</span>')
            continue
        label = escape(ctx.text("news.page_n", page=page))
        if page == number:
            links.append(f'<span aria-current="page" aria-label="{label}">{page}</span>')
        else:
            links.append(f'<a href="{escape(ctx.link(index_path(ctx.prefix, page)))}" aria-label="{label}">{page}</a>')
    if number < count:
        links.append(
            f'<a href="{escape(ctx.link(index_path(ctx.prefix, number + 1)))}" rel="next">{ctx.word("news.older")}</a>'
        )
    return f'<nav class="cisotra-pagination" aria-label="{ctx.word("news.pagination")}">' + " ".join(links) + "</nav>"


def _frame(title: str, description: str, body: str, searchable: bool) -> str:
    """A generated page; lists of posts (`searchable=False`) are left out of the search index."""
    fields = {"title": title, "description": description}
    if not searchable:
        fields["search"] = {"exclude": True}
    return front_matter(**fields) + f"\n# {inline(title)}\n\n{body}\n"
