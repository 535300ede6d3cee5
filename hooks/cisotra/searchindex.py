"""The search index of one language: its pages' text read from their HTML, written as files a browser fetches as a query needs them.

What a visitor downloads before the first results must stay small however big the site
grows (BENCHMARKS.md), so nothing is fetched whole:

  search/<tag>/index.json        how the terms are sharded, and how many pages there are
  search/<tag>/terms/<key>.json  the terms that begin with <key> (hex of its UTF-8), each
                                 with the pages that have it and a score for each page
  search/<tag>/pages/<n>.json    page n's address, title and text by section, for the
                                 results and their excerpts (only the results' pages)

Terms are sharded by their first two letters; a shard that would be bigger than
SHARD_BYTES is split by the next letter, again and again, and index.json lists the keys
that were split, so the browser knows which shard a term is in without fetching others.
A page's score for a term is BM25 over its title (counted TITLE_WEIGHT times), headings
(HEADING_WEIGHT times) and text, worked out here so the browser only adds numbers up.
"""

from __future__ import annotations

import hashlib
import html
import json
import math
import re
import shutil
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from cisotra.search import MIN_TERM, Terms

SHARD_BYTES = 40_000  # raw JSON; about a quarter of that sent compressed
TEXT_CHARS = 6_000  # of a page's text kept for excerpts; the whole text is indexed
TITLE_WEIGHT = 6
HEADING_WEIGHT = 2
K1, B = 1.2, 0.75  # BM25's usual constants

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


def _scores(documents: list[Document], terms: Terms) -> dict[str, list[tuple[int, int]]]:
    """term → [(page number, score)], pages in order."""
    counts: list[Counter] = []
    lengths: list[int] = []
    for doc in documents:
        counted = Counter()
        for term in terms.of(doc.title):
            counted[term] += TITLE_WEIGHT
        length = 0
        for section in doc.sections:
            for term in terms.of(section.heading):
                counted[term] += HEADING_WEIGHT
            found = terms.of(section.text)
            counted.update(found)
            length += len(found)
        counts.append(counted)
        lengths.append(length)
    average = (sum(lengths) / len(lengths)) if lengths else 1.0
    frequency = Counter(term for counted in counts for term in counted)
    total = len(documents)
    postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for number, counted in enumerate(counts):
        norm = K1 * (1 - B + B * lengths[number] / (average or 1.0))
        for term, count in counted.items():
            idf = math.log(1 + (total - frequency[term] + 0.5) / (frequency[term] + 0.5))
            postings[term].append((number, max(1, round(10 * idf * count * (K1 + 1) / (count + norm)))))
    return postings


def _encoded(postings: list[tuple[int, int]]) -> list[int]:
    """[gap to the page number, score, …]: small numbers, which compress well."""
    flat, previous = [], 0
    for number, score in postings:
        flat += [number - previous, score]
        previous = number
    return flat


def _shards(encoded: dict[str, list[int]]) -> tuple[dict[str, dict[str, list[int]]], list[str]]:
    """key → {term: postings}, and the keys split into longer ones."""
    shards: dict[str, dict[str, list[int]]] = {}
    split: list[str] = []
    waiting = [(MIN_TERM, dict(encoded))]
    while waiting:
        depth, group = waiting.pop()
        by_key: dict[str, dict[str, list[int]]] = defaultdict(dict)
        for term, flat in group.items():
            by_key[term[:depth]][term] = flat
        for key, members in by_key.items():
            size = sum(len(term) + 4 * len(flat) for term, flat in members.items())
            longer = {term: flat for term, flat in members.items() if len(term) > depth}
            if size > SHARD_BYTES and longer:
                split.append(key)
                waiting.append((depth + 1, longer))
                # The key's own terms stay (a shard is written even when empty: the browser asks for it).
                members = {term: flat for term, flat in members.items() if len(term) == depth}
            shards[key] = members
    return shards, sorted(split)


def shard_file(key: str) -> str:
    return key.encode("utf-8").hex() + ".json"


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def write(documents: list[Document], terms: Terms, folder: Path) -> int:
    """Write the language's index into `folder` (emptied first); the number of files written."""
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "terms").mkdir(parents=True)
    (folder / "pages").mkdir()
    documents = sorted(documents, key=lambda doc: doc.path)
    encoded = {term: _encoded(postings) for term, postings in _scores(documents, terms).items()}
    shards, split = _shards(encoded)
    digest = hashlib.sha256()
    for key in sorted(shards):
        text = _json(shards[key])
        digest.update(text.encode())
        (folder / "terms" / shard_file(key)).write_text(text, encoding="utf-8")
    for number, doc in enumerate(documents):
        kept, sections = TEXT_CHARS, []
        for section in doc.sections:
            sections.append([section.heading, section.anchor, section.text[: max(kept, 0)]])
            kept -= len(section.text)
        text = _json({"path": doc.path, "title": doc.title, "sections": sections})
        digest.update(text.encode())
        (folder / "pages" / f"{number}.json").write_text(text, encoding="utf-8")
    manifest = {"pages": len(documents), "split": split, "version": digest.hexdigest()[:12]}
    (folder / "index.json").write_text(_json(manifest), encoding="utf-8")
    return len(shards) + len(documents) + 1
