"""How a word becomes a search term: the light Slovenian stemmer tested on words of the site, Snowball for the others, and folding by each language's rules."""

import re
from pathlib import Path

import pytest
import Stemmer
from sitedata import expected

from cisotra.search import (
    QUERY_LIMITS,
    SLOVENIAN_MIN_STEM,
    SLOVENIAN_SUFFIXES,
    SNOWBALL,
    Terms,
    client_rules,
    slovenian_stem,
    stemming_note,
)

SNOWBALL_JS = Path(__file__).resolve().parent.parent / "docs" / "assets" / "javascripts" / "snowball"

# Forms of one word each, as the Slovenian pages write them. A query in any form must find
# every other: its stem is the beginning of each (the index matches word beginnings).
SLOVENIAN_FORMS = [
    ("srečanje", "srečanja", "srečanju", "srečanj", "srečanjih"),
    ("delavnica", "delavnice", "delavnici", "delavnic", "delavnicah"),
    ("mladoletniki", "mladoletnikov", "mladoletnike", "mladoletnikom"),
    ("usposabljanje", "usposabljanja", "usposabljanj", "usposabljanju"),
    ("seminar", "seminarji", "seminarjev", "seminarje", "seminarju", "seminarjih"),
    ("partner", "partnerji", "partnerjev", "partnerja"),
    ("strokovnjaki", "strokovnjakov", "strokovnjake"),
    ("država", "države", "državi", "državah", "držav"),
    ("konferenca", "konferenci", "konference"),
    ("projekt", "projekta", "projektu", "projektom"),
    ("udeleženci", "udeležencev"),
    ("predmet", "predmeta", "predmetu", "predmetov", "predmeti"),
    ("zastopniki", "zastopnikov"),
    ("skrbniki", "skrbnikov"),
]


@pytest.mark.parametrize("forms", SLOVENIAN_FORMS, ids=[forms[0] for forms in SLOVENIAN_FORMS])
def test_the_stem_of_each_slovenian_form_begins_every_other_form(forms):
    for form in forms:
        stem = slovenian_stem(form)
        assert all(other.startswith(stem) for other in forms), (form, stem)


@pytest.mark.parametrize("word", ["Celje", "Celju", "Atene", "sej", "model", "načrtovano"])
def test_no_stem_is_shorter_than_the_minimum(word):
    stem = slovenian_stem(word)
    assert len(stem) >= min(SLOVENIAN_MIN_STEM, len(word))
    assert word.lower().startswith(stem)


def test_words_of_different_meaning_keep_different_stems():
    assert slovenian_stem("delavnice") != slovenian_stem("delovni")
    assert slovenian_stem("srečanja") != slovenian_stem("sredstva")


def test_the_browser_gets_each_languages_stemmer_and_the_limits_of_a_query():
    assert client_rules("sl")["suffixes"] == list(SLOVENIAN_SUFFIXES) and client_rules("sl")["min"] == 4
    assert client_rules("el")["snowball"] == "greek" and client_rules("tr")["snowball"] == "turkish"
    assert "snowball" not in client_rules("xx") and "suffixes" not in client_rules("xx")
    assert all(client_rules(tag)["limits"] == QUERY_LIMITS for tag in ("en", "sl", "de", "it", "el", "tr"))


def test_every_language_of_the_site_is_stemmed_in_the_build_and_the_browser_alike():
    """The note a new language gets (tests/test_new_language.py) is never due for the site's own:
    each has its stemmer in the build and its JavaScript in docs/assets/javascripts/snowball/."""
    javascript = {path.name.removesuffix("-stemmer.js") for path in SNOWBALL_JS.glob("*-stemmer.js")}
    languages = expected(Path(__file__).resolve().parent.parent).languages
    assert len(languages) >= 2
    notes = {language.tag: stemming_note(language.tag, language.name, javascript) for language in languages}
    assert all(note is None for note in notes.values()), notes
    assert stemming_note("el", "Greek", javascript - {"greek"}), "a missing browser stemmer must be told"


def test_the_browsers_snowball_stemmers_come_from_the_release_in_pystemmer():
    """PyStemmer and the JavaScript in docs/assets/javascripts/snowball/ are upgraded together:
    regenerate the JavaScript with the Snowball release PyStemmer bundles (README, Search)."""
    release = ".".join(Stemmer.version().split(".")[:3])  # PyStemmer X.Y.Z bundles Snowball's libstemmer X.Y.Z
    for algorithm in SNOWBALL.values():
        first = (SNOWBALL_JS / f"{algorithm}-stemmer.js").read_text(encoding="utf-8").split("\n", 1)[0]
        generated = re.fullmatch(rf"// Generated from {algorithm}\.sbl by Snowball (\d+\.\d+\.\d+) - .*", first)
        assert generated, first
        assert generated.group(1) == release, (
            f"{algorithm}-stemmer.js is Snowball {generated.group(1)}, PyStemmer bundles {release}: "
            "generate the browser's stemmers from that release"
        )


def test_a_word_has_a_term_and_an_unstemmed_form():
    terms = Terms("tr")
    assert terms.pairs("İstanbul'da Atölyeler") == [("istanbul", "istanbul"), ("da", "da"), ("atolye", "atolyeler")]
    assert terms.form("ΣΕΜΙΝΆΡΙΑ") == Terms("el").form("σεμιναρια") and terms.pairs("a") == []


@pytest.mark.parametrize(
    ("tag", "typed", "written"),
    [
        ("el", "αθηνα", "Αθήνα"),  # no accents, as people type on phones
        ("el", "ΑΘΗΝΑ", "Αθήνα"),
        ("el", "αθηνας", "ΑΘΗΝΑΣ"),  # final sigma
        ("el", "σεμιναρια", "σεμινάρια"),
        ("sl", "srecanje", "srečanje"),  # č typed as c
        ("sl", "srečanjih", "srečanje"),
        ("tr", "ISTANBUL", "İstanbul"),  # dotless capital I typed for İ
        ("tr", "istanbul", "İSTANBUL"),
        ("tr", "atolyeler", "atölyeler"),
        ("tr", "isik", "IŞIK"),  # I lower-cased the Turkish way is ı, folded to i
        ("de", "strasse", "Straße"),
        ("de", "hauser", "Häuser"),
        ("it", "incontri", "incontro"),
        ("en", "meetings", "Meeting"),
    ],
)
def test_a_word_as_people_type_it_gives_the_term_of_the_word_as_written(tag, typed, written):
    terms = Terms(tag)
    assert terms.of(typed) == terms.of(written), tag


@pytest.mark.parametrize(
    ("tag", "inflected", "base"),
    [("tr", "atölyeler", "atölye"), ("tr", "seminerleri", "seminer"), ("de", "Seminaren", "Seminar"),
     ("el", "συναντήσεις", "συνάντηση"), ("it", "seminari", "seminario"), ("en", "partners", "partner")],
)  # fmt: skip
def test_inflected_forms_share_the_term_of_their_word(tag, inflected, base):
    terms = Terms(tag)
    assert terms.of(inflected) == terms.of(base), (terms.of(inflected), terms.of(base))


def test_turkish_lower_case_is_not_the_root_locales():
    assert Terms("tr").of("IŞIK") == Terms("tr").of("ışık")
    assert Terms("en").of("I") == []  # one letter is no term
    assert Terms("tr").of("İzmir'de") == Terms("tr").of("izmir") + ["de"]


def test_too_short_and_too_long_words_are_no_terms():
    assert Terms("en").of("a " + "x" * 41 + " ok") == ["ok"]
