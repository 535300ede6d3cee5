from dataclasses import replace
from datetime import UTC, datetime, timedelta

import feedparser

from cisotra.feeds import Feed, FeedEntry, absolutize, render

FEED = Feed(
    "CiSoTRA news",
    "News in Slovenian.",
    "sl",
    "https://example.org/cisotra/si/",
    "https://example.org/cisotra/si/news/{kind}.xml",
    author="The CiSoTRA consortium",
)


def entry(day: int, title: str = "Title") -> FeedEntry:
    moment = datetime(2018, 5, day, 9, 0, tzinfo=UTC)
    return FeedEntry(
        f"https://example.org/cisotra/si/news/post-{day}/",
        title,
        moment,
        moment + timedelta(hours=1),
        "Summary",
        "<p>Body</p>",
    )


def test_links_in_content_become_absolute():
    html = '<p><a href="../other/">x</a> <img src="../../../assets/a.png" alt=""> <a href="#top">t</a> <a href="mailto:a@b.c">m</a></p>'
    assert absolutize(html, "https://example.org/cisotra/si/news/post/") == (
        '<p><a href="https://example.org/cisotra/si/news/other/">x</a> '
        '<img src="https://example.org/cisotra/assets/a.png" alt=""> '
        '<a href="https://example.org/cisotra/si/news/post/#top">t</a> <a href="mailto:a@b.c">m</a></p>'
    )


def test_feeds_take_their_times_from_the_entries_and_are_reproducible():
    entries = [entry(20), entry(10)]
    for kind in ("rss", "atom"):
        first = render(FEED, entries, kind)
        assert first == render(FEED, entries, kind)
        parsed = feedparser.parse(first)
        assert parsed.bozo == 0
        assert [e.link for e in parsed.entries] == [entries[0].url, entries[1].url]
    rss = feedparser.parse(render(FEED, entries, "rss"))
    assert rss.feed.language == "sl"
    atom_text = render(FEED, entries, "atom").decode("utf-8")
    assert 'xml:lang="sl"' in atom_text or "<language>sl</language>" in atom_text
    atom = feedparser.parse(atom_text)
    assert atom.feed.updated == "2018-05-20T10:00:00+00:00"


def test_an_atom_feed_names_its_author_as_rfc_4287_requires():
    from dataclasses import replace
    from xml.etree import ElementTree

    atom = ElementTree.fromstring(render(replace(FEED, author="The CiSoTRA consortium"), [entry(20)], "atom"))
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert atom.find("a:author/a:name", ns).text == "The CiSoTRA consortium"


def test_an_entry_id_is_its_address_so_a_new_title_keeps_it():
    before = feedparser.parse(render(FEED, [entry(20, "Old title")], "rss")).entries[0]
    after = feedparser.parse(render(FEED, [entry(20, "New title")], "rss")).entries[0]
    assert before.id == after.id == "https://example.org/cisotra/si/news/post-20/"


def test_entries_of_one_day_get_distinct_updated_instants_in_their_order():
    same_day = [replace(entry(20), url=f"https://example.org/cisotra/si/news/p{n}/") for n in range(3)]
    atom = feedparser.parse(render(FEED, [*same_day, entry(10)], "atom"))
    instants = [e.updated for e in atom.entries]
    assert instants == [
        "2018-05-20T10:00:00+00:00",
        "2018-05-20T09:59:59+00:00",
        "2018-05-20T09:59:58+00:00",
        "2018-05-10T10:00:00+00:00",
    ]
    assert [e.published[:10] for e in atom.entries] == ["2018-05-20"] * 3 + ["2018-05-10"]
