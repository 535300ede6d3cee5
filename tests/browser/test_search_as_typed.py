"""Search as a visitor uses it, typed key by key in every language on the site with small search shards: a word whose first letters have no shard, a one-letter mistake, a synonym, two letters of a split key, 2,000 pasted characters, and a network that fails.

Every case ends in results, "nothing found", or a request for one more letter, with no
request for a file the index does not have and no console error. What to type is worked
out from the built index and data/, so new pages do not break these tests.
"""

from __future__ import annotations

import fnmatch
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from cisotra.search import QUERY_LIMITS, Terms, words
from cisotra.searchindex import key_file
from cisotra.synonyms import load_synonyms
from sitebuild import ROOT
from sitecheck import LANGUAGES, PREFIXES, search_pages

# Words a page of the site is unlikely to begin a word like, in each language; the first whose
# first two letters have no shard is typed.
NO_SHARD = {
    "en": ["xenophobia", "zygote", "quizzical"],
    "si": ["Ljubljana", "žgance", "ščegetati", "fižol"],
    "de": ["Zypern", "Xylophon", "Quark", "Ypsilon"],
    "it": ["zingari", "quercia", "xilofono"],
    "el": ["ψυχολογική", "ξυλόγλυπτο", "ζυγαριά"],
    "tr": ["zırh", "çığlık", "ışıltı", "öykü"],
}
# A language's own letters: the mistyped word has one, and a wrong letter is one of them.
OWN_LETTERS = {
    "en": "qxzjkv",
    "si": "žčš",
    "de": "äöüß",
    "it": "zqvàè",
    "el": "ψξωζθ",
    "tr": "şğıöüç",
}
PASTED = 2_000


def strings(code: str) -> dict[str, object]:
    return yaml.safe_load((ROOT / "data" / "strings" / f"{code}.yml").read_text(encoding="utf-8"))["search"]


def fill(text: str, **values: object) -> str:
    return text.format(**values)


class Index:
    """A language's built index as the tests read it: each word of its pages and where it is."""

    def __init__(self, site: Path, code: str) -> None:
        self.code, self.tag = code, LANGUAGES[code]
        self.terms = Terms(self.tag)
        self.folder = site / "search" / self.tag
        self.manifest = json.loads((self.folder / "index.json").read_text(encoding="utf-8"))
        self.words: dict[str, tuple[str, set[str]]] = {}  # form → (the word as written, paths of its pages)
        self.term_pages: dict[str, set[str]] = {}
        for path, entry in search_pages(site, self.tag).items():
            text = " ".join(
                [entry["title"], *(part for section in entry["sections"] for part in (section[0], section[2]))]
            )
            for term, _form in self.terms.pairs(text):
                self.term_pages.setdefault(term, set()).add(path)
            for word in words(text):
                if self.terms.of(word):
                    self.words.setdefault(self.terms.form(word), (word, set()))[1].add(path)

    def shards(self) -> set[str]:
        return {head + last for head, lasts in self.manifest["shards"].items() for last in lasts}

    def beginnings(self) -> set[str]:
        return {form[:size] for form in self.words for size in range(1, len(form) + 1)}


class SearchDialog:
    """The open search dialog of a page; each query is typed key by key into an empty field."""

    def __init__(self, visit, base: str, code: str) -> None:
        self.visit, self.page, self.base = visit, visit.page, base
        self.page.locator(".cisotra-search__open").click()
        self.field = self.page.locator("#cisotra-search-input")
        self.status = self.page.locator(".cisotra-search__status")

    def type(self, query: str, expected: str) -> list[str]:
        """Type `query`, wait until the status line reads `expected` (a regular expression); the
        requests the query made."""
        self.field.fill("")
        self.page.wait_for_function("() => document.querySelector('.cisotra-search__status').textContent === ''")
        before = len(self.visit.requests)
        self.field.press_sequentially(query, delay=15)
        return self._settle(query, expected, before)

    def paste(self, text: str, expected: str) -> list[str]:
        self.field.fill("")
        self.page.wait_for_function("() => document.querySelector('.cisotra-search__status').textContent === ''")
        before = len(self.visit.requests)
        self.field.focus()
        self.page.keyboard.insert_text(text)  # one input event, as a paste makes
        return self._settle(text, expected, before)

    def _settle(self, query: str, expected: str, before: int) -> list[str]:
        self.page.wait_for_function(
            "([query, expected]) => document.querySelector('.cisotra-search__input').value === query &&"
            " new RegExp(expected).test(document.querySelector('.cisotra-search__status').textContent)",
            arg=[query, expected],
            timeout=10_000,
        )
        self.page.wait_for_timeout(300)  # anything still arriving would show now
        return self.visit.requests[before:]

    def results(self) -> list[str]:
        hrefs = self.page.locator(".cisotra-search__result > a").evaluate_all("links => links.map(a => a.href)")
        return [href.removeprefix(self.base).split("#")[0] for href in hrefs]


