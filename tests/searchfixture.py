"""The search tests' fixture: a small site's pages in six languages with their synonyms (tests/fixtures/search/), and the index the build's own code writes of them.

The Python tests use it directly; the browser's query engine is tested on the same index
under Node (tests/js/), which gets it from

    python tests/searchfixture.py FOLDER

FOLDER/<tag>/ is each language's index, written with shards of SHARD_BYTES so that keys
split at several depths, and FOLDER/expected.json holds per language tag:

  rules   what a page hands the browser (cisotra.search.client_rules)
  words   every word of the pages as written → {"term", "form", "pages": the numbers of the
          pages that have the word}
  groups  the synonym groups, and notes: the synonyms no page has
  split   the split keys (for the tests to pick their prefixes)
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

import yaml  # noqa: E402

from cisotra.search import Terms, client_rules, words  # noqa: E402
from cisotra.searchindex import Document, Section, write  # noqa: E402
from cisotra.synonyms import SynonymGroup, load_synonyms  # noqa: E402

FOLDER = ROOT / "tests" / "fixtures" / "search"
TAGS = {"en": "en", "si": "sl", "de": "de", "it": "it", "el": "el", "tr": "tr"}  # folder code → language tag
SHARD_BYTES = 40  # the real index's 25,000: here most keys split, some to 11 letters
JS_TESTS = ROOT / "tests" / "js"
NODE_MINIMUM = (18, 19)  # --import and module.register (tests/js/esm.mjs)


def documents(code: str) -> list[Document]:
    """The language's pages, numbered in the order the index numbers them."""
    pages = yaml.safe_load((FOLDER / "pages.yml").read_text(encoding="utf-8"))[code]
    return [
        Document(f"{code}/page-{number}/", page["title"], [Section("", "", page["text"])])
        for number, page in enumerate(pages)
    ]


def synonyms() -> dict[str, tuple[SynonymGroup, ...]]:
    return load_synonyms(FOLDER / "synonyms.yml", tuple(TAGS), ROOT)


def write_language(code: str, folder: Path, shard_bytes: int = SHARD_BYTES) -> dict:
    """Write one language's index into folder/<tag>/; what the tests expect of it."""
    tag = TAGS[code]
    terms = Terms(tag)
    docs = documents(code)
    notes = write(docs, terms, folder / tag, synonyms().get(code, ()), shard_bytes)
    found: dict[str, dict] = {}
    for number, doc in enumerate(docs):
        for word in words(doc.title + " " + doc.sections[0].text):
            if not terms.of(word):
                continue  # one letter, or no term
            entry = found.setdefault(word, {"term": terms.term(word), "form": terms.form(word), "pages": []})
            if number not in entry["pages"]:
                entry["pages"].append(number)
    by_form: dict[str, set[int]] = {}
    for entry in found.values():
        by_form.setdefault(entry["form"], set()).update(entry["pages"])
    for entry in found.values():  # "Seminar" and "seminar" are on each other's pages
        entry["pages"] = sorted(by_form[entry["form"]])
    manifest = json.loads((folder / tag / "index.json").read_text(encoding="utf-8"))
    return {
        "rules": client_rules(tag),
        "words": found,
        "groups": [list(group.words) for group in synonyms().get(code, ())],
        "notes": [str(note) for note in notes],
        "split": manifest["split"],
    }


def write_all(folder: Path, shard_bytes: int = SHARD_BYTES) -> dict:
    expected = {TAGS[code]: write_language(code, folder, shard_bytes) for code in TAGS}
    (folder / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1), encoding="utf-8")
    return expected


def node() -> str | None:
    """Node.js to run tests/js with, or None; the reason it cannot be used is `node.missing`."""
    executable = shutil.which("node") or shutil.which("nodejs")
    if executable is None:
        node.missing = "Node.js 18.19 or newer is needed (Debian: apt-get install nodejs)"
        return None
    version = subprocess.run([executable, "--version"], capture_output=True, text=True, check=True).stdout
    if tuple(int(part) for part in re.findall(r"\d+", version)[:2]) < NODE_MINIMUM:
        node.missing = f"Node.js 18.19 or newer is needed, found {version.strip()}"
        return None
    return executable


def node_command(executable: str, *arguments: str) -> list[str]:
    """Node with the site's scripts read as ES modules (tests/js/esm.mjs)."""
    return [executable, "--import", str(JS_TESTS / "esm.mjs"), *arguments]


if __name__ == "__main__":
    write_all(Path(sys.argv[1]))
