"""Every feed the site publishes, checked against what RFC 4287 (Atom) and RSS 2.0 require, as the W3C
feed validator does: feedparser accepts feeds that these rules reject, so the rules are tested here."""

from __future__ import annotations

import re
from collections import Counter
from email.utils import parsedate_to_datetime
from xml.etree import ElementTree

import pytest

ATOM = "{http://www.w3.org/2005/Atom}"
RFC_3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def feeds(site, kind: str) -> list:
    return sorted(path for path in site.site.rglob("*.xml") if path.name.startswith(kind))


def problems_of_atom(root) -> list[str]:
    problems = []
    for element in ("id", "title", "updated"):
        if root.find(ATOM + element) is None:
            problems.append(f"feed: missing {element}")
    if not any(link.get("rel") == "self" for link in root.findall(ATOM + "link")):
        problems.append("feed: no link rel=self")
    entries = root.findall(ATOM + "entry")
    feed_author = root.find(f"{ATOM}author/{ATOM}name") is not None
    for index, entry in enumerate(entries):
        for element in ("id", "title", "updated"):
            if entry.find(ATOM + element) is None:
                problems.append(f"entry {index}: missing {element}")
        if not feed_author and entry.find(f"{ATOM}author/{ATOM}name") is None:
            problems.append(f"entry {index}: no author, and none on the feed (RFC 4287 §4.1.1)")
        for element in ("updated", "published"):
            value = entry.findtext(ATOM + element)
            if value is not None and not RFC_3339.match(value):
                problems.append(f"entry {index}: {element} {value!r} is not an RFC 3339 date")
    for element, rule in (("id", "must be unique"), ("updated", "should differ (W3C validator: DuplicateUpdated)")):
        counts = Counter(entry.findtext(ATOM + element) for entry in entries)
        problems += [f"two entries with {element} {value}: {rule}" for value, n in counts.items() if n > 1]
    return problems


@pytest.mark.parametrize("kind", ["atom"])
def test_every_atom_feed_meets_rfc_4287(site, kind):
    found = feeds(site, kind)
    assert found, "the site publishes Atom feeds"
    report = {
        path.relative_to(site.site).as_posix(): problems_of_atom(ElementTree.parse(path).getroot()) for path in found
    }
    assert not any(report.values()), {path: problems for path, problems in report.items() if problems}


def test_every_rss_feed_has_unique_guids_and_valid_dates(site):
    found = feeds(site, "rss")
    assert found
    for path in found:
        channel = ElementTree.parse(path).getroot().find("channel")
        for element in ("title", "link", "description"):
            assert channel.findtext(element), (path, element)
        items = channel.findall("item")
        guids = Counter(item.findtext("guid") for item in items)
        assert all(count == 1 for count in guids.values()), (path, guids.most_common(2))
        for item in items:
            assert item.findtext("title") and item.findtext("link"), path
            parsedate_to_datetime(item.findtext("pubDate"))  # RFC 822 dates, or this raises


def test_the_rules_catch_what_the_validator_reports():
    """The check itself fails on the two findings the W3C validator made on earlier feeds."""
    feed = ElementTree.fromstring(
        f'<feed xmlns="{ATOM[1:-1]}"><id>f</id><title>t</title><updated>2020-01-01T00:00:00Z</updated>'
        '<link rel="self" href="f"/>'
        "<entry><id>a</id><title>a</title><updated>2020-01-01T00:00:00Z</updated></entry>"
        "<entry><id>b</id><title>b</title><updated>2020-01-01T00:00:00Z</updated></entry></feed>"
    )
    problems = problems_of_atom(feed)
    assert "entry 0: no author, and none on the feed (RFC 4287 §4.1.1)" in problems
    assert any("two entries with updated" in problem for problem in problems)
