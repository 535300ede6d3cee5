"""Alphabetical order as each language has it: CLDR collation through ICU.

Code-point order puts Turkish "İtalya" after "Yunanistan" and Slovenian "Čile" after
"Zambija"; ICU's collator for the language's tag sorts them where readers look for them
(Almanya, İtalya, Slovenya, Türkiye, Yunanistan; Cezar, Čile, Dan).
"""

from __future__ import annotations

import functools

import icu


@functools.lru_cache(maxsize=32)
def _collator(tag: str) -> icu.Collator:
    return icu.Collator.createInstance(icu.Locale.forLanguageTag(tag))


def sort_key(text: str, tag: str) -> bytes:
    """A key that sorts `text` in the alphabetical order of the language `tag`."""
    return _collator(tag).getSortKey(text)


def sorted_names(names, tag: str) -> list[str]:
    return sorted(names, key=lambda name: sort_key(name, tag))
