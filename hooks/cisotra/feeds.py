"""RSS 2.0 and Atom feeds, written with feedgen at its API boundary only.

feedgen stamps feeds and entries with the current time and prepends entries unless
told otherwise; here every timestamp comes from the posts and entries are added in
order, so rebuilding unchanged sources gives byte-identical feeds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urljoin

from feedgen.feed import FeedGenerator

from .render import html

_URL_ATTRIBUTE = re.compile(r'(\s(?:href|src)=")([^"]*)(")')
_LEADING_TITLE = re.compile(r"^\s*<h1[^>]*>.*?</h1>\s*", re.S)
# The newest entries a feed carries: readers fetch feeds often, and the archive pages hold the rest.
FEED_SIZE = 50


@dataclass(frozen=True)
class FeedEntry:
    url: str  # absolute; also the entry's id, which therefore survives retitling and pagination
    title: str
    published: datetime
    updated: datetime
    summary: str
    content_html: str  # links already absolute
    author: str | None = None
    enclosure: tuple[str, int, str] | None = None  # (absolute URL, bytes, media type)


@dataclass(frozen=True)
class Feed:
    title: str
    description: str
    language: str  # BCP 47 tag
    site_url: str  # the language's home page, absolute
    self_url: str  # where this feed lives, absolute; '{kind}' is replaced by rss or atom
    author: str = ""  # who publishes the feed (Atom requires an author for the feed or every entry)


def absolutize(html: str, base_url: str) -> str:
    """Make every href and src absolute, so the HTML works inside a feed reader."""

    def replace(match: re.Match) -> str:
        value = match.group(2)
        if value.startswith(("mailto:", "tel:", "data:")):
            return match.group(0)
        return f"{match.group(1)}{urljoin(base_url, value.replace('&amp;', '&')).replace('&', '&amp;')}{match.group(3)}"

    return _URL_ATTRIBUTE.sub(replace, html)


def without_title(html: str) -> str:
    """A page's HTML without its leading <h1>: feed readers show the entry's title themselves."""
    return _LEADING_TITLE.sub("", html, count=1)


def distinct_updates(entries: list[FeedEntry]) -> list[datetime]:
    """Each entry's `updated`, made distinct: Atom readers tell changed entries apart by it, and the
    W3C feed validator warns about two equal ones. Posts of one day carry no time, so the later of
    two equal instants in the (newest first) order is moved a second earlier; the day stays right."""
    used: set[datetime] = set()
    instants = []
    for entry in entries:
        instant = entry.updated
        while instant in used:
            instant -= timedelta(seconds=1)
        used.add(instant)
        instants.append(instant)
    return instants


def render(feed: Feed, entries: list[FeedEntry], kind: str) -> bytes:
    """The feed as RSS ('rss') or Atom ('atom'); entries are expected newest first."""
    generator = FeedGenerator()
    generator.id(feed.self_url.format(kind="atom"))
    generator.title(feed.title)
    generator.description(feed.description)
    generator.language(feed.language)
    # feedgen takes the RSS <link> from the last link added: the page, not the feed itself.
    generator.link(href=feed.self_url.format(kind=kind), rel="self")
    generator.link(href=feed.site_url, rel="alternate")
    generator.generator("CiSoTRA site (feedgen)")
    if feed.author:
        generator.author({"name": feed.author})
    if entries:
        generator.updated(max(entry.updated for entry in entries))
    else:
        generator.updated(datetime.fromisoformat("2017-12-31T00:00:00+00:00"))  # the project's start
    for entry, updated in zip(entries, distinct_updates(entries), strict=True):
        item = generator.add_entry(order="append")
        item.id(entry.url)
        item.guid(entry.url, permalink=True)
        item.title(entry.title)
        item.link(href=entry.url)
        item.published(entry.published)
        item.updated(updated)
        # Summaries are given as HTML, the text escaped: an RSS description is HTML to every
        # feed reader, and readers guess at an Atom summary whose text looks like HTML.
        summary = str(html("text.html", text=entry.summary))
        item.summary(summary, type="html")
        item.description(summary)
        item.content(entry.content_html, type="CDATA" if kind == "rss" else "html")
        if entry.author:
            item.author({"name": entry.author})
        if entry.enclosure:
            url, length, media_type = entry.enclosure
            item.enclosure(url, str(length), media_type)
    return generator.rss_str(pretty=True) if kind == "rss" else generator.atom_str(pretty=True)
