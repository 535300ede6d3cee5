"""Search in the visitor's language: how a word becomes an index term, the same in the build and in the browser.

A word is lower-cased by its language's rules (Turkish: İ → i, I → ı), stemmed, then
folded: accents and other marks dropped, final ς written σ, Turkish ı written i and German
ß written ss. So a query typed as people type on phones finds the page: "αθηνα" and
"ΑΘΗΝΑ" find "Αθήνα", "atolyeler" finds "atölye", "srecanje" finds "srečanje".

English, German, Italian, Greek and Turkish are stemmed with the Snowball stemmers
(PyStemmer here, Snowball's C code; in the browser the JavaScript that the same Snowball
release generates, in assets/javascripts/snowball/; pure-Python snowballstemmer gives the
same stems 20 to 50 times slower). Slovenian has no Snowball stemmer: the light
stemmer below cuts the inflectional ending, and the browser gets its rules
(`client_rules`), so the tests of it hold for both. tests/browser checks that the browser
makes the same terms of the site's own words as this module.
"""

from __future__ import annotations

import functools
import re
import unicodedata

import Stemmer

# BCP 47 tag → Snowball algorithm (its name is also the JavaScript module's).
SNOWBALL = {"en": "english", "de": "german", "it": "italian", "el": "greek", "tr": "turkish"}

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

# Letters and digits, as the browser's /[\p{L}\p{N}\p{M}]+/u reads them (text is NFC first).
WORD = re.compile(r"[^\W_]+")
MIN_TERM = 2  # one letter finds everything
MAX_TERM = 40  # longer "words" are addresses and codes


def slovenian_stem(word: str) -> str:
    """The stem of a Slovenian word: lower case, its inflectional ending removed if a stem of
    at least SLOVENIAN_MIN_STEM letters remains."""
    word = word.lower()
    for suffix in SLOVENIAN_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= SLOVENIAN_MIN_STEM:
            return word[: -len(suffix)]
    return word


def client_rules(tag: str) -> dict:
    """How the browser stems a query in language `tag`: a Snowball module's name, or Slovenian's endings."""
    if tag in SNOWBALL:
        return {"snowball": SNOWBALL[tag]}
    if tag == "sl":
        return {"suffixes": list(SLOVENIAN_SUFFIXES), "min": SLOVENIAN_MIN_STEM}
    return {}


def lower(text: str, tag: str) -> str:
    """Lower case by the language's rules (Python's own rules are the root locale's)."""
    if tag in ("tr", "az"):
        text = text.replace("İ", "i").replace("I", "ı")
    return text.lower()


def fold(text: str) -> str:
    """Marks dropped and letters people type in place of others written as them (after stemming:
    the stemmers need the real letters)."""
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(char for char in decomposed if not unicodedata.category(char).startswith("M"))
    return bare.replace("ς", "σ").replace("ı", "i").replace("ß", "ss")


def words(text: str) -> list[str]:
    return WORD.findall(unicodedata.normalize("NFC", text))


class Terms:
    """A language's word → term function, with the terms of words already seen kept."""

    def __init__(self, tag: str) -> None:
        self.tag = tag
        if tag in SNOWBALL:
            self._stem = Stemmer.Stemmer(SNOWBALL[tag]).stemWord
        elif tag == "sl":
            self._stem = slovenian_stem
        else:
            self._stem = str
        self.term = functools.lru_cache(maxsize=None)(self._term)

    def _term(self, word: str) -> str:
        return fold(self._stem(lower(word, self.tag)))

    def of(self, text: str) -> list[str]:
        """The index terms of `text`, in order, too short and too long ones left out."""
        term = self.term
        return [found for found in map(term, words(text)) if MIN_TERM <= len(found) <= MAX_TERM]
