"""Synonyms for search (data/synonyms.yml): read per language, every mistake named with its file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from cisotra.errors import DataError
from cisotra.synonyms import SynonymGroup, load_synonyms

CODES = ("en", "si", "de", "it", "el", "tr")


def load(tmp_path: Path, text: str):
    path = tmp_path / "data" / "synonyms.yml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return load_synonyms(path, CODES, tmp_path)


def problems(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(DataError) as raised:
        load(tmp_path, text)
    return [str(problem) for problem in raised.value.problems]


def test_groups_are_read_per_language_with_their_lines(tmp_path):
    groups = load(tmp_path, "de:\n  Fortbildung: [Kurs, Schulung]\n  Treffen: Sitzung\ntr:\n  eğitim: [ders]\nel:\n")
    shown = Path("data/synonyms.yml")
    assert groups == {
        "de": (
            SynonymGroup(("Fortbildung", "Kurs", "Schulung"), shown, 2, "de.Fortbildung"),
            SynonymGroup(("Treffen", "Sitzung"), shown, 3, "de.Treffen"),
        ),
        "tr": (SynonymGroup(("eğitim", "ders"), shown, 5, "tr.eğitim"),),
        "el": (),
    }


def test_no_file_and_an_empty_file_mean_no_synonyms(tmp_path):
    assert load_synonyms(tmp_path / "missing.yml", CODES, tmp_path) == {}
    assert load(tmp_path, "# nothing yet\n") == {}


def test_each_mistake_is_named_with_its_line_and_how_to_fix_it(tmp_path):
    found = problems(
        tmp_path,
        "en:\n"
        "  training: [course]\n"
        "  workshop: []\n"  # 3: nothing in brackets
        "  meeting: [gathering, Course]\n"  # 4: course is in the group on line 2 (case does not matter)
        "  no: [yes]\n"  # 5: YAML reads no and yes as false and true
        "  seminar: [study day]\n"  # 6: a phrase
        "sr:\n"  # 7: not a language of the site
        "  seminar: [seminar]\n"
        "de: Fortbildung\n",  # 9: not a group
    )
    assert found == [
        "data/synonyms.yml:3: en.workshop: found [], expected the words that mean the same in brackets, such as  "
        "Fortbildung: [Kurs, Schulung]",
        "data/synonyms.yml:4: en.meeting: 'Course' is already in the group on line 2: put all the words that mean "
        "the same in one group",
        "data/synonyms.yml:5: en.False: found False, which YAML does not read as a word, expected a word: put it in "
        'quotes, like  "no"',
        "data/synonyms.yml:5: en.False: found True, which YAML does not read as a word, expected a word: put it in "
        'quotes, like  "no"',
        "data/synonyms.yml:6: en.seminar: found 'study day', expected one word (letters and digits, no spaces, "
        "hyphens or other signs): a group holds single words; put each word of a phrase in its own group if it needs one",
        "data/synonyms.yml:7: sr: unknown language (expected one of: en, si, de, it, el, tr)",
        "data/synonyms.yml:9: de: expected groups of words, one per line and indented, such as  Fortbildung: [Kurs, "
        "Schulung]",
    ]


def test_a_file_that_is_not_languages_is_named(tmp_path):
    assert problems(tmp_path, "- training\n- course\n") == [
        "data/synonyms.yml:1: expected languages (en:, de:, …), each with groups such as  Fortbildung: [Kurs, Schulung]"
    ]


def test_the_sites_synonyms_are_valid():
    root = Path(__file__).resolve().parent.parent
    groups = load_synonyms(root / "data" / "synonyms.yml", CODES, root)
    assert set(groups) == set(CODES) and all(groups.values())
