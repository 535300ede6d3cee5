"""Synthetic content for the benchmarks: real diacritics and Greek script, sizes on demand."""

from __future__ import annotations

import random

CODES = ("en", "si", "de", "it", "el", "tr")
TYPES = ("meeting", "seminar", "training", "course", "workshop_minors", "workshop_young_adults", "model", "conference")
COUNTRIES = ("SI", "DE", "GR", "IT", "TR")
WORDS = {
    "en": "unaccompanied minors transition adulthood training workshop seminar partners inclusion".split(),
    "si": "mladoletniki brez spremstva prehod odraslost usposabljanje delavnica srečanje vključenost".split(),
    "de": "unbegleitete Minderjährige Übergang Erwachsenenalter Fortbildung Workshop Seminar Inklusion".split(),
    "it": "minori stranieri non accompagnati transizione età adulta formazione laboratorio inclusione".split(),
    "el": "ασυνόδευτοι ανήλικοι μετάβαση ενηλικίωση κατάρτιση εργαστήριο σεμινάριο ένταξη".split(),
    "tr": "refakatsiz çocuklar yetişkinliğe geçiş eğitim atölye seminer içerme İstanbul".split(),
}


# Syllables with each language's own letters, for a larger vocabulary of made-up words: real
# text repeats a few words often and many words rarely, and a search index is sized by that.
SYLLABLES = {
    "en": "ba ce di fo gu ha ke li mo nu pa re si to vu wa ye".split(),
    "si": "ča še ži ba de ki lo mu ne po ra sl tr va za".split(),
    "de": "ä ö ü ß ba de ge ha ke la me ne pe re se te".split(),
    "it": "ca ce ci co gli gno la le lo ma me ni pa re to".split(),
    "el": "κα λη μο νε πα ρι στ τα φο χω ψυ ωρ ευ θε".split(),
    "tr": "ça şe ği ıl öz ün ka le mi na pa ra sa ta ya".split(),
}
VOCABULARY = 3000


def _vocabulary(code: str) -> list[str]:
    rng = random.Random(f"vocabulary-{code}")
    return ["".join(rng.choice(SYLLABLES[code]) for _ in range(rng.randint(2, 4))) for _ in range(VOCABULARY)]


_WORDS_OF = {code: _vocabulary(code) for code in SYLLABLES}


def word(code: str, rng: random.Random) -> str:
    """Three words in ten from the project's vocabulary; the rest made-up, a few often, most rarely."""
    if rng.random() < 0.3:
        return rng.choice(WORDS[code])
    return _WORDS_OF[code][int(rng.random() ** 3 * VOCABULARY)]


def sentence(code: str, rng: random.Random, words: int = 12) -> str:
    return " ".join(word(code, rng) for _ in range(words)).capitalize() + "."


def activities_yaml(count: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    items = []
    for index in range(count):
        # 2018 to 2029: with the benchmarks' build date in November 2026, about a quarter are upcoming.
        year = 2018 + index % 12
        month = 1 + index % 12
        day = 1 + index % 27
        titles = "\n".join(f'    {code}: "{sentence(code, rng, 5)}"' for code in CODES)
        items.append(
            f"- id: activity-{index}\n  type: {TYPES[index % len(TYPES)]}\n  work_package: {1 + index % 10}\n"
            f"  start: {year}-{month:02d}-{day:02d}\n  end: {year}-{month:02d}-{day + 1:02d}\n"
            f"  place: {{country: {COUNTRIES[index % 5]}}}\n  participants: {10 + index % 40}\n  title:\n{titles}\n"
        )
    return "\n".join(items)


def post(code: str, index: int, rng: random.Random) -> str:
    year = 2018 + index % 8
    body = "\n\n".join(sentence(code, rng, 40) for _ in range(4))
    return (
        f'---\ntitle: "{sentence(code, rng, 6)[:-1]}"\ndate: {year}-{1 + index % 12:02d}-{1 + index % 28:02d}\n'
        f'summary: "{sentence(code, rng, 18)}"\ntags: [{("meeting", "seminar", "training", "workshop")[index % 4]}]\n---\n\n'
        f"# Post {index}\n\n{body}\n"
    )
