from pathlib import Path

import pytest

from cisotra.errors import DataError
from cisotra.funding import load_funding
from cisotra.strings import load_strings

TAGS = {"en": "en", "si": "sl", "de": "de", "el": "el", "tr": "tr", "it": "it"}


def strings(tmp_path, codes):
    return load_strings(tmp_path / "strings", codes, TAGS, codes[0], tmp_path)


def write(folder: Path, name: str, text: str) -> None:
    (folder / name).parent.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


def test_strings_are_flattened_and_filled(tmp_path):
    write(tmp_path, "strings/en.yml", "a:\n  b: 'Hello {name}'\n")
    write(tmp_path, "strings/si.yml", "a:\n  b: 'Pozdravljen, {name}'\n")
    assert strings(tmp_path, ["en", "si"]).get("si", "a.b", name="svet") == "Pozdravljen, svet"


def test_every_language_must_have_the_reference_keys_and_no_others(tmp_path):
    write(tmp_path, "strings/en.yml", "a: A\nb: B\n")
    write(tmp_path, "strings/si.yml", "a: A\nc: C\n")
    with pytest.raises(DataError) as caught:
        strings(tmp_path, ["en", "si"])
    assert [str(p) for p in caught.value.problems] == [
        "strings/si.yml: b: missing (the en text is: 'B')",
        "strings/si.yml:2: c: unknown key (not in en.yml)",
    ]


def test_a_missing_language_file_is_named(tmp_path):
    write(tmp_path, "strings/en.yml", "a: A\n")
    with pytest.raises(DataError, match=r"strings/de.yml: missing: every language needs its interface strings"):
        strings(tmp_path, ["en", "de"])


def test_funding_needs_every_text_in_every_language(tmp_path):
    write(
        tmp_path,
        "funding.yml",
        "en:\n  statement: S\n  disclaimer: D\n  publication_disclaimer: P\nsi:\n  statement: S\n  colour: blue\n",
    )
    with pytest.raises(DataError) as caught:
        load_funding(tmp_path / "funding.yml", ("en", "si", "de"), tmp_path)
    assert [str(p) for p in caught.value.problems] == [
        "funding.yml:7: si.colour: unknown field (expected one of: statement, disclaimer, publication_disclaimer, to_confirm)",
        "funding.yml:5: si.disclaimer: missing (expected a text)",
        "funding.yml:5: si.publication_disclaimer: missing (expected a text)",
        "funding.yml:1: missing the wording in de (every language of the site needs its own)",
    ]


PLURAL = """\
count:
  one: "{count} activity"
  other: "{count} activities"
"""


@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        ("en", PLURAL, {1: "1 activity", 5: "5 activities", 1065: "1,065 activities"}),
        (
            "si",
            'count:\n  one: "{count} dejavnost"\n  two: "{count} dejavnosti"\n  few: "{count} dejavnosti"\n  other: "{count} dejavnosti"\n',
            {1: "1 dejavnost", 2: "2 dejavnosti", 101: "101 dejavnost", 1065: "1.065 dejavnosti"},
        ),
        (
            "el",
            'count:\n  one: "{count} δραστηριότητα"\n  other: "{count} δραστηριότητες"\n',
            {1: "1 δραστηριότητα", 2: "2 δραστηριότητες", 1065: "1.065 δραστηριότητες"},
        ),
        (
            "tr",
            'count:\n  one: "{count} faaliyet"\n  other: "{count} faaliyet"\n',
            {1: "1 faaliyet", 7: "7 faaliyet", 1065: "1.065 faaliyet"},
        ),
    ],
)
def test_a_counted_text_takes_the_languages_plural_form_and_number_format(tmp_path, code, text, expected):
    write(tmp_path, "strings/en.yml", PLURAL)
    write(tmp_path, f"strings/{code}.yml", text)
    loaded = strings(tmp_path, list(dict.fromkeys(["en", code])))
    assert {count: loaded.get(code, "count", count=count) for count in expected} == expected


def test_a_language_must_give_every_plural_form_its_rules_use(tmp_path):
    write(tmp_path, "strings/en.yml", PLURAL)
    write(tmp_path, "strings/si.yml", 'count:\n  one: "{count} dejavnost"\n  other: "{count} dejavnosti"\n')
    write(
        tmp_path,
        "strings/tr.yml",
        'count:\n  one: "{count} faaliyet"\n  few: "{count} faaliyet"\n  other: "{count} faaliyet"\n',
    )
    with pytest.raises(DataError) as caught:
        strings(tmp_path, ["en", "si", "tr"])
    assert [str(p) for p in caught.value.problems] == [
        "strings/si.yml:1: count: missing the plural forms two, few (Slovenian needs one, two, few, other)",
        "strings/tr.yml:1: count: few: not a plural form of Turkish (it uses one, other)",
    ]


def test_the_real_funding_text_exists_in_every_language():
    import sys

    root = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from sitecheck import LANGUAGES

    funding = load_funding(root / "data" / "funding.yml", tuple(LANGUAGES), root)
    assert len({f.statement for f in funding.values()}) == len(LANGUAGES)
    assert all("Erasmus+" in f.statement for f in funding.values())


def test_only_the_placeholders_given_are_filled_and_other_braces_stay_as_written():
    from babel import Locale

    from cisotra.strings import fill

    locale = Locale.parse("en")
    assert fill("{{ 7*7 }} and {x} for {name}", locale, {"name": "you"}) == "{{ 7*7 }} and {x} for you"
    assert fill("{count} {item}", locale, {"count": 1065}) == "1,065 {item}"


def test_a_translated_placeholder_is_named_with_the_ones_to_write(tmp_path):
    from cisotra.errors import DataError
    from cisotra.strings import load_strings

    (tmp_path / "en.yml").write_text('news:\n  by: "By {author}"\n', encoding="utf-8")
    (tmp_path / "de.yml").write_text('news:\n  by: "Von {autor}"\n', encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_strings(tmp_path, ["en", "de"], {"en": "en", "de": "de"}, "en", tmp_path)
    assert [str(problem) for problem in caught.value.problems] == [
        "de.yml:2: news.by: {autor} is not a placeholder of this text: write the placeholders as en.yml has them "
        "({author}), untranslated; the site puts the value there"
    ]
