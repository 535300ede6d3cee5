"""The search index's files: pages read into sections, the manifest that lists every file, entries in every shard their words begin, prefix and near files, scores that rank titles first, synonyms.

The browser's lookup in these files is tested where it runs, by tests/js (node --test) on
the same fixture index (tests/searchfixture.py); these tests hold the layout's promises.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import searchfixture

from cisotra import searchindex
from cisotra.search import TYPO_MIN, Terms
from cisotra.searchindex import (
    PREFIX_TOP,
    Document,
    Entry,
    Section,
    document,
    key_file,
    layout,
    longest,
    tail,
    write,
)


def test_a_page_is_read_by_section_without_skipped_lists_scripts_or_permalinks():
    content = (
        '<h1 id="title">Τίτλος</h1><p>Αθήνα &amp; Πάτρα</p>'
        "<div><!--search-skip--><ul><li>Άλλη σελίδα</li></ul><!--/search-skip--></div>"
        '<h2 id="plan">Σχέδιο<a class="headerlink" href="#plan">¶</a></h2><p>Κείμενο <em>εδώ</em></p>'
        "<script>var hidden = 1;</script><dl><dt>Τόπος</dt><dd>Αθήνα</dd></dl>"
    )
    found = document("el/page/", "Τίτλος", content)
    assert found.sections == [Section("", "", "Αθήνα & Πάτρα"), Section("Σχέδιο", "plan", "Κείμενο εδώ Τόπος: Αθήνα")]


@pytest.fixture(scope="module")
def fixture_index(tmp_path_factory) -> tuple[Path, dict]:
    """The fixture's index in six languages, with small shards (tests/searchfixture.py)."""
    folder = tmp_path_factory.mktemp("search")
    return folder, searchfixture.write_all(folder)


