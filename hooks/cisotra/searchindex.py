"""The search index of one language: its pages' text read from their HTML, written as files a browser fetches as a query needs them.

What a visitor downloads before the first results must stay small however big the site
grows (BENCHMARKS.md), so nothing is fetched whole. <key> below is the hex of a key's UTF-8:

  search/<tag>/index.json           read first: how many pages, and which of the files below
                                    exist, so the browser never asks for one that does not
  search/<tag>/terms/<key>.json     the entries of the terms that begin with <key>
  search/<tag>/prefixes/<key>.json  every page with a word that begins with <key>, for a key
                                    whose terms were split into longer keys
  search/<tag>/near/<key>.json      the words a mistyped word is compared with (see below)
  search/<tag>/pages/<n>.json       page n's address, title and text by section, for the
                                    results and their excerpts (only the results' pages)

**Terms and shards.** A word becomes a term as cisotra.search says. Terms are sharded by
their first two letters; a shard bigger than `shard_bytes` is split by the next letter,
again and again (one entry alone is never split), so a query fetches one shard of bounded
size per word. An entry is

    "term": [gap to the page number, score, …, "form", …, "=synonym", …]

A page's score is BM25 over its title (counted TITLE_WEIGHT times), headings
(HEADING_WEIGHT times) and text, worked out here so the browser only adds numbers up.

**Forms: prefixes at every depth.** The browser finds words still being typed by the terms
that begin with what was typed. That fails where the stem is shorter than the word and
the typed letters run past it ("Fortbildun" has passed the term "fortbild", "organisati"
the term "organis"), and where a stemmer changes letters ("happy" → "happi"). So an entry
keeps its forms: the words lower-cased and folded but not stemmed ("fortbildungen"), only
those no other form or the term begins (the longest), written after the scores as the
letters that follow the term (a form that leaves the term's last letters starts with a
"<" for each letter left). A shard holds every entry with a term or form that begins
with its key: when a key is split, an entry is in each longer key its forms reach.

**Prefix files.** When a key is split, the words that begin with it are in several shards.
A prefix of 3 letters or more that ends at a split key ("sem", split into "sema", "semi",
…) is answered by the key's prefix file: its best PREFIX_TOP pages with their scores and
every other page that has such a word, numbers only. Two letters find only that word, and
the browser asks for a third (the words they begin are on most pages), so a 2-letter split
key has no prefix file.

**Typos: the near files.** A word with one letter wrong, missing, extra, or two letters
swapped differs from its term within its first letters or after them. After them, the
word's own shard holds it; within them, it is in another shard, and which one cannot be
guessed from the typed word. So each term and each of its forms is listed, without its
pages, in three near files: under its first two letters ("seminar": "se"), its second and
third ("em"), and its first and third ("sm"). Whatever one edit did to the first letters,
the mistyped word's own three keys meet one of these ("semniar": se, em, sn; "eminar": em,
mi, ei; "zeminar": ze, em, zm): the browser fetches at most three near files, compares the
word with the whole words listed there (one edit, Damerau-Levenshtein) and fetches the best
match's shard, and a second only when the first does not fill the results
(assets/javascripts/cisotra-search-typos.js, loaded only then). A near file is a short word
list (0.3-1.1 KB compressed at 10x the content), fetched only for a word that finds nothing,
and the matches rank below exact ones. A deletion neighbourhood of every term (SymSpell) would find the same words without
the second fetch, but makes the index several times bigger and every shard with it.

**Synonyms** (data/synonyms.yml, cisotra.synonyms) are joined here: each word of a group
gets the pages of the others, at SYNONYM_SHARE of their score, so a query needs nothing
more; the entry names the synonyms' terms so the excerpt marks them. A word of a group that
no page has is reported back (the build says so) and still finds the group's pages.
"""

from __future__ import annotations

import hashlib
import html
import json
import math
import re
import shutil
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from cisotra.errors import Problem
from cisotra.search import MAX_TERM, MIN_TERM, TYPO_MIN, Terms
from cisotra.synonyms import SynonymGroup

# A shard's JSON as written (2.1-6 KB compressed at 1x-10x the content; an entry alone may be bigger).
SHARD_BYTES = 25_000
PREFIX_MIN = MIN_TERM + 1  # a split key at least this long has a prefix file
PREFIX_TOP = 32  # pages of a prefix file listed with their scores, the best
TEXT_CHARS = 6_000  # of a page's text kept for excerpts; the whole text is indexed
TITLE_WEIGHT = 6
HEADING_WEIGHT = 2
K1, B = 1.2, 0.75  # BM25's usual constants
SYNONYM_SHARE = 0.8  # a page found through a synonym ranks below one with the word itself

