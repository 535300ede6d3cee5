from pathlib import Path

import pytest

from cisotra.errors import DataError
from cisotra.funding import load_funding
from cisotra.strings import load_strings


def write(folder: Path, name: str, text: str) -> None:
    (folder / name).parent.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


def test_strings_are_flattened_and_filled(tmp_path):
    write(tmp_path, "strings/en.yml", "a:\n  b: 'Hello {name}'\n")
    write(tmp_path, "strings/si.yml", "a:\n  b: 'Pozdravljen, {name}'\n")
    strings = load_strings(tmp_path / "strings", ["en", "si"], "en", tmp_path)
    assert strings.get("si", "a.b", name="svet") == "Pozdravljen, svet"


def test_every_language_must_have_the_reference_keys_and_no_others(tmp_path):
    write(tmp_path, "strings/en.yml", "a: A\nb: B\n")
    write(tmp_path, "strings/si.yml", "a: A\nc: C\n")
    with pytest.raises(DataError) as caught:
        load_strings(tmp_path / "strings", ["en", "si"], "en", tmp_path)
    assert [str(p) for p in caught.value.problems] == [
        "strings/si.yml: b: missing (the en text is: 'B')",
        "strings/si.yml:2: c: unknown key (not in en.yml)",
    ]


def test_a_missing_language_file_is_named(tmp_path):
    write(tmp_path, "strings/en.yml", "a: A\n")
    with pytest.raises(DataError, match=r"strings/de.yml: missing: every language needs its interface strings"):
        load_strings(tmp_path / "strings", ["en", "de"], "en", tmp_path)


def test_funding_needs_both_texts_in_every_language(tmp_path):
    write(tmp_path, "funding.yml", "en:\n  statement: S\n  disclaimer: D\nsi:\n  statement: S\n  colour: blue\n")
    with pytest.raises(DataError) as caught:
        load_funding(tmp_path / "funding.yml", ("en", "si", "de"), tmp_path)
    assert [str(p) for p in caught.value.problems] == [
        "funding.yml:4: si.disclaimer: expected a non-empty text",
        "funding.yml:6: si.colour: unknown field (expected statement or disclaimer)",
        "funding.yml: de: missing: every language needs its wording",
    ]


def test_the_real_funding_text_exists_in_every_language():
    root = Path(__file__).resolve().parent.parent
    funding = load_funding(root / "data" / "funding.yml", ("en", "si", "de", "it", "el", "tr"), root)
    assert len({f.statement for f in funding.values()}) == 6
    assert "Erasmus+" in funding["si"].statement