def regex(text: str) -> str:
    return "^" + re.escape(text) + "$"


def counted(code: str) -> str:
    """A regular expression for the results' count sentence in language `code`."""
    forms = strings(code)["results"]
    return "^(" + "|".join(re.escape(form).replace(re.escape("{count}"), r"[\d.,\s]+") for form in forms.values()) + ")"


def no_shard_word(index: Index) -> str:
    shards = index.shards()
    for word in NO_SHARD[index.code]:
        if index.terms.form(word)[:2] not in shards:
            return word
    raise AssertionError(f"{index.code}: every word of NO_SHARD has a shard now; add one that does not")


def mistyped(index: Index) -> tuple[str, str, set[str]]:
    """(a word of the site, the word with its second letter wrong, its pages): a word of few
    pages with one of the language's own letters, the wrong letter one of them too, so that
    no word of the site begins as the mistyped one does (it finds nothing exactly)."""
    beginnings = index.beginnings()
    own = OWN_LETTERS[index.code]
    for form, (word, paths) in sorted(index.words.items(), key=lambda item: (len(item[1][1]), item[0])):
        if len(form) < 8 or len(paths) > 3 or not word.isalpha():
            continue
        if index.code != "en" and not any(letter in word.lower() for letter in own):
            continue
        for letter in own:
            typed = word[0] + letter + word[2:]
            if index.terms.form(typed)[:3] not in beginnings and index.terms.term(typed)[:3] not in beginnings:
                return word, typed, paths
    raise AssertionError(f"{index.code}: no word to mistype")