# Lists that repeat other pages (news lists, the timeline) are wrapped in these by the build.
SKIP_START, SKIP_END = "<!--search-skip-->", "<!--/search-skip-->"
_SKIPPED = re.compile(re.escape(SKIP_START) + ".*?" + re.escape(SKIP_END), re.S)
_UNREAD = re.compile(r"<(script|style|template)\b.*?</\1>|<a class=\"headerlink\".*?</a>", re.S | re.I)
_HEADING = re.compile(r"<h([1-6])\b([^>]*)>(.*?)</h\1>", re.S | re.I)
_ID = re.compile(r"\bid=\"([^\"]*)\"")
_TAG = re.compile(r"<[^>]+>")
_TERM_END = re.compile(r"\s*</dt>", re.I)
_SPACE = re.compile(r"\s+")


@dataclass
class Section:
    heading: str  # "" for the text before the first heading below the title
    anchor: str
    text: str


@dataclass
class Document:
    path: str  # from the site's root, as in the site's links: "el/news/…/"
    title: str
    sections: list[Section]


@dataclass
class Entry:
    """A term as the index holds it."""

    term: str
    pages: dict[int, int]  # page number → score
    forms: tuple[str, ...] = ()  # the longest forms other than the term (see the module's docstring)
    synonyms: tuple[str, ...] = ()  # terms whose pages this one's include
    every_form: tuple[str, ...] = ()  # all its forms, for the near files

    def strings(self) -> tuple[str, ...]:
        return (self.term, *self.forms)

    def encoded(self) -> list:
        tails = [tail(self.term, form) for form in self.forms]
        return _gaps(sorted(self.pages.items())) + tails + ["=" + other for other in self.synonyms]


def text_of(fragment: str) -> str:
    # A term and its description (an activity's facts) read "Place: Athens" in an excerpt.
    fragment = _TERM_END.sub(":", fragment)
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", fragment))).strip()


def document(path: str, title: str, content: str) -> Document:
    """A page's searchable text, by section, from its rendered content (skipped lists left out)."""
    content = _UNREAD.sub(" ", _SKIPPED.sub(" ", content))
    sections: list[Section] = []
    heading, anchor, start, texts = "", "", 0, []
    for match in _HEADING.finditer(content):
        texts.append(text_of(content[start : match.start()]))
        start = match.end()
        found = text_of(match.group(3))
        if match.group(1) == "1" or found == title:
            continue  # the page's title: its section goes on
        sections.append(Section(heading, anchor, " ".join(filter(None, texts))))
        named = _ID.search(match.group(2))
        heading, anchor, texts = found, named.group(1) if named else "", []
    texts.append(text_of(content[start:]))
    sections.append(Section(heading, anchor, " ".join(filter(None, texts))))
    return Document(path, title, [section for section in sections if section.text or section.heading])


def tail(term: str, form: str) -> str:
    """How an entry writes a form: the letters after the term, after a "<" for each of the
    term's last letters the form does not share ("happi", "happy" → "<y")."""
    shared = 0
    for ours, theirs in zip(term, form, strict=False):
        if ours != theirs:
            break
        shared += 1
    return "<" * (len(term) - shared) + form[shared:]


def longest(term: str, forms: Iterable[str]) -> tuple[str, ...]:
    """The forms that neither the term nor another form begins with: a prefix of one of them is
    a prefix of every form it stands for. The term itself is always in the entry."""
    strings = sorted({term, *forms})
    kept = [
        string
        for position, string in enumerate(strings)
        if string != term and not (position + 1 < len(strings) and strings[position + 1].startswith(string))
    ]
    return tuple(kept)


