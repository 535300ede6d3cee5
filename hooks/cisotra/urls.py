"""Links between pages of the built site, written relative so the site works on any host and sub-path."""

from __future__ import annotations

import posixpath


def relative(target: str, page: str) -> str:
    """The href from the page at site path `page` ('si/news/') to site path `target` ('si/news/rss.xml')."""
    folder = page if page.endswith("/") or page == "" else posixpath.dirname(page) + "/"
    link = posixpath.relpath(target or ".", folder.rstrip("/") or ".")
    if link == ".":
        return "./"
    return link + "/" if target == "" or target.endswith("/") else link
