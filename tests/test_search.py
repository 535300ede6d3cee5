"""Search rules: the light Slovenian stemmer, tested on words of the site, and the folding the index does."""

import pytest

from cisotra.search import SLOVENIAN_MIN_STEM, client_rules, fold, slovenian_stem

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


def test_only_slovenian_queries_are_stemmed_in_the_browser():
    assert client_rules("sl")["stem"]["min"] == SLOVENIAN_MIN_STEM
    assert client_rules("de") == client_rules("el") == client_rules("tr") == {}


@pytest.mark.parametrize(
    ("typed", "written"),
    [("αθηνα", "Αθήνα"), ("ΑΘΗΝΑΣ", "αθήνας"), ("srecanje", "srečanje"), ("ISTANBUL", "İstanbul"), ("cafe", "Café")],
)
def test_case_and_accents_fold_as_the_index_folds_them(typed, written):
    assert fold(typed) == fold(written)
