from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup

from cisotra.context import Context
from cisotra.errors import DataError
from cisotra.news import Tags, by_language, listed_in, load_posts, load_tags, parse_date, translations
from cisotra.newspages import page_window, render_items
from cisotra.placeholders import load_placeholders

ZONE = ZoneInfo("Europe/Ljubljana")
CODES = ("en", "si")
POST = """\
---
title: First project meeting in Naples
date: 2018-05-15
summary: The partners meet in Naples.
tags: [meeting]
activity: meeting-1-naples
---

# First project meeting in Naples

Text.
"""


def write(root: Path, relative: str, text: str) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


TAGS = Tags({"meeting": {"en": "Meetings"}, "seminar": {"en": "Seminars"}, "workshop": {"en": "Workshops"}})
TEMPLATE = """\
---
title: "Write the headline here"
date: {date}
summary: "One or two sentences: what, when, where. They appear in the news list and the feeds."
tags: [meeting]
draft: true   # delete this line when the post is ready to be published
---

# Write the headline here

Write the text here. Say only what is certain: what happens, when, where and who takes part.
"""


def load(root: Path):
    write(root, "templates/news-post.md", TEMPLATE)
    placeholders = load_placeholders(root / "templates")
    return load_posts(root / "docs", CODES, ZONE, {"meeting-1-naples", "meeting-2-taranto"}, TAGS, placeholders, root)


def problems(root: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load(root)
    return [str(problem) for problem in caught.value.problems]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2018-05-15", "2018-05-15T00:00:00+02:00"),
        ("2018-12-15 10:30", "2018-12-15T10:30:00+01:00"),
        ("2018-05-15T10:30:00+03:00", "2018-05-15T10:30:00+03:00"),
        ("2018-05-15T08:30Z", "2018-05-15T08:30:00+00:00"),
    ],
)
def test_dates_are_always_timezone_aware(value, expected):
    assert parse_date(value, ZONE).isoformat() == expected


def test_translations_share_a_file_name_and_drafts_and_future_posts_wait(tmp_path):
    write(tmp_path, "docs/en/news/2018-05-15-meeting.md", POST)
    write(
        tmp_path, "docs/si/news/2018-05-15-meeting.md", POST.replace("First project meeting in Naples", "1. srečanje")
    )
    write(tmp_path, "docs/en/news/2030-01-01-future.md", POST.replace("2018-05-15", "2030-01-01"))
    write(tmp_path, "docs/en/news/2018-05-15-draft.md", POST.replace("tags:", "draft: true\ntags:"))
    posts = load(tmp_path)
    now = datetime(2026, 11, 27, tzinfo=UTC)
    assert [p.stem for p in by_language(posts, "en", now)] == ["2018-05-15-meeting"]
    assert set(translations(posts, now)["2018-05-15-meeting"]) == {"en", "si"}
    later = datetime(2030, 1, 1, tzinfo=UTC)
    assert [p.stem for p in by_language(posts, "en", later)] == ["2030-01-01-future", "2018-05-15-meeting"]


def test_a_translation_key_connects_posts_with_different_file_names(tmp_path):
    write(tmp_path, "docs/en/news/2018-05-15-meeting-naples.md", POST)
    write(
        tmp_path,
        "docs/si/news/2018-05-15-srecanje-neapelj.md",
        POST.replace("tags:", "translation_key: 2018-05-15-meeting-naples\ntags:"),
    )
    posts = load(tmp_path)
    pair = translations(posts, datetime(2026, 1, 1, tzinfo=UTC))["2018-05-15-meeting-naples"]
    assert pair["si"].stem == "2018-05-15-srecanje-neapelj"