def split_prefix(index: Index) -> tuple[str, str]:
    """(two letters of a split key, a third letter that continues a word of the site)."""
    for key in sorted(index.manifest["split"], key=lambda key: -sum(form.startswith(key) for form in index.words)):
        if len(key) == 2 and key.isalpha():
            following = sorted(form[2] for form in index.words if form.startswith(key) and form[2:3].isalpha())
            return key, following[0]
    raise AssertionError(f"{index.code}: no key of two letters is split")


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_search_answers_every_query_typed_key_by_key(served_small_shards, visit, code):
    base, site = served_small_shards
    index = Index(site, code)
    said = strings(code)
    count = counted(code)
    page = visit(base + PREFIXES[code])
    dialog = SearchDialog(page, base, code)

    # A word of the site, then a word whose first letters have no shard: nothing found, the
    # first word's results gone, and no request for the missing shard.
    word, typed, paths = mistyped(index)
    dialog.type(word, count)
    assert dialog.results()
    missing = no_shard_word(index)
    made = dialog.type(missing, regex(fill(said["none"], query=missing)))
    assert dialog.results() == []
    assert not [url for url in made if f"/terms/{key_file(index.terms.form(missing)[:2])}" in url]

    # One letter wrong: the word's pages, below what an exact word would find.
    dialog.type(typed, count)
    assert paths <= set(dialog.results()), (word, typed, dialog.results())

    # Two letters of a split key: one more letter is asked for; the third finds pages.
    key, third = split_prefix(index)
    dialog.type(key, regex(fill(said["more"], prefix=key)) + "|" + count)
    assert fill(said["more"], prefix=key) in dialog.status.inner_text()
    dialog.type(key + third, count)
    assert dialog.results()

    # 2,000 characters pasted: the beginning is searched, the visitor is told, and the status
    # line (read aloud) stays a short sentence; the query makes at most its stated requests.
    text = " ".join(form for form in sorted(index.words))
    text = (text + " ") * (PASTED // len(text) + 1)
    text = text[:PASTED].strip()
    shortened = fill(said["shortened"], words=QUERY_LIMITS["words"], characters=QUERY_LIMITS["characters"])
    made = dialog.paste(text, ".*" + regex(shortened)[1:])
    status = dialog.status.inner_text()
    assert len(status) < 250 and text[:60] not in status
    assert len(made) <= QUERY_LIMITS["requests"], made

    own = urlsplit(base).netloc
    assert all(urlsplit(url).netloc == own for url in page.requests)
    assert page.failed == [] and page.errors == []


# What fails, in which language: the index's files, the search module, the language's stemmer,
# the typo module (loaded only for a word that finds nothing).
FAILURES = [
    ("el", "**/search/**"),
    ("tr", "**/javascripts/cisotra-search-index.js"),
    ("de", "**/javascripts/snowball/*.js"),
    ("si", "**/javascripts/cisotra-search-typos.js"),
]


@pytest.mark.parametrize(
    ("code", "failing"), FAILURES, ids=[f"{code}-{pattern.rsplit('/', 1)[-1]}" for code, pattern in FAILURES]
)
def test_a_network_failure_is_said_and_the_next_keystroke_tries_again(served_small_shards, visit, code, failing):
    base, site = served_small_shards
    index = Index(site, code)
    said = strings(code)
    page = visit(base + PREFIXES[code])
    aborted: list[str] = []

    def fail(route):
        aborted.append(route.request.url)
        route.abort()

    # The file fails whatever its query: after a failure the engine asks again at ?attempt=…
    # (a module that failed stays failed at its own address in Chromium).
    def matches(url: str) -> bool:
        return fnmatch.fnmatch(urlsplit(url).path, failing.replace("**/", "*/"))

    page.page.route(matches, fail)
    dialog = SearchDialog(page, base, code)
    if "typos" in failing:
        word, typed, paths = mistyped(index)  # a word that finds nothing needs the typo module
    else:
        typed, paths = min((word, paths) for word, paths in index.words.values() if len(word) > 5 and len(paths) <= 3)
    dialog.field.press_sequentially(typed[:-1], delay=15)
    dialog._settle(typed[:-1], regex(said["failed"]), 0)
    assert dialog.results() == [] and aborted
    page.page.unroute(matches)
    dialog.field.press_sequentially(typed[-1])
    dialog._settle(typed, counted(code), 0)
    assert paths <= set(dialog.results())
    # The browser reports each aborted request in the console; nothing else went wrong.
    assert all("ERR_FAILED" in error for error in page.errors), page.errors


def synonym_pair(index: Index, code: str) -> tuple[str, str, set[str]] | None:
    """A word of a synonym group, another word of its group, and the pages that have the first but not the other."""
    for group in load_synonyms(ROOT / "data" / "synonyms.yml", tuple(LANGUAGES), ROOT)[code]:
        for first in group.words:
            for other in group.words:
                if first == other or index.terms.term(first) not in index.term_pages:
                    continue
                only_first = index.term_pages[index.terms.term(first)] - {
                    path
                    for form, (_w, found) in index.words.items()
                    if form.startswith(index.terms.form(other))
                    for path in found
                }
                if only_first:
                    return first, other, only_first
    return None


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_a_synonym_finds_the_pages_that_have_only_the_other_word(served_small_shards, visit, code):
    base, site = served_small_shards
    index = Index(site, code)
    pair = synonym_pair(index, code)
    if pair is None:
        pytest.skip(f"{code}: every page with one word of a synonym group has the others: no page shows what it adds")
    first, other, only_first = pair
    page = visit(base + PREFIXES[code])
    dialog = SearchDialog(page, base, code)
    count = counted(code)
    # A synonym: the pages of the group's other word that lack the typed one are found too.
    dialog.type(other, count)
    shown = int("".join(char for char in dialog.status.inner_text() if char.isdigit()))
    assert shown >= len(
        index.term_pages.get(index.terms.term(other), set()) | index.term_pages[index.terms.term(first)]
    )
    found = page.page.evaluate(
        """async (query) => {
          const dialog = document.getElementById("cisotra-search");
          const engine = await import(new URL(dialog.dataset.engine, document.baseURI).href);
          const index = await engine.open(new URL(dialog.dataset.index, document.baseURI),
            document.documentElement.lang, JSON.parse(dialog.dataset.rules), new URL(dialog.dataset.stemmers, document.baseURI));
          const found = await index.search(query);
          return Promise.all(found.results.map(async (number) => (await index.page(number)).path));
        }""",
        other,
    )
    assert only_first <= set(found), (other, first)
    assert page.page.locator(".cisotra-search__excerpt mark").count() > 0
