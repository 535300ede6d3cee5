"""The search index's files: pages read into sections, terms sharded where the browser looks for them, scores that rank titles first."""

from __future__ import annotations

import json

import pytest

from cisotra import searchindex
from cisotra.search import Terms
from cisotra.searchindex import Document, Section, document, shard_file, write


def test_a_page_is_read_by_section_without_skipped_lists_scripts_or_permalinks():
    content = (
        '<h1 id="title">Τίτλος</h1><p>Αθήνα &amp; Πάτρα</p>'
        "<div><!--search-skip--><ul><li>Άλλη σελίδα</li></ul><!--/search-skip--></div>"
        '<h2 id="plan">Σχέδιο<a class="headerlink" href="#plan">¶</a></h2><p>Κείμενο <em>εδώ</em></p>'
        "<script>var hidden = 1;</script><dl><dt>Τόπος</dt><dd>Αθήνα</dd></dl>"
    )
    found = document("el/page/", "Τίτλος", content)
    assert found.sections == [Section("", "", "Αθήνα & Πάτρα"), Section("Σχέδιο", "plan", "Κείμενο εδώ Τόπος: Αθήνα")]


def _browser_shard_key(term: str, split: set[str]) -> str:
    """Where the browser looks for a term (assets/javascripts/cisotra-search-index.js, shardKey)."""
    key = term[:2]
    while key in split and len(term) > len(key):
        key = term[: len(key) + 1]
    return key


def shard_of(folder, manifest: dict, term: str) -> dict:
    """The shard the browser fetches for `term`."""
    key = _browser_shard_key(term, set(manifest["split"]))
    return json.loads((folder / "terms" / shard_file(key)).read_text("utf-8"))


def _decoded(flat: list[int]) -> dict[int, int]:
    pages, number = {}, 0
    for gap, score in zip(flat[::2], flat[1::2], strict=True):
        number += gap
        pages[number] = score
    return pages


@pytest.fixture
def documents():
    words = ["seminar", "seminare", "seminaren", "semester", "sessel", "sehen", "segel", "serie"]
    texts = [" ".join(words[: n % 8 + 1]) + f" wort{n}" for n in range(60)]  # pages with 1 to 8 of the words
    docs = [Document(f"de/p{n}/", f"Seite {n}", [Section("", "", text)]) for n, text in enumerate(texts)]
    docs.append(Document("de/titel/", "Regensburg", [Section("", "", "Ein Text.")]))
    docs.append(Document("de/text/", "Anderes", [Section("", "", "Ein Text über Regensburg und mehr Wörter.")]))
    return docs


def test_every_term_is_in_the_shard_where_the_browser_looks_for_it(tmp_path, documents, monkeypatch):
    monkeypatch.setattr(searchindex, "SHARD_BYTES", 400)  # small shards: keys are split, some twice
    write(documents, Terms("de"), tmp_path)
    manifest = json.loads((tmp_path / "index.json").read_text(encoding="utf-8"))
    split = set(manifest["split"])
    assert any(len(key) > 3 for key in split)
    terms = {term for doc in documents for term in Terms("de").of(doc.title + " " + doc.sections[0].text)}
    for term in terms:
        assert term in shard_of(tmp_path, manifest, term), term
    for key in split:  # a split key's own shard is there, even empty: the browser asks for it
        assert (tmp_path / "terms" / shard_file(key)).is_file()
    assert manifest["pages"] == len(documents) == len(list((tmp_path / "pages").glob("*.json")))


def test_scores_find_the_pages_with_the_term_and_rank_a_title_above_the_text(tmp_path, documents):
    write(documents, Terms("de"), tmp_path)
    pages = {n: json.loads((tmp_path / "pages" / f"{n}.json").read_text("utf-8")) for n in range(len(documents))}
    manifest = json.loads((tmp_path / "index.json").read_text(encoding="utf-8"))
    term = Terms("de").of("Regensburg")[0]
    found = {pages[n]["path"]: score for n, score in _decoded(shard_of(tmp_path, manifest, term)[term]).items()}
    assert set(found) == {"de/titel/", "de/text/"}
    assert found["de/titel/"] > found["de/text/"]
    seminar = _decoded(shard_of(tmp_path, manifest, "seminar")["seminar"])
    assert {pages[n]["path"] for n in seminar} == {d.path for d in documents if "seminar " in d.sections[0].text + " "}


def test_the_index_is_the_same_for_the_same_pages_and_leaves_nothing_old_behind(tmp_path, documents):
    first, second = tmp_path / "first", tmp_path / "second"
    write(documents, Terms("de"), first)
    (second / "terms").mkdir(parents=True)
    (second / "terms" / "old.json").write_text("{}")
    write(list(reversed(documents)), Terms("de"), second)
    files = sorted(path.relative_to(first) for path in first.rglob("*.json"))
    assert files == sorted(path.relative_to(second) for path in second.rglob("*.json"))
    assert all((first / name).read_bytes() == (second / name).read_bytes() for name in files)


def test_a_page_keeps_only_the_start_of_a_long_text_for_its_excerpts(tmp_path, monkeypatch):
    monkeypatch.setattr(searchindex, "TEXT_CHARS", 50)
    long = Document("en/long/", "Long", [Section("", "", "word " * 40), Section("Later", "later", "tail " * 40)])
    write([long], Terms("en"), tmp_path)
    kept = json.loads((tmp_path / "pages" / "0.json").read_text("utf-8"))["sections"]
    assert len(kept[0][2]) == 50 and kept[1] == ["Later", "later", ""]
    assert "tail" in json.dumps(shard_of(tmp_path, {"split": []}, "tail"))  # the whole text is indexed
