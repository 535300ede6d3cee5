"""Report which pages and posts are translated, missing or outdated in each language.

    .venv/bin/python scripts/translation_status.py            # a table for the terminal
    .venv/bin/python scripts/translation_status.py --markdown # the same for a pull request's summary

The site shows the same report at /translation-status/ (not in the menu). How
"outdated" is decided is explained in hooks/cisotra/translations.py.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from cisotra.translations import MISSING, OUTDATED, last_changes, markdown_table, scan, summary  # noqa: E402

CODES = ("en", "si", "de", "it", "el", "tr")
LABELS = {"page": "page", MISSING: "missing", OUTDATED: "outdated"}


def main(argv: list[str] | None = None, root: Path = ROOT) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--markdown", action="store_true", help="print Markdown for a job summary")
    parser.add_argument("--all", action="store_true", help="list complete pages too")
    options = parser.parse_args(argv)
    rows = scan(root / "docs", CODES, "en", last_changes(root))
    counts = summary(rows, CODES)
    if options.markdown:
        print("## Translation status\n")
        print("| language | up to date | outdated | missing |\n|---|---|---|---|")
        for code in CODES[1:]:
            c = counts[code]
            print(f"| {code} | {c['ok']} | {c[OUTDATED]} | {c[MISSING]} |")
        print()
        print(markdown_table(rows, CODES, LABELS, only_incomplete=not options.all))
        return 0
    for code in CODES[1:]:
        c = counts[code]
        print(f"{code}: {c['ok']} up to date, {c[OUTDATED]} outdated, {c[MISSING]} missing")
    for row in rows:
        gaps = {code: status for code, status in row.status.items() if status != "ok"}
        if gaps or options.all:
            print(f"  {row.path}: " + (", ".join(f"{code} {status}" for code, status in gaps.items()) or "complete"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
