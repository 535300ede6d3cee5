"""The consortium's counts in a page's words (cisotra.consortiumcounts): members only, each language's phrase."""

from __future__ import annotations

from pathlib import Path

import pytest

from cisotra.activities import City
from cisotra.consortium import Consortium, Partner
from cisotra.consortiumcounts import counts, fill, spelled
from cisotra.strings import load_strings

ROOT = Path(__file__).resolve().parent.parent
TAGS = {"en": "en", "si": "sl", "de": "de", "it": "it", "el": "el", "tr": "tr"}
STRINGS = load_strings(ROOT / "data" / "strings", list(TAGS), TAGS, "en", ROOT)


def consortium(countries: list[str], associated: list[str] = ()) -> Consortium:
    """Members in `countries` (one partner each, in order), associated partners in `associated`."""

    def partner(number: int, country: str, role: str) -> Partner:
        city = City(f"c{number}", country, {code: "C" for code in TAGS}, (45.0, 15.0))
        return Partner(f"p{number}", f"P{number}", city, coordinator=number == 0, role=role)

    members = [partner(n, country, "member") for n, country in enumerate(countries)]
    others = [partner(len(countries) + n, country, "associated") for n, country in enumerate(associated)]
    return Consortium(None, members + others)


def said(code: str, group: Consortium) -> dict[str, str]:
    return counts(group, lambda key, **values: STRINGS.get(code, key, **values), str)


SIX_IN_FIVE = ["SI", "DE", "IT", "IT", "GR", "TR"]


@pytest.mark.parametrize(
    ("code", "members", "countries", "number"),
    [
        ("en", "six partners", "five countries", "six"),
        ("si", "je sodelovalo šest partnerjev", "petih držav", "šest"),
        ("de", "sechs Partnerorganisationen", "fünf Ländern", "sechs"),
        ("it", "sei partner", "cinque paesi", "sei"),
        ("el", "συμμετείχαν έξι εταίροι", "πέντε χώρες", "έξι"),
        ("tr", "altı ortak kuruluştan", "beş ülkeden", "altı"),
    ],
)
def test_six_members_from_five_countries_read_as_the_pages_said_them(code, members, countries, number):
    # An associated partner in a sixth country changes neither count.
    assert said(code, consortium(SIX_IN_FIVE, associated=["AT"])) == {
        "members": members,
        "member_countries": countries,
        "members_number": number,
    }


@pytest.mark.parametrize(
    ("code", "countries", "expected"),
    [
        ("el", ["SI"], ("συμμετείχε ένας εταίρος", "μία χώρα")),
        ("el", ["SI", "DE", "IT"], ("συμμετείχαν τρεις εταίροι", "τρεις χώρες")),
        ("tr", ["SI", "DE", "IT", "GR"], ("dört ortak kuruluştan", "dört ülkeden")),
        ("si", ["SI", "DE"], ("sta sodelovala dva partnerja", "dveh držav")),
        ("si", ["SI", "DE", "IT"], ("so sodelovali trije partnerji", "treh držav")),
    ],
)
def test_the_phrase_follows_the_languages_plural_forms(code, countries, expected):
    found = said(code, consortium(countries))
    assert (found["members"], found["member_countries"]) == expected


def test_a_number_past_the_spelled_out_words_is_written_in_figures():
    assert spelled(3, "one, two, three", str) == "three"
    assert spelled(13, "one, two, three", lambda number: f"<{number}>") == "<13>"
    many = said("el", consortium([f"C{n}" for n in range(13)]))
    assert many["members"] == "συμμετείχαν 13 εταίροι" and many["member_countries"] == "13 χώρες"


def test_markers_are_replaced_and_an_unknown_one_is_named_with_its_line():
    text, unknown = fill(
        "# Partners\n\nA consortium of {{ members }} from {{member_countries}}.\n{{ member }} {{ 7*7 }} {{ name }}\n",
        {
            "members": "six partners",
            "member_countries": "five countries",
            "members_number": "six",
        },
    )
    assert (
        text == "# Partners\n\nA consortium of six partners from five countries.\n{{ member }} {{ 7*7 }} {{ name }}\n"
    )
    assert [(mistake.line, mistake.message()) for mistake in unknown] == [
        (
            4,
            "unknown marker {{ member }} (did you mean {{ members }}? expected one of: {{ members }}, "
            "{{ member_countries }}, {{ members_number }}; the site writes the consortium's counts there)",
        )
    ]
