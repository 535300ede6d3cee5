"""Relative links between site paths: the same answers as the standard library's relpath."""

from __future__ import annotations

import itertools
import posixpath

from cisotra.urls import relative

SITE_PATHS = [
    "",
    "si/",
    "news/",
    "si/news/",
    "si/news/page/2/",
    "news/page/3/",
    "timeline/",
    "work-packages/wp3/",
    "calendar/activity-1.ics",
    "si/calendar/activity-1.ics",
    "news/rss.xml",
    "si/news/rss.xml",
    "assets/images/eu-emblem.png",
    "si/newsletters/issue-1/email.html",
]


def reference(target: str, page: str) -> str:
    """What posixpath.relpath gives, with a trailing slash kept for folders."""
    folder = page if page.endswith("/") or page == "" else posixpath.dirname(page) + "/"
    link = posixpath.relpath(target or ".", folder.rstrip("/") or ".")
    if link == ".":
        return "./"
    return link + "/" if target == "" or target.endswith("/") else link


def test_relative_links_match_relpath_for_every_pair_of_site_paths():
    pairs = list(itertools.product(SITE_PATHS, repeat=2))
    wrong = [(target, page) for target, page in pairs if relative(target, page) != reference(target, page)]
    assert not wrong


def test_examples_read_as_expected():
    assert relative("si/news/rss.xml", "si/news/") == "rss.xml"
    assert relative("", "si/news/page/2/") == "../../../../"
    assert relative("si/", "si/") == "./"
    assert relative("timeline/", "si/newsletters/issue-1/email.html") == "../../../timeline/"


def test_pages_are_published_at_their_folder_or_file_name():
    from cisotra.paths import file_site_path, page_site_path

    assert page_site_path("si/", "news/2018-05-15-x.md") == "si/news/2018-05-15-x/"
    assert page_site_path("", "index.md") == ""
    assert page_site_path("tr/", "work-packages/index.md") == "tr/work-packages/"
    assert file_site_path("en/newsletters/files/a.pdf", "en") == "newsletters/files/a.pdf"
    assert file_site_path("si/newsletters/files/a.pdf", "en") == "si/newsletters/files/a.pdf"
    assert file_site_path("assets/images/news/a.jpg", "en") == "assets/images/news/a.jpg"