def _entries(documents: list[Document], terms: Terms) -> dict[str, Entry]:
    """term → its entry: the pages that have it, scored (BM25), and its forms."""
    counts: list[Counter] = []
    lengths: list[int] = []
    forms: dict[str, set[str]] = defaultdict(set)
    for doc in documents:
        counted = Counter()
        for term, form in terms.pairs(doc.title):
            counted[term] += TITLE_WEIGHT
            forms[term].add(form)
        length = 0
        for section in doc.sections:
            for term, form in terms.pairs(section.heading):
                counted[term] += HEADING_WEIGHT
                forms[term].add(form)
            found = terms.pairs(section.text)
            for term, form in found:
                counted[term] += 1
                forms[term].add(form)
            length += len(found)
        counts.append(counted)
        lengths.append(length)
    average = (sum(lengths) / len(lengths)) if lengths else 1.0
    frequency = Counter(term for counted in counts for term in counted)
    total = len(documents)
    pages: dict[str, dict[int, int]] = defaultdict(dict)
    for number, counted in enumerate(counts):
        norm = K1 * (1 - B + B * lengths[number] / (average or 1.0))
        for term, count in counted.items():
            idf = math.log(1 + (total - frequency[term] + 0.5) / (frequency[term] + 0.5))
            pages[term][number] = max(1, round(10 * idf * count * (K1 + 1) / (count + norm)))
    entries = {}
    for term, scored in pages.items():
        kept = sorted(form for form in forms[term] if MIN_TERM <= len(form) <= MAX_TERM and form != term)
        entries[term] = Entry(term, scored, longest(term, kept), every_form=tuple(kept))
    return entries


def join_synonyms(entries: dict[str, Entry], groups: Sequence[SynonymGroup], terms: Terms) -> list[Problem]:
    """Give each word of a group the pages of the others; what to tell the editor about words no page has."""
    notes: list[Problem] = []
    own = {term: dict(entry.pages) for term, entry in entries.items()}  # before any group adds pages
    for group in groups:
        group_terms = list(dict.fromkeys(terms.term(word) for word in group.words))
        for word in group.words:
            if not own.get(terms.term(word)):
                others = ", ".join(other for other in group.words if other != word)
                notes.append(
                    Problem(
                        group.file,
                        group.line,
                        group.field,
                        f"no page in this language has the word {word!r}; a visitor who types it finds the pages "
                        f"of {others}. Check its spelling, or keep it if visitors use this word",
                    )
                )
        for term in group_terms:
            others = [other for other in group_terms if other != term and own.get(other)]
            if not others:
                continue
            pages = dict(own.get(term, {}))
            for other in others:
                for number, score in own[other].items():
                    shared = max(1, round(score * SYNONYM_SHARE))
                    if pages.get(number, 0) < shared:
                        pages[number] = shared
            before = entries.get(term)
            synonyms = tuple(sorted({*(before.synonyms if before else ()), *others}))
            entries[term] = Entry(
                term, pages, before.forms if before else (), synonyms, before.every_form if before else ()
            )
    return notes


def _gaps(pages: list[tuple[int, int]]) -> list[int]:
    """[gap to the page number, score, …]: small numbers, which compress well."""
    flat, previous = [], 0
    for number, score in pages:
        flat += [number - previous, score]
        previous = number
    return flat


@dataclass
class Layout:
    shards: dict[str, list[Entry]] = field(default_factory=dict)
    split: list[str] = field(default_factory=list)
    prefixes: dict[str, dict[int, int]] = field(default_factory=dict)  # split key → page → best score
    prefix_synonyms: dict[str, set[str]] = field(default_factory=dict)  # split key → its entries' synonyms


def layout(entries: Iterable[Entry], shard_bytes: int = SHARD_BYTES) -> Layout:
    """Which entries go in which shard, which keys are split, and the prefix files' pages."""
    entries = list(entries)
    sizes = {entry.term: len(entry.term) + len(_json(entry.encoded())) + 4 for entry in entries}
    found = Layout()
    waiting: list[tuple[str, list[Entry]]] = [("", entries)]
    while waiting:
        parent, group = waiting.pop()
        depth = max(MIN_TERM, len(parent) + 1)
        by_key: dict[str, dict[str, Entry]] = defaultdict(dict)
        for entry in group:
            for string in entry.strings():
                if len(string) >= depth and string.startswith(parent):
                    by_key[string[:depth]][entry.term] = entry
        for key, members in by_key.items():
            longer = [
                entry
                for entry in members.values()
                if any(len(string) > depth and string.startswith(key) for string in entry.strings())
            ]
            # One entry alone is never split: its copies would only repeat it.
            if len(members) > 1 and longer and sum(sizes[term] for term in members) > shard_bytes:
                found.split.append(key)
                waiting.append((key, longer))
                if depth >= PREFIX_MIN:
                    best: dict[int, int] = {}
                    for entry in members.values():
                        for number, score in entry.pages.items():
                            if best.get(number, 0) < score:
                                best[number] = score
                    found.prefixes[key] = best
                    found.prefix_synonyms[key] = {other for entry in members.values() for other in entry.synonyms}
                members = {term: entry for term, entry in members.items() if term == key}
            if members:
                found.shards[key] = [members[term] for term in sorted(members)]
    found.split.sort()
    return found


