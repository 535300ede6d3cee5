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
makes the same terms of the site's own words as this module, and tests/js runs the
browser's query engine on an index this module's terms made (tests/searchfixture.py).

A word also has a *form*: lower-cased and folded but not stemmed ("atolyeler" for
"Atölyeler"). The index keeps the forms a term's prefixes need (a visitor still typing
"Fortbildun" has passed the term "fortbild") and the browser compares a mistyped word with
them (searchindex.py).

What a visitor may ask is bounded (QUERY_LIMITS, handed to the browser with the stemming
rules): longer queries are cut and the visitor is told, so a pasted page of text costs a
bounded number of requests.
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

# Letters and digits (Unicode's L and N categories), as the browser's /[\p{L}\p{N}]+/gu reads
# them; both read the text in NFC first, so a letter and its accent are one character.
WORD = re.compile(r"[^\W_]+")
MIN_TERM = 2  # one letter finds everything
MAX_TERM = 40  # longer "words" are addresses and codes
TYPO_MIN = 4  # a shorter word with one letter changed is too often another word

# The most a query may ask, in one place: the browser searches the first WORDS words of the
# first CHARACTERS characters and tells the visitor when it left the rest out. With the
# index's layout (searchindex.py) a word costs at most 2 requests, or 5 more when it is
# looked for with a typo, for at most TYPO_WORDS words of a query; then the first SHOWN
# results' pages. So a query makes at most 6 x 2 + 2 x 5 + 8 = 30 requests (REQUESTS, which
# the browser also enforces), and usually 1 to 3 and the pages (BENCHMARKS.md).
QUERY_LIMITS = {"words": 6, "characters": 100, "typo_words": 2, "typo_shards": 2, "shown": 8, "requests": 30}


def slovenian_stem(word: str) -> str:
    """The stem of a Slovenian word: lower case, its inflectional ending removed if a stem of
    at least SLOVENIAN_MIN_STEM letters remains."""
    word = word.lower()
    for suffix in SLOVENIAN_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= SLOVENIAN_MIN_STEM:
            return word[: -len(suffix)]
    return word


def stemming_note(tag: str, name: str, javascript: set[str]) -> str | None:
    """What a maintainer should know of search in a language: None when its words are stemmed in
    the build and in the browser alike. `javascript` holds the Snowball modules the site has for
    the browser ('greek' for snowball/greek-stemmer.js)."""
    if tag == "sl":
        return None
    algorithm = SNOWBALL.get(tag)
    if algorithm is None:
        offered = Stemmer.algorithms()
        return (
            f"search in {name} ({tag}) finds whole words and their beginnings only, not their other forms: "
            "Snowball "
            + ("has a stemmer for it" if _snowball_name(tag) in offered else "may have a stemmer for it")
            + "; add it to SNOWBALL in hooks/cisotra/search.py and its JavaScript to docs/assets/javascripts/snowball/"
        )
    if algorithm not in javascript:
        return (
            f"search in {name} ({tag}) stems words with Snowball's {algorithm} stemmer, but the browser has no "
            f"docs/assets/javascripts/snowball/{algorithm}-stemmer.js: generate it from the Snowball release of PyStemmer"
        )
    return None


def _snowball_name(tag: str) -> str:
    from babel import Locale

    try:
        return Locale.parse(tag, sep="-").english_name.split(" (")[0].lower()
    except (ValueError, TypeError):
        return tag


def client_rules(tag: str) -> dict:
    """How the browser reads a query in language `tag`: a Snowball module's name or Slovenian's
    endings, and the limits of a query."""
    rules: dict = {"limits": QUERY_LIMITS, "typo_min": TYPO_MIN}
    if tag in SNOWBALL:
        rules["snowball"] = SNOWBALL[tag]
    elif tag == "sl":
        rules.update(suffixes=list(SLOVENIAN_SUFFIXES), min=SLOVENIAN_MIN_STEM)
    return rules


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
        self.pair = functools.lru_cache(maxsize=None)(self._pair)

    def _term(self, word: str) -> str:
        return fold(self._stem(lower(word, self.tag)))

    def _pair(self, word: str) -> tuple[str, str]:
        lowered = lower(word, self.tag)
        return fold(self._stem(lowered)), fold(lowered)

    def form(self, word: str) -> str:
        """The word lower-cased and folded, not stemmed."""
        return fold(lower(word, self.tag))

    def of(self, text: str) -> list[str]:
        """The index terms of `text`, in order, too short and too long ones left out."""
        term = self.term
        return [found for found in map(term, words(text)) if MIN_TERM <= len(found) <= MAX_TERM]

    def pairs(self, text: str) -> list[tuple[str, str]]:
        """(term, form) of each word of `text` that has a term (see `of`)."""
        pair = self.pair
        return [found for found in map(pair, words(text)) if MIN_TERM <= len(found[0]) <= MAX_TERM]