@pytest.mark.parametrize(
    ("find", "replace", "expected"),
    [
        (
            "date: 2018-05-15\n",
            "",
            "docs/en/news/2018-05-15-x.md:2: date: missing (expected a date like 2018-05-15 or 2018-05-15 10:30 (optionally with +02:00))",
        ),
        (
            "date: 2018-05-15",
            "date: 15. 5. 2018",
            "docs/en/news/2018-05-15-x.md:3: date: expected a date like 2018-05-15 or 2018-05-15 10:30 (optionally with +02:00), found '15. 5. 2018'",
        ),
        (
            "date: 2018-05-15",
            "date: 2018-02-30",
            "docs/en/news/2018-05-15-x.md:3: date: '2018-02-30' is not a date in the calendar: 2018-02 has days 01 to 28",
        ),
        (
            "title: First project meeting in Naples\n",
            "",
            "docs/en/news/2018-05-15-x.md:2: title: missing (expected the post's headline as text)",
        ),
        (
            "tags:",
            "image: missing.jpg\nimage_alt: A photo\ntags:",
            "docs/en/news/2018-05-15-x.md:5: image: no such image: 'missing.jpg' (expected a path from this post's folder to an image file in docs/)",
        ),
        (
            "activity: meeting-1-naples",
            "activity: meeting-9",
            "docs/en/news/2018-05-15-x.md:6: activity: unknown activity 'meeting-9' (expected an id from data/activities.yml)",
        ),
        (
            "tags: [meeting]",
            "tags: [Meeting]",
            "docs/en/news/2018-05-15-x.md:5: tags: 'Meeting': topics are written in lower case: write meeting",
        ),
        (
            "tags: [meeting]",
            "tags: [workshops]",
            "docs/en/news/2018-05-15-x.md:5: tags: 'workshops' is not a topic in data/tags.yml (did you mean workshop? the topics are: meeting, seminar, workshop); a new topic needs its name in every language in data/tags.yml",
        ),
        (
            "tags: [meeting]",
            "tags: [party]",
            "docs/en/news/2018-05-15-x.md:5: tags: 'party' is not a topic in data/tags.yml (the topics are: meeting, seminar, workshop); a new topic needs its name in every language in data/tags.yml",
        ),
        (
            "date: 2018-05-15",
            "date: 2018-05-17",
            "docs/en/news/2018-05-15-x.md:3: date: 2018-05-17, but the file name says 2018-05-15: the file name's date is part of the post's address; make the two the same",
        ),
        (
            "tags:",
            "image: ../photo.txt\nimage_alt: A photo\ntags:",
            "docs/en/news/2018-05-15-x.md:5: image: expected an image file (.jpg, .jpeg, .png, .webp, .svg, .gif), found '../photo.txt'",
        ),
        (
            "activity: meeting-1-naples",
            "activity: {id: meeting-1-naples}",
            "docs/en/news/2018-05-15-x.md:6: activity: expected an activity id, or a list of ids in [ ], found a mapping",
        ),
        (
            "tags: [meeting]",
            "tags: [meeting]\ndraft: no way",
            "docs/en/news/2018-05-15-x.md:6: draft: expected true or false, found 'no way'",
        ),
        (
            "tags: [meeting]",
            "tags: [meeting]\nauther: CSIG",
            "docs/en/news/2018-05-15-x.md:6: auther: unknown field (did you mean author? expected one of: title, date, summary, image, image_alt, tags, author, draft, activity, translation_key, from_plan, written)",
        ),
        (
            "tags:",
            "colour: red\ntags:",
            "docs/en/news/2018-05-15-x.md:5: colour: unknown field (expected one of: title, date, summary, image, image_alt, tags, author, draft, activity, translation_key, from_plan, written)",
        ),
    ],
)
def test_bad_front_matter_is_named_with_file_line_and_field(tmp_path, find, replace, expected):
    assert find in POST
    write(tmp_path, "docs/en/news/2018-05-15-x.md", POST.replace(find, replace, 1))
    assert problems(tmp_path) == [expected]


def test_missing_front_matter_and_broken_yaml_name_the_likely_cause(tmp_path):
    write(tmp_path, "docs/en/news/2018-05-15-a.md", "# No front matter\n")
    write(tmp_path, "docs/en/news/2018-05-15-b.md", "---\ntitle: [unclosed\n---\n")
    write(
        tmp_path,
        "docs/en/news/2018-05-15-c.md",
        POST.replace("title: First project meeting in Naples", 'title: "First project meeting in Naples'),
    )
    write(tmp_path, "docs/en/news/2018-05-15-d.md", POST.replace("tags: [meeting]", "tags:\n\t- meeting"))
    assert problems(tmp_path) == [
        "docs/en/news/2018-05-15-a.md:1: expected front matter: a first line '---', the fields, then '---'",
        "docs/en/news/2018-05-15-b.md:3: this is not valid YAML (did not find expected ',' or ']')",
        'docs/en/news/2018-05-15-c.md:2: the quotation mark " opened on this line is not closed: add " at the end of the text',
        "docs/en/news/2018-05-15-d.md:6: this line contains a tab character; YAML indents with spaces only: replace the tab with spaces, as many as the lines around it are indented (the line above has none)",
    ]