def near(entries: Iterable[Entry]) -> dict[str, dict[str, list]]:
    """key → {term: [number of pages, form, …]}: each term and each of its forms of TYPO_MIN
    letters or more under its first two letters, its second and third, and its first and third
    (a term's forms under the keys they are listed for; the term is always compared)."""
    files: dict[str, dict[str, list]] = defaultdict(dict)
    for entry in entries:
        by_key: dict[str, list[str]] = defaultdict(list)
        for string in (entry.term, *entry.every_form):
            if len(string) >= TYPO_MIN:
                for key in {string[:2], string[1:3], string[0] + string[2]}:
                    by_key[key].append(string)
        for key, strings in by_key.items():
            files[key][entry.term] = [len(entry.pages), *(tail(entry.term, s) for s in strings if s != entry.term)]
    return files


def prefix_file(pages: dict[int, int], synonyms: Iterable[str] = ()) -> dict[str, list]:
    """{"top": [gap, score, …] of the best PREFIX_TOP pages, "more": [gap, …] of the others,
    "synonyms": the terms whose pages its entries include, for the excerpts to mark}."""
    ranked = sorted(pages.items(), key=lambda item: (-item[1], item[0]))
    top = sorted(ranked[:PREFIX_TOP])
    rest = sorted(number for number, _ in ranked[PREFIX_TOP:])
    written: dict[str, list] = {
        "top": _gaps(top),
        "more": [number - previous for previous, number in zip([0, *rest], rest, strict=False)],
    }
    if synonyms:
        written["synonyms"] = sorted(synonyms)
    return written


def key_set(keys: Iterable[str]) -> dict[str, str]:
    """A set of keys as the manifest writes it: all but the last letter → the last letters."""
    grouped: dict[str, list[str]] = defaultdict(list)
    for key in sorted(set(keys)):
        grouped[key[:-1]].append(key[-1])
    return {head: "".join(lasts) for head, lasts in sorted(grouped.items())}


def key_file(key: str) -> str:
    return key.encode("utf-8").hex() + ".json"


shard_file = key_file  # the name the tests know shards by


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def write(
    documents: list[Document],
    terms: Terms,
    folder: Path,
    synonyms: Sequence[SynonymGroup] = (),
    shard_bytes: int = SHARD_BYTES,
) -> list[Problem]:
    """Write the language's index into `folder` (emptied first); notes for the editor (synonyms no page has)."""
    if folder.exists():
        shutil.rmtree(folder)
    for part in ("terms", "prefixes", "near", "pages"):
        (folder / part).mkdir(parents=True)
    documents = sorted(documents, key=lambda doc: doc.path)
    entries = _entries(documents, terms)
    notes = join_synonyms(entries, synonyms, terms)
    placed = layout(entries.values(), shard_bytes)
    nearby = near(entries.values())
    digest = hashlib.sha256()

    def save(part: str, name: str, value) -> None:
        text = _json(value)
        digest.update(f"{part}/{name}\n{text}\n".encode())
        (folder / part / name).write_text(text, encoding="utf-8")

    for key in sorted(placed.shards):
        save("terms", key_file(key), {entry.term: entry.encoded() for entry in placed.shards[key]})
    for key in sorted(placed.prefixes):
        save("prefixes", key_file(key), prefix_file(placed.prefixes[key], placed.prefix_synonyms[key]))
    for key in sorted(nearby):
        save("near", key_file(key), nearby[key])
    for number, doc in enumerate(documents):
        kept, sections = TEXT_CHARS, []
        for section in doc.sections:
            sections.append([section.heading, section.anchor, section.text[: max(kept, 0)]])
            kept -= len(section.text)
        save("pages", f"{number}.json", {"path": doc.path, "title": doc.title, "sections": sections})
    manifest = {
        "pages": len(documents),
        "shards": key_set(placed.shards),
        "split": placed.split,
        "near": key_set(nearby),
        "version": digest.hexdigest()[:12],
    }
    (folder / "index.json").write_text(_json(manifest), encoding="utf-8")
    return notes
