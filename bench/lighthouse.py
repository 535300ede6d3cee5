"""Lighthouse scores of every page type in every language: a report, not a test.

    CHROME_PATH=/usr/bin/chromium .venv/bin/python bench/lighthouse.py [--languages en si ...] [--plain] [--lighthouse PATH]

Builds the site for http://127.0.0.1:PORT/cisotra/, serves it there as GitHub Pages does
(gzip, `Cache-Control: max-age=600`; `--plain` serves uncompressed files, for comparison),
runs Lighthouse (npm package `lighthouse`; by default through `npx --yes lighthouse@12.2.3`,
the last release that runs on Debian 12's Node 20) on each page, and prints the four
category scores per page and language, then what kept any score below 100.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import serve_site
from _project import build, copy_project
from chromium import FLAGS

from sitecheck import LANGUAGES, PAGE_TYPES  # _project puts tests/ on the path

# Lighthouse refuses a page answered with status 404, so the 404 page is audited at its own address.
PAGES = {**PAGE_TYPES, "404": "404.html"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def lighthouse(command: list[str], url: str) -> dict:
    result = subprocess.run(
        [
            *command,
            url,
            "--quiet",
            "--output=json",
            "--output-path=stdout",
            f"--chrome-flags={' '.join(FLAGS)}",
            f"--only-categories={','.join(CATEGORIES)}",
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")},
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    return json.loads(result.stdout)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--languages", nargs="+", default=list(LANGUAGES))
    parser.add_argument("--plain", action="store_true", help="serve without compression (not as Pages does)")
    parser.add_argument("--pages", nargs="+", choices=list(PAGES), default=list(PAGES), help="page types to audit")
    parser.add_argument("--lighthouse", help="path to a lighthouse executable (default: npx --yes lighthouse@12.2.3)")
    options = parser.parse_args()
    command = [options.lighthouse] if options.lighthouse else ["npx", "--yes", "lighthouse@12.2.3"]
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base = f"http://127.0.0.1:{port}{serve_site.SUB_PATH}"
    with tempfile.TemporaryDirectory() as folder:
        project = copy_project(Path(folder))
        build(project, env={"SITE_URL": base})
        server = serve_site.start(project / "site", port, compress=not options.plain)
        problems: dict[str, set[str]] = {}
        print(f"{'page':<18} {'lang':<5} " + " ".join(f"{c[:13]:>13}" for c in CATEGORIES) + "   FCP s  LCP s  TBT ms")
        try:
            for kind, path in ((kind, PAGES[kind]) for kind in options.pages):
                # One 404 page serves every language.
                for code in ["all"] if kind == "404" else options.languages:
                    prefix = "" if code in ("en", "all") else f"{code}/"
                    report = lighthouse(command, base + prefix + path)
                    scores = [round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES]
                    audits = report["audits"]
                    metrics = (
                        f"{audits['first-contentful-paint']['numericValue'] / 1000:>7.1f}"
                        f"{audits['largest-contentful-paint']['numericValue'] / 1000:>7.1f}"
                        f"{audits['total-blocking-time']['numericValue']:>8.0f}"
                    )
                    print(f"{kind:<18} {code:<5} " + " ".join(f"{s:>13}" for s in scores) + metrics, flush=True)
                    for category in CATEGORIES:
                        for ref in report["categories"][category]["auditRefs"]:
                            audit = report["audits"][ref["id"]]
                            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                                problems.setdefault(f"{category}: {audit['title']}", set()).add(kind)
        finally:
            server.shutdown()
    print("\nWhat kept a score below 100 (and on which page types):")
    for problem, kinds in sorted(problems.items()):
        print(f"  {problem}: {', '.join(sorted(kinds))}")


if __name__ == "__main__":
    main()
