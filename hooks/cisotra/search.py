"""Search in the visitor's language: an index per language, made by Pagefind from the built pages.

Pagefind reads each page's `lang` and writes one index per language, in small chunks a
browser fetches only as a query needs them. It folds case and accents ("αθηνα" finds
"Αθήνα", "srecanje" finds "srečanje"; German ß matches ss), matches word beginnings, and
stems words with the Snowball stemmers for English, German, Italian, Greek and Turkish.

Slovenian has no Snowball stemmer. Its index keeps whole words, and the search script
cuts the inflectional ending off each word of a query with the light stemmer below, so
that the stem matches the beginning of every form ("srečanjih" → "srečan": srečanje,
srečanja, srečanju). The script receives the same rules (`client_rules`), so Python's
tests of the stemmer hold for the browser too.
"""

from __future__ import annotations

import json
import subprocess
import unicodedata
from pathlib import Path

# Slovenian endings of nouns, adjectives and verbs, longest first. Endings with the
# inserted j of masculine nouns (seminar → seminarja, seminarjev) go with their j, so the
# stem is a beginning of the nominative too.
SLOVENIAN_SUFFIXES = (
    "jema",
    "ega",
    "emu",
    "imi",
    "ami",
    "jih",
    "jem",
    "jev",
    "ih",
    "im",
    "ah",
    "am",
    "om",
    "em",
    "ov",
    "ev",
    "mi",
    "ji",
    "ja",
    "je",
    "ju",
    "jo",
    "a",
    "e",
    "i",
    "o",
    "u",
)
SLOVENIAN_MIN_STEM = 4  # shorter stems would match too many unrelated words


def slovenian_stem(word: str) -> str:
    """The stem of a Slovenian word: lower case, its inflectional ending removed if a stem of
    at least SLOVENIAN_MIN_STEM letters remains."""
    word = word.lower()
    for suffix in SLOVENIAN_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= SLOVENIAN_MIN_STEM:
            return word[: -len(suffix)]
    return word


def client_rules(tag: str) -> dict:
    """What the search script does to a query in language `tag` before handing it to Pagefind."""
    if tag == "sl":
        return {"stem": {"suffixes": list(SLOVENIAN_SUFFIXES), "min": SLOVENIAN_MIN_STEM}}
    return {}


def fold(text: str) -> str:
    """Case and accents folded, as the index folds them (for tests and checks, not for display)."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char)).replace("ς", "σ")


def build_index(site: Path, executable: Path, output: str = "pagefind") -> subprocess.CompletedProcess:
    """Run Pagefind over the built site; the index goes to `site/output`."""
    result = subprocess.run(
        [str(executable), "--site", str(site), "--output-subdir", output, "--quiet"],
        capture_output=True,
        text=True,
        check=False,
    )
    entry = site / output / "pagefind-entry.json"
    if result.returncode == 0 and entry.is_file():
        # Pagefind lists the languages in no fixed order; sorted, the same sources give the same file.
        entry.write_text(
            json.dumps(json.loads(entry.read_text(encoding="utf-8")), sort_keys=True, separators=(",", ":"))
        )
    return result