def test_a_duplicate_slug_within_a_language_is_refused(tmp_path):
    write(tmp_path, "docs/en/news/2018-05-15-a.md", POST)
    write(tmp_path, "docs/en/news/2018-05-15-b.md", POST.replace("tags:", "translation_key: 2018-05-15-a\ntags:"))
    assert problems(tmp_path) == [
        "docs/en/news/2018-05-15-b.md:1: slug: '2018-05-15-a' is already used by docs/en/news/2018-05-15-a.md in this language: every post needs its own file name and translation_key"
    ]


def test_translations_of_a_post_must_share_its_date(tmp_path):
    write(tmp_path, "docs/en/news/2018-05-15-meeting.md", POST)
    write(tmp_path, "docs/si/news/2018-05-15-meeting.md", POST.replace("date: 2018-05-15", "date: 2018-05-15 23:30"))
    assert load(tmp_path)  # the same day, another hour: fine
    write(
        tmp_path,
        "docs/si/news/2018-05-16-srecanje.md",
        POST.replace("date: 2018-05-15", "date: 2018-05-16").replace(
            "tags:", "translation_key: 2018-05-15-meeting\ntags:"
        ),
    )
    (tmp_path / "docs/si/news/2018-05-15-meeting.md").unlink()
    assert problems(tmp_path) == [
        "docs/si/news/2018-05-16-srecanje.md:3: date: 2018-05-16, but the en version (docs/en/news/2018-05-15-meeting.md) says 2018-05-15: translations of a post share its date; write 2018-05-15 here, or change both"
    ]


def test_translations_whose_file_names_differ_only_in_the_date_are_named_together(tmp_path):
    write(tmp_path, "docs/en/news/2020-05-18-x.md", POST.replace("2018-05-15", "2020-05-18"))
    write(tmp_path, "docs/si/news/2020-05-19-x.md", POST.replace("2018-05-15", "2020-05-19"))
    assert problems(tmp_path) == [
        "docs/si/news/2020-05-19-x.md:1: name: docs/si/news/2020-05-19-x.md and docs/en/news/2020-05-18-x.md are "
        "probably translations of one post: give them the same file name (2020-05-18-x.md or 2020-05-19-x.md) and "
        "the same date:, so that the site publishes them as one post in two languages; if they are two different "
        "posts, change the words after the date in one of the names"
    ]


def test_posts_that_share_their_words_but_each_have_their_own_translations_are_two_posts(tmp_path):
    """A yearly post (2019-06-01-seminars, 2020-06-01-seminars) in English, only the later one translated."""
    write(tmp_path, "docs/en/news/2019-06-01-seminars.md", POST.replace("2018-05-15", "2019-06-01"))
    write(tmp_path, "docs/en/news/2020-06-01-seminars.md", POST.replace("2018-05-15", "2020-06-01"))
    write(tmp_path, "docs/si/news/2020-06-01-seminars.md", POST.replace("2018-05-15", "2020-06-01"))
    assert len(load(tmp_path)) == 3


def test_a_post_about_several_activities_names_each(tmp_path):
    write(
        tmp_path,
        "docs/en/news/2018-05-15-x.md",
        POST.replace("activity: meeting-1-naples", "activity: [meeting-1-naples, meeting-2-taranto]"),
    )
    (post,) = load(tmp_path)
    assert post.activities == ("meeting-1-naples", "meeting-2-taranto")
    write(
        tmp_path,
        "docs/en/news/2018-05-15-x.md",
        POST.replace("activity: meeting-1-naples", "activity: [meeting-1-naples, meeting-9]"),
    )
    assert problems(tmp_path) == [
        "docs/en/news/2018-05-15-x.md:6: activity: unknown activity 'meeting-9' (expected an id from data/activities.yml)"
    ]


