"""The consortium's size in a page's own words: `{{ members }}`, `{{ member_countries }}` and
`{{ members_number }}` in a partner's page (docs/<language>/partners.md) become "six partners",
"five countries" and "six", counted from data/partners.yml.

A hand-written count goes wrong the day a partner is added; a marker cannot. Only members are
counted: associated partners (`role: associated`) and their countries are not the consortium's.
Each language's phrase, with its plural forms and the number spelled out in the form the phrase
needs (Slovenian "iz petih držav", Greek "μία χώρα"), is in data/strings (`consortium.*`); a
number past the spelled-out list is written in figures.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass

from .consortium import Consortium

# Lower-case words between double braces; anything else a partner types there stays as typed.
MARKER = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")
MARKERS = ("members", "member_countries", "members_number")


@dataclass(frozen=True)
class Unknown:
    """A marker the site does not know, where it was written."""

    line: int  # within the text it was found in, from 1
    found: str

    def message(self) -> str:
        return (
            f"unknown marker {{{{ {self.found} }}}} (did you mean {{{{ {_near(self.found)} }}}}? expected one of: "
            + ", ".join(f"{{{{ {name} }}}}" for name in MARKERS)
            + "; the site writes the consortium's counts there)"
        )


def spelled(number: int, words: str, figures: Callable[[int], str]) -> str:
    """`number` from the comma-separated words for 1, 2, 3 … of the language, in figures past them."""
    listed = [word.strip() for word in words.split(",") if word.strip()]
    return listed[number - 1] if 1 <= number <= len(listed) else figures(number)


def counts(consortium: Consortium, text: Callable[..., str], figures: Callable[[int], str]) -> dict[str, str]:
    """What each marker says, in the language of `text` (a language's strings: key, values → text)."""
    members, countries = len(consortium.members), len(consortium.countries)
    member_word = spelled(members, text("consortium.member_words"), figures)
    country_word = spelled(countries, text("consortium.country_words"), figures)
    return {
        "members": text("consortium.members", count=members, words=member_word),
        "member_countries": text("consortium.member_countries", count=countries, words=country_word),
        "members_number": member_word,
    }


def _near(name: str) -> str | None:
    close = difflib.get_close_matches(name, MARKERS, n=1, cutoff=0.6)
    return close[0] if close else None


def fill(page_text: str, said: dict[str, str]) -> tuple[str, list[Unknown]]:
    """`page_text` with its markers replaced, and the misspelt ones (left as written). Braces around
    words that are no marker's near miss are the partner's own text, and stay as typed."""
    unknown = [
        Unknown(page_text.count("\n", 0, found.start()) + 1, found.group(1))
        for found in MARKER.finditer(page_text)
        if found.group(1) not in said and _near(found.group(1))
    ]
    return MARKER.sub(lambda found: said.get(found.group(1), found.group(0)), page_text), unknown
