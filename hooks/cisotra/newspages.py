"""The news section's generated pages: index pages, years, topics, the home page block, and each post's frame.

Paths are site paths ('si/news/page/2/', from cisotra.paths); `ctx.link` turns them into
hrefs from the page being built. Every text from a post's front matter reaches the page
through the templates (post-*.html, news-*.html/.md), which escape it where it lands.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup

from .context import Context
from .dates import format_day, format_period
from .news import Post, Tags
from .pages import GeneratedPage
from .paths import news_feed_path, news_index_path, news_tag_path, news_year_path, post_path
from .render import html, markdown
from .timeline import language_name

PER_PAGE = 10
LATEST = 3


@dataclass(frozen=True)
class PostItem:
    """A post as a list shows it."""

    title: str
    href: str
    datetime: str
    date: str  # as shown: the day, or "Planned date: …" for a post reconstructed from the plan
    summary: str
    note: str | None  # where a reconstructed post's text comes from, and when it was written
    # For a post listed in a language it is not written in: its language's tag and "(in Turkish)".
    lang: str | None = None
    language: str | None = None


def published_text(post: Post, ctx: Context) -> str:
    """The post's date as lists and its page show it: a reconstructed post's date is the planned one,
    and the plan's whole period where it gives more than a day ('Planned for June–September 2020')."""
    day = format_day(post.published.date(), ctx.tag)
    if not post.from_plan:
        return day
    planned = post.planned
    if planned is not None and (planned.first != planned.last or planned.precision != "day"):
        return ctx.text("activity.planned_dates", period=format_period(planned, ctx.tag))
    return ctx.text("news.planned_date", date=day)


def reconstructed_note(post: Post, ctx: Context) -> str | None:
    """'Reconstructed from the project's plan on 27 November 2026', for a post put together from the plan."""
    if post.written is None:
        return None
    return ctx.text("news.reconstructed", written=format_day(post.written, ctx.tag))


def render_items(posts: Iterable[Post], ctx: Context, heading: str = "h2") -> Markup:
    return html("post-list.html", posts=[_item(post, ctx) for post in posts], heading=heading)


def _item(post: Post, ctx: Context) -> PostItem:
    """A post as a list shows it. One in another language than the list's (cisotra.news.listed_in) links
    to its own language's page, its title and summary marked as that language, and its language named."""
    lang = ctx.lang_of(post.code)
    return PostItem(
        post.title,
        ctx.link(post_path(post.stem, ctx.prefix_of(post.code))),
        post.published.isoformat(),
        published_text(post, ctx),
        post.summary,
        reconstructed_note(post, ctx),
        lang,
        ctx.text("news.in_language", language=language_name(lang, ctx)) if lang else None,
    )