def test_the_templates_placeholders_stop_a_post_that_is_not_a_draft(tmp_path):
    draft = TEMPLATE.replace("{date}", "2018-05-15")
    write(tmp_path, "docs/en/news/2018-05-15-x.md", draft)
    assert load(tmp_path)  # a draft may keep them: it is not published
    write(
        tmp_path,
        "docs/en/news/2018-05-15-x.md",
        draft.replace("draft: true   # delete this line when the post is ready to be published\n", ""),
    )
    assert problems(tmp_path) == [
        'docs/en/news/2018-05-15-x.md:2: title: still says the template\'s placeholder "Write the headline here": replace it with your own title',
        'docs/en/news/2018-05-15-x.md:4: summary: still says the template\'s placeholder "One or two sentences: what, when, whe…": replace it with your own summary',
        'docs/en/news/2018-05-15-x.md:8: text: still says the template\'s placeholder "Write the headline here": replace it with your own text (or add the line  draft: true  to the front matter to keep it unpublished)',
        'docs/en/news/2018-05-15-x.md:10: text: still says the template\'s placeholder "Write the text here. Say only what is…": replace it with your own text (or add the line  draft: true  to the front matter to keep it unpublished)',
    ]


def test_the_first_sentence_of_a_placeholder_left_before_own_text_is_found(tmp_path):
    write(
        tmp_path,
        "docs/en/news/2018-05-15-x.md",
        POST.replace("\nText.\n", "\nWrite the text here. The partners meet in Naples.\n"),
    )
    assert problems(tmp_path) == [
        'docs/en/news/2018-05-15-x.md:11: text: still says the template\'s placeholder "Write the text here.": replace it with your own text (or add the line  draft: true  to the front matter to keep it unpublished)'
    ]


def test_an_existing_image_is_accepted_relative_to_the_post(tmp_path):
    write(tmp_path, "docs/assets/images/news/naples.png", "png")
    write(
        tmp_path,
        "docs/en/news/2018-05-15-x.md",
        POST.replace("tags:", "image: ../../assets/images/news/naples.png\nimage_alt: The bay of Naples\ntags:"),
    )
    (post,) = load(tmp_path)
    assert (post.image, post.image_alt) == ("assets/images/news/naples.png", "The bay of Naples")


def test_tag_names_with_an_unknown_language_are_refused(tmp_path):
    write(tmp_path, "data/tags.yml", "- id: meeting\n  name:\n    en: Meetings\n    sl: Srečanja\n")
    with pytest.raises(DataError) as caught:
        load_tags(tmp_path / "data" / "tags.yml", CODES, tmp_path)
    assert [str(p) for p in caught.value.problems] == [
        "data/tags.yml:4: meeting: name: unknown language key 'sl' (expected one of: en, si)"
    ]


def test_tag_names_fall_back_to_the_default_language_then_the_key(tmp_path):
    write(
        tmp_path,
        "data/tags.yml",
        "- id: meeting\n  name: {en: Meetings, si: Srečanja}\n- id: seminar\n  name: {en: Seminars}\n",
    )
    tags = load_tags(tmp_path / "data" / "tags.yml", CODES, tmp_path)
    assert (tags.name("meeting", "si", "en"), tags.name("seminar", "si", "en"), tags.name("other", "si", "en")) == (
        "Srečanja",
        "Seminars",
        "other",
    )


@pytest.mark.parametrize(
    ("number", "count", "expected"),
    [
        (1, 1, [1]),
        (1, 2, [1, 2]),
        (2, 5, [1, 2, 3, 4, 5]),
        (1, 90, [1, 2, 3, None, 90]),
        (45, 90, [1, None, 43, 44, 45, 46, 47, None, 90]),
        (4, 90, [1, 2, 3, 4, 5, 6, None, 90]),
        (90, 90, [1, None, 88, 89, 90]),
    ],
)
def test_the_pagination_bar_shows_the_ends_and_the_neighbours(number, count, expected):
    assert page_window(number, count) == expected


def test_the_pagination_bar_stays_short_however_many_pages_there_are():
    assert max(len(page_window(number, 3000)) for number in range(1, 3001)) == 9


def test_an_image_needs_its_description(tmp_path):
    write(tmp_path, "docs/assets/images/news/naples.png", "png")
    write(
        tmp_path,
        "docs/en/news/2018-05-15-x.md",
        POST.replace("tags:", "image: ../../assets/images/news/naples.png\ntags:"),
    )
    assert problems(tmp_path) == [
        "docs/en/news/2018-05-15-x.md:5: image: an image needs image_alt: a short description for people who cannot see it"
    ]


