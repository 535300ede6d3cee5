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
    groups = load(
        tmp_path,
        "- language: de\n  words: [Fortbildung, Kurs, Schulung]\n"
        "- language: tr\n  words: [eğitim, ders]\n"
        "- language: de\n  words:\n    - Treffen\n    - Sitzung\n",  # as the browser editor writes a list
    )
    shown = Path("data/synonyms.yml")
    assert groups == {
        "de": (
            SynonymGroup(("Fortbildung", "Kurs", "Schulung"), shown, 2, "de: words"),
            SynonymGroup(("Treffen", "Sitzung"), shown, 6, "de: words"),
        ),
        "tr": (SynonymGroup(("eğitim", "ders"), shown, 4, "tr: words"),),
    }


def test_no_file_and_an_empty_file_mean_no_synonyms(tmp_path):
    assert load_synonyms(tmp_path / "missing.yml", CODES, tmp_path) == {}
    assert load(tmp_path, "# nothing yet\n") == {}
    assert load(tmp_path, "[]\n") == {}


def test_each_mistake_is_named_with_its_line_and_how_to_fix_it(tmp_path):
    found = problems(
        tmp_path,
        "- language: en\n"
        "  words: [training, course]\n"
        "- language: en\n"
        "  words: [workshop]\n"  # 4: one word is no group
        "- language: en\n"
        "  words: [meeting, Course]\n"  # 6: course is in the group on line 2 (case does not matter)
        "- language: en\n"
        "  words: [no, yes]\n"  # 8: YAML reads no and yes as false and true
        "- language: en\n"
        "  words: [seminar, study day]\n"  # 10: a phrase
        "- language: sr\n"  # 11: not a language of the site
        "  words: [seminar, skup]\n"
        "- language: de\n"
        "  words: Fortbildung\n"  # 14: not a list
        "- words: [Kurs, Schulung]\n"  # 15: no language
        "  lang: de\n",  # 16: not a field
    )
    assert found == [
        "data/synonyms.yml:4: en: words: expected two or more words that mean the same, such as  "
        "[Fortbildung, Kurs], found 1",
        "data/synonyms.yml:8: en: words: found False, which YAML does not read as a word, expected a word: put it in "
        'quotes, like  "no"',
        "data/synonyms.yml:8: en: words: found True, which YAML does not read as a word, expected a word: put it in "
        'quotes, like  "no"',
        "data/synonyms.yml:10: en: words: found 'study day', expected one word (letters and digits, no spaces, "
        "hyphens or other signs): a group holds single words; put each word of a phrase in its own group if it needs one",
        "data/synonyms.yml:11: sr: language: unknown language 'sr' (expected one of: en, si, de, it, el, tr)",
        "data/synonyms.yml:14: de: words: expected two or more words that mean the same, such as  [Fortbildung, Kurs], "
        "found 'Fortbildung'",
        "data/synonyms.yml:16: lang: unknown field (did you mean language? expected one of: language, words)",
        "data/synonyms.yml:15: language: missing (expected a language of the site)",
        "data/synonyms.yml:6: en: words: 'Course' is already in the group on line 2: put all the words that mean "
        "the same in one group",
    ]


def test_a_file_in_the_old_form_is_told_how_to_write_each_group(tmp_path):
    assert problems(tmp_path, "# synonyms\nen:\n  training: [course]\n  MFDPŠ: [ISSBS]\n") == [
        "data/synonyms.yml:3: the file is now a list of groups: write `en:` and `training: [course]` as  "
        "- language: en  and under it, indented by two spaces,  words: [training, course]  (and every other "
        'group the same way); see CONTRIBUTING.md, "Words that search treats as one"'
    ]


def test_a_file_in_the_old_form_without_groups_is_told_the_new_form(tmp_path):
    (found,) = problems(tmp_path, "en:\nde:\n")
    assert found.startswith("data/synonyms.yml:1: the file is now a list of groups, each written as  - language: en")


def test_a_file_that_is_not_a_list_of_groups_is_named(tmp_path):
    assert problems(tmp_path, "training\n") == [
        "data/synonyms.yml:1: expected a list of groups, each starting with '- language:', found 'training'"
    ]


def test_the_sites_synonyms_are_valid():
    root = Path(__file__).resolve().parent.parent
    groups = load_synonyms(root / "data" / "synonyms.yml", CODES, root)
    assert set(groups) == set(CODES) and all(groups.values())
