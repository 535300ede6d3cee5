"""Report which pages and posts are translated, missing or outdated in each language, and what is held back.

    ./run status            # every language, in every direction (a Greek-only post is missing in English)
    ./run status el         # Greek only
    ./run status --markdown # the same for a pull request's summary

The site shows the same report at /translation-status/ (not in the menu). How
"outdated" is decided is explained in hooks/cisotra/translations.py.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

import _site  # noqa: E402
from cisotra.errors import DataError  # noqa: E402
from cisotra.translations import MISSING, OK, OUTDATED, build_report, last_changes, markdown_table, terminal_report  # noqa: E402


def main(argv: list[str] | None = None, root: Path = ROOT) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("language", nargs="?", help="one language folder, e.g. el")
    parser.add_argument("--markdown", action="store_true", help="print Markdown for a job summary")
    options = parser.parse_args(argv)
    try:
        languages, project, moment = _site.load_standalone(root)
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    codes = [language.code for language in project.languages]
    if options.language and options.language not in codes:
        parser.error(f"unknown language {options.language!r} (the site's languages: {', '.join(codes)})")
    report = build_report(project.posts, project.issues, codes, root / "docs", last_changes(root), moment)
    if options.markdown:
        counts = report.counts()
        print("## Translation status\n")
        print("| language | there | outdated | missing |\n|---|---|---|---|")
        for code in codes:
            print(f"| {code} | {counts[code][OK]} | {counts[code][OUTDATED]} | {counts[code][MISSING]} |")
        print()
        print(markdown_table(report.incomplete(), codes))
        return 0
    print(terminal_report(report, {language.code: language.name for language in languages}, options.language))
    return 0


if __name__ == "__main__":
    sys.exit(main())
