"""Benchmark: what search costs a visitor and the build, the project's (an index per language, in shards) against Material's (one lunr index).

    .venv/bin/python bench/search.py [--scales 1 3 10] [--without-material] [--prefixes] [--detail]

For each scale (bench/site.py's content) it builds the project once, and once more with
Material's search plugin added (the search the site had before), then prints per language:

  index KB        the language's whole index (search/<tag>/), and gzipped as Pages sends it;
                  for Material, its one search_index.json holding every language
  first results   everything the visitor's browser fetched from opening the search to the
                  first results of a query typed key by key (the search script and stemmer
                  included; gzip), measured in Chromium: for a typical word (some pages have
                  it), a common one (nearly every page) and a typical word mistyped (its 2nd and
                  3rd letters swapped: found through the near files, searchindex.py)
  requests        of that first query typed key by key (every file above), and the most one
                  query made (the last keystroke of each query: the index's files and the
                  results' pages); the limit is QUERY_LIMITS["requests"] (cisotra/search.py)
  ms to results   from the last keystroke to the first result on the page, with Chromium's CPU
                  slowed 4x (Lighthouse's mobile profile), median of 4 queries after the first
and the seconds each search adds to the build. With --prefixes it also checks, with the
browser's own engine under Node (tests/js/prefixes.mjs), that every word of every page is
found by each of its beginnings of 3 letters and more (2 letters: found, or one more letter
asked for) and prints how many words and beginnings were checked and how many failed.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import socket
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import serve_site
from _project import build, copy_project
from _synthetic import WORDS
from chromium import FLAGS
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from sitecheck import LANGUAGES, PREFIXES

# bench/site.py's content ("site" is also a standard module's name, so it is loaded by path).
_spec = importlib.util.spec_from_file_location("bench_site", Path(__file__).resolve().parent / "site.py")
_bench_site = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_bench_site)
add_content = _bench_site.add_content

QUERIES = 5
CHROMIUM = "/usr/bin/chromium"


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def index_sizes(site: Path) -> dict[str, tuple[int, int, int]]:
    """tag → (raw bytes, gzip bytes, the largest shard's gzip bytes) of the language's whole index."""
    sizes = {}
    for tag in LANGUAGES.values():
        files = [path for path in (site / "search" / tag).rglob("*.json")]
        shards = [gz(path.read_bytes()) for path in (site / "search" / tag / "terms").glob("*.json")]
        sizes[tag] = (sum(f.stat().st_size for f in files), sum(gz(f.read_bytes()) for f in files), max(shards))
    return sizes


def _query(page, query: str, fetched: list[str]) -> tuple[float, int]:
    """Type `query` key by key into the open dialog: (ms from the last keystroke to the results
    shown, requests the last keystroke's query made)."""
    field = page.locator("#cisotra-search-input")
    field.fill("")
    field.press_sequentially(query[:-1], delay=30)
    # The searches for the letters typed so far settle first (any of them could still be
    # putting its results on the page), so the time measured is the last letter's alone.
    page.wait_for_timeout(1500)
    page.evaluate(
        "() => { window.__done = null; const list = document.querySelector('.cisotra-search__results');"
        " list.replaceChildren();"
        " new MutationObserver((m, o) => { if (list.children.length) { window.__done = performance.now(); o.disconnect(); } })"
        ".observe(list, {childList: true}); }"
    )
    before = len(fetched)
    start = page.evaluate("performance.now()")
    field.press_sequentially(query[-1])
    try:
        page.wait_for_function("() => window.__done !== null", timeout=60_000)
    except PlaywrightTimeout:
        said = page.locator(".cisotra-search__status").inner_text()
        raise SystemExit(f"no results for {query!r}: the search said {said!r}") from None
    page.wait_for_timeout(500)  # the other results' pages
    return page.evaluate("window.__done") - start, len(fetched) - before


def mistyped(words: list[str], start: int) -> str:
    """The first word of 6 letters or more from `start` on, its 2nd and 3rd letters swapped: a
    mistake within the first letters, which moves the word to another shard (the near files
    find it). Shorter words are not looked up one letter away (cisotra.search.TYPO_MIN)."""
    word = next(word for word in words[start:] if len(word) >= 6 and word[1] != word[2])
    return word[0] + word[2] + word[1] + word[3:]


def visitor(site: Path) -> dict[str, dict[str, tuple]]:
    """tag → {'typical' | 'common' | 'typo': (KB fetched before the first results, median ms from
    the last keystroke, requests of the first query typed key by key, most requests of one query)}.

    A typical query is a word that some pages have (the made-up vocabulary's middle); a
    common one is a word of the project that almost every synthetic page has, the worst case;
    a typo is a typical word mistyped.
    """
    from _synthetic import _WORDS_OF
    from playwright.sync_api import sync_playwright

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = serve_site.start(site, port)
    base = f"http://127.0.0.1:{port}{serve_site.SUB_PATH}"
    out: dict[str, dict[str, tuple]] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            for code, tag in LANGUAGES.items():
                starts = (150, 300, 600, 900, 1200)
                kinds = {
                    "typical": [_WORDS_OF[code][index] for index in starts],
                    "common": [WORDS[code][index] for index in range(QUERIES)],
                    "typo": [mistyped(_WORDS_OF[code], index) for index in starts],
                }
                out[tag] = {}
                for kind, queries in kinds.items():
                    context = browser.new_context()
                    page = context.new_page()
                    fetched: list[str] = []
                    cdp = context.new_cdp_session(page)
                    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
                    page.goto(base + PREFIXES[code], wait_until="load")
                    page.wait_for_timeout(500)
                    # From here on, everything the browser fetches is the search's.
                    page.on("requestfinished", lambda request, seen=fetched: seen.append(request.url))
                    page.evaluate("document.querySelector('.cisotra-search__open').click()")
                    first_ms, first_last = _query(page, queries[0], fetched)
                    first = list(fetched)
                    if "--detail" in sys.argv:
                        for url in first:
                            local = site / url.split(serve_site.SUB_PATH, 1)[1].split("?")[0]
                            print(f"  {tag} {kind} {local.name}: {local.stat().st_size / 1000:.1f} KB")
                    kb = (
                        sum(
                            gz((site / url.split(serve_site.SUB_PATH, 1)[1].split("?")[0]).read_bytes())
                            for url in first
                        )
                        / 1000
                    )
                    later = [_query(page, query, fetched) for query in queries[1:]]
                    most = max([first_last, *(requests for _ms, requests in later)])
                    # The first query also loads the search: the median is of the others.
                    out[tag][kind] = (kb, statistics.median(ms for ms, _requests in later), len(first), most)
                    context.close()
            browser.close()
    finally:
        server.shutdown()
    return out


def prefixes(site: Path) -> list[dict]:
    """The browser's engine, under Node, on every beginning of every word of each index (tests/js/prefixes.mjs)."""
    sys.path.insert(0, str(ROOT / "tests"))
    import searchfixture

    from cisotra.search import client_rules

    executable = searchfixture.node()
    if executable is None:
        print(f"prefix check skipped: {searchfixture.node.missing}")
        return []
    rules = {tag: client_rules(tag) for tag in LANGUAGES.values()}
    command = searchfixture.node_command(
        executable, str(searchfixture.JS_TESTS / "prefixes.mjs"), str(site / "search"), json.dumps(rules)
    )
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    return [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]


def with_material_search(project: Path) -> str:
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("plugins:\n  - i18n:", "plugins:\n  - search\n  - i18n:")
    (project / "mkdocs-material-search.yml").write_text(text, encoding="utf-8")
    return "mkdocs-material-search.yml"


def run(scale: int, material: bool = True, check_prefixes: bool = False) -> None:
    with tempfile.TemporaryDirectory() as folder:
        project = copy_project(Path(folder) / "project")
        add_content(project, scale)
        ours = build(project, strict=False)
        search_seconds = ours.hook_seconds("search.")
        sizes = index_sizes(project / "site")
        measured = visitor(project / "site")
        checked = prefixes(project / "site") if check_prefixes else []
        pages = ours.pages
        if material:
            # Both builds find the share cards in the cache (the first build drew them), so
            # their difference is the search plugin's alone.
            ours = build(project, strict=False)
            theirs = build(project, config=with_material_search(project), strict=False)
            index = (project / "site" / "search" / "search_index.json").read_bytes()
            workers = project / "site" / "assets" / "javascripts" / "workers"
            worker = next(workers.glob("search.*.min.js")).read_bytes()
            material_seconds = max(
                theirs.seconds - ours.seconds, 0.0
            )  # both build the project's; the difference is lunr's
    print(f"\nscale {scale}x ({pages} pages)")
    print(
        f"{'language':<9} {'index KB':>9} {'gz':>6} {'largest shard gz':>17} {'first results KB: typical':>26}"
        f" {'common':>7} {'typo':>5} {'requests: typed':>16} {'most':>5} {'ms (CPU/4): typical':>20}"
        f" {'common':>7} {'typo':>5}"
    )
    for tag in LANGUAGES.values():
        raw, packed, shard = sizes[tag]
        typical, common, typo = (measured[tag][kind] for kind in ("typical", "common", "typo"))
        most = max(typical[3], common[3], typo[3])
        typed = f"{typical[2]}/{common[2]}/{typo[2]}"
        print(
            f"{tag:<9} {raw / 1000:>9.0f} {packed / 1000:>6.0f} {shard / 1000:>17.1f} {typical[0]:>26.0f}"
            f" {common[0]:>7.0f} {typo[0]:>5.0f} {typed:>16} {most:>5} {typical[1]:>20.0f} {common[1]:>7.0f}"
            f" {typo[1]:>5.0f}"
        )
    for line in checked:
        print(
            f"prefixes {line['tag']}: {line['words']} words, {line['prefixes']} beginnings, {line['split']} split keys,"
            f" {line['failures']} failed {line['first'] if line['failures'] else ''}"
        )
    if not material:
        print(f"build time: the project's search {search_seconds:.1f} s")
        return
    print(
        f"Material's search: one index of every language, {len(index) / 1000:.0f} KB ({gz(index) / 1000:.0f} KB gz), "
        f"fetched whole with its worker ({gz(worker) / 1000:.0f} KB gz) before any result, in every language"
    )
    print(
        f"build time: the project's search {search_seconds:.1f} s; Material's search plugin about {material_seconds:.1f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scales", nargs="+", type=int, default=[1, 3, 10])
    parser.add_argument("--detail", action="store_true", help="list what the first query fetched")
    parser.add_argument("--without-material", action="store_true", help="skip the build with Material's search")
    parser.add_argument("--prefixes", action="store_true", help="check every beginning of every word (Node)")
    options = parser.parse_args()
    for scale in options.scales:
        run(scale, material=not options.without_material, check_prefixes=options.prefixes)


if __name__ == "__main__":
    main()