def page_count(posts: list[Post]) -> int:
    return max(1, -(-len(posts) // PER_PAGE))


def section_paths(posts: list[Post], prefix: str) -> list[str]:
    """Site paths of every generated page of a language's news section, without rendering them."""
    return (
        [news_index_path(prefix, number) for number in range(1, page_count(posts) + 1)]
        + [news_year_path(prefix, year) for year in sorted({post.published.year for post in posts}, reverse=True)]
        + [news_tag_path(prefix, tag) for tag in sorted({tag for post in posts for tag in post.tags})]
    )


def generate_pages(posts: list[Post], ctx: Context, tags: Tags) -> list[GeneratedPage]:
    """Every generated page of one language's news section; each page's links are relative to itself."""
    pages = [_chunk(posts, number) for number in range(1, page_count(posts) + 1)]
    generated = [
        _index(chunk, number, len(pages), posts, ctx.at(news_index_path(ctx.prefix, number)), tags)
        for number, chunk in enumerate(pages, start=1)
    ]
    for year in sorted({post.published.year for post in posts}, reverse=True):
        path = news_year_path(ctx.prefix, year)
        own = [post for post in posts if post.published.year == year]
        generated.append(
            _list_page(
                path, ctx.text("news.year_title", year=year), ctx.text("news.year_description", year=year), own, ctx
            )
        )
    for tag in sorted({tag for post in posts for tag in post.tags}):
        path = news_tag_path(ctx.prefix, tag)
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


def render_post_header(post: Post, ctx: Context, tags: Tags, image: Markup | None) -> Markup:
    """Shown under a post's title: date, author, topics, where its text comes from, and the lead image."""
    topics = [
        (tags.name(tag, ctx.code, ctx.default_code), ctx.link(news_tag_path(ctx.prefix, tag))) for tag in post.tags
    ]
    header = html(
        "post-header.html",
        ctx=ctx,
        datetime=post.published.isoformat(),
        date=published_text(post, ctx),
        note=reconstructed_note(post, ctx),
        author=post.author,
        topics=topics,
        from_plan=post.from_plan,
        image=image,
    )
    return ctx.html_block(header)


def render_post_footer(ctx: Context, activities: list[Markup]) -> str:
    """The activities the post is about, and the way back to the news."""
    footer = ""
    if activities:
        key = "news.activity" if len(activities) == 1 else "news.activities"
        box = html(
            "post-activities.html",
            heading=ctx.text(key),
            activities=html("activity-list.html", items=activities, year=None),
        )
        # The activities are found on the timeline; here they repeat it, so search skips them.
        footer += f"\n\n{ctx.html_block(box, searchable=False)}\n"
    back = html("back-link.html", href=ctx.link(news_index_path(ctx.prefix)), text=ctx.text("news.back"))
    return footer + f"\n\n{ctx.html_block(back)}\n"


# ---------------------------------------------------------------------------


def _chunk(posts: list[Post], number: int) -> list[Post]:
    return posts[(number - 1) * PER_PAGE : number * PER_PAGE]


def _index(chunk: list[Post], number: int, count: int, posts: list[Post], ctx: Context, tags: Tags) -> GeneratedPage:
    title = ctx.text("news.title") if number == 1 else ctx.text("news.page_title", page=number)
    feeds = html(
        "news-feeds.html",
        ctx=ctx,
        rss=ctx.link(news_feed_path(ctx.prefix, "rss")),
        atom=ctx.link(news_feed_path(ctx.prefix, "atom")),
    )
    years = topics = None
    if number == 1 and posts:
        year_links = [
            (str(year), ctx.link(news_year_path(ctx.prefix, year)))
            for year in sorted({post.published.year for post in posts}, reverse=True)
        ]
        years = ctx.html_block(html("link-line.html", links=year_links), searchable=False)
        used = ctx.sorted_by_name(
            {t for post in posts for t in post.tags}, lambda t: tags.name(t, ctx.code, ctx.default_code)
        )
        if used:
            topic_links = [
                (tags.name(t, ctx.code, ctx.default_code), ctx.link(news_tag_path(ctx.prefix, t))) for t in used
            ]
            topics = ctx.html_block(html("link-line.html", links=topic_links), searchable=False)
    body = markdown(
        "news-index.md",
        ctx=ctx,
        intro=ctx.text("news.intro") if posts else ctx.text("news.none"),
        feeds=ctx.html_block(feeds, searchable=False),
        posts=ctx.html_block(render_items(chunk, ctx), searchable=False) if chunk else None,
        pagination=ctx.html_block(_pagination(number, count, ctx), searchable=False) if count > 1 else None,
        years=years,
        topics=topics,
    )
    # Later index pages repeat what the posts say; search finds the posts themselves.
    return GeneratedPage(ctx.page, title, ctx.text("news.description"), body, searchable=number == 1)


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


def _pagination(number: int, count: int, ctx: Context) -> Markup:
    pages = [
        (
            page,
            None if page is None or page == number else ctx.link(news_index_path(ctx.prefix, page)),
            None if page is None else ctx.text("news.page_n", page=page),
        )
        for page in page_window(number, count)
    ]
    return html(
        "pagination.html",
        ctx=ctx,
        pages=pages,
        newer=ctx.link(news_index_path(ctx.prefix, number - 1)) if number > 1 else None,
        older=ctx.link(news_index_path(ctx.prefix, number + 1)) if number < count else None,
    )
