"""Links between pages of the built site, written relative so the site works on any host and sub-path."""

from __future__ import annotations


def relative(target: str, page: str) -> str:
    """The href from the page at site path `page` ('si/news/') to site path `target` ('si/news/rss.xml').

    Site paths are clean ('a/b/' or 'a/b.xml', no '.' or '..'), so plain string work does
    what posixpath.relpath would, without its normalising: it runs for every generated link.
    """
    folder = page.split("/")[:-1]  # 'si/news/' and 'si/news/x.html' are both in folder si/news
    parts = target.split("/")
    shared = 0
    while shared < len(folder) and shared < len(parts) - 1 and folder[shared] == parts[shared]:
        shared += 1
    link = "/".join([".."] * (len(folder) - shared) + parts[shared:])
    return link or "./"
