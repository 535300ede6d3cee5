"""The vocabulary data files are described in (cisotra.fields): its checks, its JSON Schemas, its editor fields."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest

from cisotra.fields import (
    Choice,
    Day,
    Field,
    File,
    Identifier,
    ListOf,
    MapOf,
    Moment,
    Record,
    Reference,
    SiteLanguage,
    Text,
    Translated,
    Url,
    check,
    json_schema,
)
from cisotra.yamlfile import load_text

LANGUAGES = ("en", "si", "el", "tr")
FILE = Path("data/example.yml")


def problems(description, text: str) -> list[str]:
    _, found = check(load_text(text, FILE), description, FILE, LANGUAGES)
    return [str(problem) for problem in found]


def accepted(description, text: str) -> bool:
    """What the JSON Schema made from the description says of the same text."""
    schema = json_schema(description, LANGUAGES, "t", "d")
    return jsonschema.Draft202012Validator(schema).is_valid(load_text(text, FILE))


ENTRY = Record(
    (
        Field("id", Identifier(), required=True),
        Field("status", Choice(("held", "cancelled"))),
        Field("title", Translated(), required=True),
    ),
    what="an entry",
)
ENTRIES = ListOf(ENTRY, label_by="id")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "- id: a\n  title: {en: A}\n  statu: held\n",
            "data/example.yml:3: a: statu: unknown field (did you mean status? expected one of: id, status, title)",
        ),
        (
            "- id: a\n  title: {en: A}\n  status: Held\n",
            "data/example.yml:3: a: status: unknown status 'Held': write it in lower case, held",
        ),
        (
            "- id: a\n  title: {en: A}\n  status: hold\n",
            "data/example.yml:3: a: status: unknown status 'hold' (did you mean held? expected one of: held, cancelled)",
        ),
        (
            "- id: a\n  title: {si: A}\n",
            "data/example.yml:2: a: title: missing the text in en, the site's default language (required; other languages fall back to it)",
        ),
        (
            "- id: a\n  title: {en: A, sl: B}\n",
            "data/example.yml:2: a: title: unknown language key 'sl' (expected one of: en, si, el, tr)",
        ),
        # A missing field is named on the line of what holds it: the entry's first line.
        (
            "- id: a\n  status: held\n",
            'data/example.yml:1: a: title: missing (expected a text per language, such as  en: "…")',
        ),
        (
            "- id: A b\n  title: {en: A}\n",
            "data/example.yml:1: id: expected lower-case letters, digits and hyphens (like meeting-1-naples), found 'A b'",
        ),
    ],
)
def test_a_mistake_is_named_with_file_line_entry_and_field(text, expected):
    assert problems(ENTRIES, text) == [expected]
    assert not accepted(ENTRIES, text)  # the schema refuses what the check refuses


def test_what_the_check_accepts_the_schema_accepts():
    text = "- id: a\n  status: held\n  title: {en: A, el: Α}\n"
    assert problems(ENTRIES, text) == [] and accepted(ENTRIES, text)


def test_items_are_labelled_by_several_fields_when_one_does_not_name_them():
    links = ListOf(
        Record((Field("from", Reference()), Field("to", Reference()), Field("n", Text()))), label_by="{from} → {to}"
    )
    assert problems(links, "- {from: a, to: b, n: [1]}\n") == [
        "data/example.yml:1: a → b: n: expected a text, found a list"
    ]
    assert links.widget(LANGUAGES)["summary"] == "{{fields.from}} → {{fields.to}}"


def test_exactly_one_of_two_fields():
    either = Record((Field("file", File()), Field("url", Url())), exactly_one=("file", "url"), about="a file or a url")
    assert problems(either, "file: en/a.pdf\n") == []
    assert problems(either, "file: en/a.pdf\nurl: https://example.org/a.pdf\n") == [
        "data/example.yml:1: expected a file or a url"
    ]
    assert problems(either, "{}\n") == ["data/example.yml:1: expected a file or a url"]
    assert accepted(either, "url: https://example.org/a.pdf\n") and not accepted(either, "{}\n")


@pytest.mark.parametrize(
    ("kind", "value", "expected"),
    [
        (File(), "../secret.txt", "expected a path under docs/, like en/results/study.pdf, found '../secret.txt'"),
        (File(), "//etc/passwd", "expected a path under docs/, like en/results/study.pdf, found '//etc/passwd'"),
        (File(), "/../secret.txt", "expected a path under docs/, like en/results/study.pdf, found '/../secret.txt'"),
        (
            File(from_page=True),
            "/assets/a.pdf",
            "expected a path under docs/, like en/results/study.pdf, found '/assets/a.pdf'",
        ),
        (
            File(),
            "https://example.org/a.pdf",
            "expected a path under docs/, like en/results/study.pdf, found 'https://example.org/a.pdf'",
        ),
        (
            File(from_page=True, types=(".jpg", ".png"), expected="an image file"),
            "../photo.txt",
            "expected an image file (.jpg, .png), found '../photo.txt'",
        ),
        (
            Moment(),
            "15. 5. 2018",
            "expected a date like 2018-05-15 or 2018-05-15 10:30 (optionally with +02:00), found '15. 5. 2018'",
        ),
        (Moment(), "2018-02-30", "'2018-02-30' is not a date in the calendar: 2018-02 has days 01 to 28"),
        (
            Moment(),
            "2018-05-15 25:00",
            "'2018-05-15 25:00' is not a time of day (expected hours 00 to 23 and minutes 00 to 59)",
        ),
        (
            Day(month=True),
            "2026-13",
            "'2026-13' is not a date in the calendar: there is no month 13 (months are 01 to 12)",
        ),
        (
            Day(what="the publication date", example="2018-05-01"),
            "May",
            "expected the publication date, a day like 2018-05-01, found 'May'",
        ),
        (Reference(expected="a key of data/cities.yml"), ["naples"], "expected a key of data/cities.yml, found a list"),
    ],
)
def test_kinds_say_what_they_expect(kind, value, expected):
    description = Record((Field("x", kind),))
    _, found = check({"x": value}, description, FILE, LANGUAGES)
    assert [problem.message for problem in found] == [expected]


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        (File(), "en/results/initial-study.en.pdf"),
        (File(from_page=True, types=(".jpg",)), "../../assets/images/news/Naples.JPG"),
        (Moment(), "2018-05-15"),
        (Moment(), "2018-12-15 10:30"),
        (Moment(), "2018-05-15T10:30:00+03:00"),
        (Moment(), "2018-05-15T08:30Z"),
        # A reference is any text here; whether the entry exists is for the loader, which has the other file.
        (Reference(), "Meeting"),
    ],
)
def test_kinds_accept_what_the_site_reads_and_so_does_the_schema(kind, value):
    description = Record((Field("x", kind),))
    checked, found = check({"x": value}, description, FILE, LANGUAGES)
    assert found == [] and checked == {"x": value}
    schema_ok = jsonschema.Draft202012Validator(json_schema(description, LANGUAGES, "t", "d")).is_valid({"x": value})
    assert schema_ok == (not isinstance(kind, Reference))  # the schema wants an id's form


def test_a_map_checks_a_value_also_under_a_bad_key():
    redirects = MapOf(Text(pattern="[a-z/]+", expected="a path"), key=Text(pattern="[a-z/]+", expected="a path"))
    assert problems(redirects, "A/: B/\n") == [
        "data/example.yml:1: A/: expected a path, found 'A/'",
        "data/example.yml:1: A/: expected a path, found 'B/'",
    ]


def test_every_language_or_none_and_the_noun_in_messages():
    wording = Translated(Record((Field("statement", Text(), required=True),)), every=True, noun="wording")
    assert problems(wording, "en:\n  statement: S\nsi:\n  colour: blue\n") == [
        "data/example.yml:4: si.colour: unknown field (expected one of: statement)",
        "data/example.yml:3: si.statement: missing (expected a text)",
        "data/example.yml:1: missing the wording in el, tr (every language of the site needs its own)",
    ]


def test_a_language_of_the_site_and_a_list_of_at_least_so_many():
    group = Record(
        (
            Field("language", SiteLanguage(), required=True),
            Field("words", ListOf(Text(), minimum=2, expected="two or more words"), required=True),
        )
    )
    assert problems(group, "language: si\nwords: [a, b]\n") == []
    assert problems(group, "language: de\nwords: [a]\n") == [
        "data/example.yml:1: language: unknown language 'de' (expected one of: en, si, el, tr)",
        "data/example.yml:2: words: expected two or more words, found 1",
    ]
    assert accepted(group, "language: el\nwords: [a, b]\n")
    assert not accepted(group, "language: de\nwords: [a, b]\n") and not accepted(group, "language: el\nwords: [a]\n")
    language, words = group.widget(LANGUAGES)["fields"]
    assert [option["value"] for option in language["options"]] == list(LANGUAGES) and words["min"] == 2


def test_a_path_under_docs_may_start_with_the_slash_the_browser_editor_writes():
    """Sveltia CMS 0.221.1 writes an upload of a data file as /assets/reports/minutes.pdf, whatever its settings:
    the one / names docs/, and the path is read without it, by the check and by the schema alike."""
    description = Record((Field("x", File(types=(".pdf",))),))
    checked, found = check({"x": "/assets/reports/minutes.pdf"}, description, FILE, LANGUAGES)
    assert found == [] and checked == {"x": "assets/reports/minutes.pdf"}
    validator = jsonschema.Draft202012Validator(json_schema(description, LANGUAGES, "t", "d"))
    assert validator.is_valid({"x": "/assets/reports/minutes.pdf"})
    assert not validator.is_valid({"x": "//example.org/minutes.pdf"})
    # From a page, a path starting with / is a link from the site's root, which a sub-path breaks.
    page = Record((Field("x", File(from_page=True)),))
    assert check({"x": "/assets/a.pdf"}, page, FILE, LANGUAGES)[1] != []
    assert not jsonschema.Draft202012Validator(json_schema(page, LANGUAGES, "t", "d")).is_valid({"x": "/assets/a.pdf"})