def test_a_post_from_the_plan_takes_the_period_the_plan_gives_its_activities():
    from datetime import UTC, date, datetime

    from cisotra.dates import Period
    from cisotra.news import Post, with_planned_period

    periods = {
        "seminar-2020-el": Period(date(2020, 6, 1), date(2020, 9, 30), "month"),
        "seminar-2020-tr": Period(date(2020, 6, 1), date(2020, 10, 31), "month"),
        "meeting-5": Period(date(2020, 5, 18), date(2020, 5, 19), "day"),
    }
    post = Post("el", "el/news/x.md", "x", "x", "Σεμινάρια", datetime(2020, 6, 1, tzinfo=UTC), "…", from_plan=True)
    seminars = with_planned_period(replace(post, activities=("seminar-2020-el", "seminar-2020-tr", "unknown")), periods)
    assert seminars.planned == Period(date(2020, 6, 1), date(2020, 10, 31), "month")
    assert with_planned_period(replace(post, activities=("meeting-5",)), periods).planned == periods["meeting-5"]
    assert with_planned_period(replace(post, activities=("meeting-5",), from_plan=False), periods).planned is None
    assert with_planned_period(post, periods).planned is None  # names no activity


def test_a_post_not_written_in_a_language_is_listed_there_once_in_the_first_language_that_has_it(tmp_path):
    write(tmp_path, "docs/en/news/2018-05-15-both.md", POST)
    write(tmp_path, "docs/si/news/2018-05-15-both.md", POST)
    write(tmp_path, "docs/en/news/2018-06-01-english.md", POST.replace("2018-05-15", "2018-06-01"))
    write(tmp_path, "docs/si/news/2018-07-01-slovenian.md", POST.replace("2018-05-15", "2018-07-01"))
    posts = load(tmp_path)
    listed = {code: [(post.code, post.stem) for post in listed_in(posts, code, CODES)] for code in CODES}
    assert listed["si"] == [("si", "2018-07-01-slovenian"), ("en", "2018-06-01-english"), ("si", "2018-05-15-both")]
    assert listed["en"] == [("si", "2018-07-01-slovenian"), ("en", "2018-06-01-english"), ("en", "2018-05-15-both")]
    # In a third language, a post written in two others is listed once, in the first of the site's order.
    turkish = [replace(post, code="tr") for post in posts if post.stem == "2018-07-01-slovenian"]
    assert [(p.code, p.stem) for p in listed_in(posts + turkish, "el", ("en", "si", "tr", "el"))] == [
        ("si", "2018-07-01-slovenian"),
        ("en", "2018-06-01-english"),
        ("en", "2018-05-15-both"),
    ]


def test_a_post_listed_in_another_language_is_marked_with_its_language_named_by_cldr(tmp_path):
    write(tmp_path, "docs/si/news/2018-05-15-meeting.md", POST)
    (post,) = load(tmp_path)
    turkish = replace(post, code="tr", docs_path="tr/news/2018-05-15-meeting.md")
    ctx = Context(
        code="si",
        tag="sl",
        default_code="en",
        default_tag="en",
        strings={"news.in_language": "(jezik: {language})"},
        today=datetime(2026, 1, 1, tzinfo=UTC).date(),
        prefix="si/",
        page="si/news/",
        tags={"en": "en", "si": "sl", "tr": "tr"},
    )
    items = BeautifulSoup(str(render_items([turkish, post], ctx)), "html.parser").select("li")
    link = items[0].select_one("a")
    assert (link["href"], link["hreflang"], link["lang"]) == ("../../tr/news/2018-05-15-meeting/", "tr", "tr")
    assert items[0].select_one(".cisotra-post__lang").get_text() == "(jezik: turščina)"
    assert items[0].select_one(".cisotra-post__summary")["lang"] == "tr"
    # The language's own post is not marked.
    own = items[1].select_one("a")
    assert own["href"] == "2018-05-15-meeting/" and not own.has_attr("lang") and not own.has_attr("hreflang")
    assert items[1].select_one(".cisotra-post__lang") is None
