"""Alphabetical order by each language's rules (CLDR collation through ICU), not by code point."""

import pytest

from cisotra.collation import sorted_names


@pytest.mark.parametrize(
    ("tag", "names", "expected"),
    [
        # Code-point order would put İtalya last, after Yunanistan.
        (
            "tr",
            ["Yunanistan", "İtalya", "Türkiye", "Slovenya", "Almanya"],
            ["Almanya", "İtalya", "Slovenya", "Türkiye", "Yunanistan"],
        ),
        # Turkish letters have their own places: c before ç, o before ö, s before ş.
        (
            "tr",
            ["Çad", "Cezayir", "Özbekistan", "Ruanda", "Şili", "Suriye"],
            ["Cezayir", "Çad", "Özbekistan", "Ruanda", "Suriye", "Şili"],
        ),
        (
            "sl",
            ["Zambija", "Čile", "Cezar", "Šola", "Slovenija", "Žaba"],
            ["Cezar", "Čile", "Slovenija", "Šola", "Zambija", "Žaba"],
        ),
        (
            "el",
            ["Τουρκία", "Ιταλία", "Ελλάδα", "Σλοβενία", "Γερμανία", "Άγγλος"],
            ["Άγγλος", "Γερμανία", "Ελλάδα", "Ιταλία", "Σλοβενία", "Τουρκία"],
        ),
        ("de", ["Österreich", "Ungarn", "Oman", "Zypern"], ["Oman", "Österreich", "Ungarn", "Zypern"]),
        (
            "it",
            ["Turchia", "Italia", "Grecia", "Slovenia", "Germania"],
            ["Germania", "Grecia", "Italia", "Slovenia", "Turchia"],
        ),
    ],
)
def test_each_language_sorts_its_country_names_as_its_readers_expect(tag, names, expected):
    assert sorted_names(names, tag) == expected
