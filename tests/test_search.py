"""How a word becomes a search term: the light Slovenian stemmer tested on words of the site, Snowball for the others, and folding by each language's rules."""

import pytest

from cisotra.search import SLOVENIAN_MIN_STEM, SLOVENIAN_SUFFIXES, Terms, client_rules, slovenian_stem

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


def test_the_browser_gets_each_languages_stemmer():
    assert client_rules("sl") == {"suffixes": list(SLOVENIAN_SUFFIXES), "min": 4}
    assert client_rules("el") == {"snowball": "greek"} and client_rules("tr") == {"snowball": "turkish"}
    assert client_rules("xx") == {}


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