def _read(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def _keys(written: dict[str, str]) -> set[str]:
    return {head + last for head, lasts in written.items() for last in lasts}


def _entries(folder: Path) -> dict[str, list]:
    """Every entry of an index: term → its list, from whichever shard."""
    found: dict[str, list] = {}
    for path in (folder / "terms").glob("*.json"):
        found.update(_read(path))
    return found


def _strings(term: str, listed: list) -> list[str]:
    """The term and its forms, as the browser reads an entry."""
    out = [term]
    for item in listed:
        if isinstance(item, str) and not item.startswith("="):
            cut = len(item) - len(item.lstrip("<"))
            out.append(term[: len(term) - cut] + item[cut:])
    return out


TAGS = list(searchfixture.TAGS.values())


@pytest.mark.parametrize("tag", TAGS)
def test_the_manifest_lists_exactly_the_files_written(fixture_index, tag):
    folder = fixture_index[0] / tag
    manifest = _read(folder / "index.json")
    assert {key_file(key) for key in _keys(manifest["shards"])} == {p.name for p in (folder / "terms").iterdir()}
    assert {key_file(key) for key in _keys(manifest["near"])} == {p.name for p in (folder / "near").iterdir()}
    long_split = {key for key in manifest["split"] if len(key) >= searchindex.PREFIX_MIN}
    assert {key_file(key) for key in long_split} == {p.name for p in (folder / "prefixes").iterdir()}
    assert manifest["pages"] == len(list((folder / "pages").iterdir())) == 5
    assert {len(key) for key in manifest["split"]} >= {2, 3, 4}  # the fixture splits at several depths


@pytest.mark.parametrize("tag", TAGS)
def test_an_entry_is_in_the_shard_of_each_beginning_of_its_term_and_forms(fixture_index, tag):
    """A shard holds every entry with a term or form that begins with its key; a split key's
    own shard holds its own term only."""
    folder = fixture_index[0] / tag
    manifest = _read(folder / "index.json")
    split, shards = set(manifest["split"]), _keys(manifest["shards"])
    for term, listed in _entries(folder).items():
        for string in _strings(term, listed):
            key = string[:2]
            while key in split and len(string) > len(key):
                key = string[: len(key) + 1]
            if key in split:
                continue  # the string is a split key: its prefix file, or its own term
            assert key in shards and term in _read(folder / "terms" / key_file(key)), (term, string, key)
    for key in shards:
        for term, listed in _read(folder / "terms" / key_file(key)).items():
            strings = _strings(term, listed)
            assert term == key if key in split else any(string.startswith(key) for string in strings), (key, term)


@pytest.mark.parametrize("tag", TAGS)
def test_a_prefix_file_lists_every_page_of_the_words_that_begin_with_its_key(fixture_index, tag):
    folder = fixture_index[0] / tag
    entries = _entries(folder)
    for path in (folder / "prefixes").iterdir():
        key = bytes.fromhex(path.stem).decode("utf-8")
        written = _read(path)
        top, number = {}, 0
        for gap, score in zip(written["top"][::2], written["top"][1::2], strict=True):
            number += gap
            top[number] = score
        more, number = set(), 0
        for gap in written["more"]:
            number += gap
            more.add(number)
        expected: dict[int, int] = {}
        for term, listed in entries.items():
            if any(string.startswith(key) for string in _strings(term, listed)):
                numbers, number = [item for item in listed if isinstance(item, int)], 0
                for gap, score in zip(numbers[::2], numbers[1::2], strict=True):
                    number += gap
                    expected[number] = max(expected.get(number, 0), score)
        assert set(top) | more == set(expected) and not set(top) & more, key
        assert len(top) == min(PREFIX_TOP, len(expected)) and all(expected[page] == top[page] for page in top)


def _one_edit(word: str, letters: str) -> set[str]:
    """Every word one letter changed, missing, added, or two swapped away, within the first
    four letters (where a mistake moves a word to another shard)."""
    out = set()
    for at in range(min(4, len(word))):
        out.add(word[:at] + word[at + 1 :])
        if at + 1 < len(word):
            out.add(word[:at] + word[at + 1] + word[at] + word[at + 2 :])
        for letter in letters:
            out.add(word[:at] + letter + word[at + 1 :])
            out.add(word[:at] + letter + word[at:])
    return {variant for variant in out if len(variant) >= TYPO_MIN and variant != word}


@pytest.mark.parametrize("tag", TAGS)
def test_a_word_one_edit_away_finds_the_term_in_one_of_its_three_near_files(fixture_index, tag):
    """The design's promise (searchindex's docstring): the three keys of a mistyped word meet a
    near file listing the term of every word one edit away."""
    folder = fixture_index[0] / tag
    near = {bytes.fromhex(path.stem).decode("utf-8"): set(_read(path)) for path in (folder / "near").iterdir()}
    letters = "".join(sorted({letter for key in near for letter in key}))[:12]
    checked = 0
    for term, listed in _entries(folder).items():
        for string in _strings(term, listed):
            if len(string) < TYPO_MIN:
                continue
            for typed in _one_edit(string, letters):
                keys = {typed[:2], typed[1:3], typed[0] + typed[2]}
                assert any(term in near.get(key, ()) for key in keys), (term, string, typed)
                checked += 1
    assert checked > 1000


def test_scores_find_the_pages_with_the_term_and_rank_a_title_above_the_text(tmp_path):
    docs = [
        Document("de/titel/", "Regensburg", [Section("", "", "Ein Text.")]),
        Document("de/text/", "Anderes", [Section("", "", "Ein Text über Regensburg und mehr Wörter.")]),
        Document("de/sonst/", "Sonst", [Section("", "", "Nichts davon.")]),
    ]
    write(docs, Terms("de"), tmp_path)
    term = Terms("de").term("Regensburg")
    shard = _read(tmp_path / "terms" / key_file(term[:2]))
    pages = {_read(tmp_path / "pages" / f"{n}.json")["path"]: n for n in range(3)}
    flat, found, number = shard[term], {}, 0
    for gap, score in zip(flat[::2], flat[1::2], strict=True):
        number += gap
        found[number] = score
    assert set(found) == {pages["de/titel/"], pages["de/text/"]}
    assert found[pages["de/titel/"]] > found[pages["de/text/"]]


def test_forms_are_the_longest_and_written_after_the_term():
    assert longest("seminar", ["seminar", "seminars", "seminarjev", "semina"]) == ("seminarjev", "seminars")
    assert longest("organis", ["organisations", "organisation", "organised"]) == ("organisations", "organised")
    assert tail("fortbild", "fortbildungen") == "ungen"
    assert tail("happi", "happy") == "<y"
    assert Entry("happi", {0: 3, 4: 1}, ("happy",), ("glad",)).encoded() == [0, 3, 4, 1, "<y", "=glad"]


def test_one_entry_alone_is_never_split_however_big():
    big = Entry("training", dict.fromkeys(range(2000), 9), ("trainings",))
    placed = layout([big, Entry("tree", {1: 1})], shard_bytes=100)
    assert placed.shards["tra"] == [big] and placed.shards["tre"][0].term == "tree"
    assert placed.split == ["tr"] and "tr" not in placed.shards  # no term is "tr"


def test_the_index_is_the_same_for_the_same_pages_and_leaves_nothing_old_behind(tmp_path):
    docs = searchfixture.documents("de")
    first, second = tmp_path / "first", tmp_path / "second"
    write(docs, Terms("de"), first, shard_bytes=60)
    (second / "terms").mkdir(parents=True)
    (second / "terms" / "old.json").write_text("{}")
    write(list(reversed(docs)), Terms("de"), second, shard_bytes=60)
    files = sorted(path.relative_to(first) for path in first.rglob("*.json"))
    assert files == sorted(path.relative_to(second) for path in second.rglob("*.json"))
    assert all((first / name).read_bytes() == (second / name).read_bytes() for name in files)


def test_a_page_keeps_only_the_start_of_a_long_text_for_its_excerpts(tmp_path, monkeypatch):
    monkeypatch.setattr(searchindex, "TEXT_CHARS", 50)
    long = Document("en/long/", "Long", [Section("", "", "word " * 40), Section("Later", "later", "tail " * 40)])
    write([long], Terms("en"), tmp_path)
    kept = _read(tmp_path / "pages" / "0.json")["sections"]
    assert len(kept[0][2]) == 50 and kept[1] == ["Later", "later", ""]
    assert "tail" in _read(tmp_path / "terms" / key_file("ta"))  # the whole text is indexed


@pytest.mark.parametrize("code", list(searchfixture.TAGS))
def test_synonyms_share_their_pages_below_the_words_own_and_a_word_no_page_has_is_reported(fixture_index, code):
    folder, expected = fixture_index
    tag = searchfixture.TAGS[code]
    terms = Terms(tag)
    (group,) = searchfixture.synonyms()[code]
    first, second, absent = group.words
    entries = _entries(folder / tag)

    def pages(word: str) -> dict[int, int]:
        listed, found, number = entries[terms.term(word)], {}, 0
        numbers = [item for item in listed if isinstance(item, int)]
        for gap, score in zip(numbers[::2], numbers[1::2], strict=True):
            number += gap
            found[number] = score
        return found

    own = {word: set(made["pages"]) for word, made in expected[tag]["words"].items()}
    with_first = set().union(*(p for w, p in own.items() if terms.term(w) == terms.term(first)))
    with_second = set().union(*(p for w, p in own.items() if terms.term(w) == terms.term(second)))
    assert with_first - with_second and with_second - with_first  # the fixture's words are on different pages
    assert set(pages(first)) == set(pages(second)) == set(pages(absent)) == with_first | with_second
    for page in with_first - with_second:
        assert pages(second)[page] < pages(first)[page]
    assert "=" + terms.term(first) in entries[terms.term(second)]
    (note,) = expected[tag]["notes"]
    assert note.startswith(f"tests/fixtures/search/synonyms.yml:{group.line}: {group.field}: ")
    assert repr(absent) in note and "no page in this language has the word" in note
