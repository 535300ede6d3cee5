"""Start new content from the templates in templates/, so nobody starts from a blank file.

    ./run new news --date 2026-12-01 --slug partner-meeting --languages en si
    ./run new news --date 2026-12-01 --slug "Srečanje v Celju"    (→ 2026-12-01-srecanje-v-celju.md)
    ./run new newsletter --number 4 --date 2026-12-01 --languages en de
    ./run new activity --id meeting-7-celje --type meeting --work-package 1 --start 2026-12-01 --country SI

A post's --slug may be written in any language and letters: it becomes the safe name the
build requires (cisotra.names.slug: lower-case ASCII letters, digits and hyphens,
transliterated). A new post or issue is a draft (draft: true) until that line is removed; a new activity is
checked with the site's own validation before it is added to data/activities.yml. The
languages are the ones mkdocs.yml declares.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

import _site  # noqa: E402
from cisotra.activities import load_activities  # noqa: E402
from cisotra.errors import DataError  # noqa: E402
from cisotra.names import slug as safe_slug  # noqa: E402

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class Refused(Exception):
    """Nothing was written; the message says why."""


def new_news(root: Path, date: str, slug: str, languages: list[str]) -> list[Path]:
    _check_day(date)
    words = safe_slug(slug)
    if not words:
        raise Refused(f"--slug must have some letters or digits (like partner-meeting), not {slug!r}")
    slug = words
    template = (root / "templates" / "news-post.md").read_text(encoding="utf-8")
    return _write_new(
        root, [(f"docs/{code}/news/{date}-{slug}.md", template.replace("{date}", date)) for code in languages]
    )


def new_newsletter(root: Path, number: int, date: str, languages: list[str]) -> list[Path]:
    _check_day(date)
    template = (root / "templates" / "newsletter-issue.md").read_text(encoding="utf-8")
    text = template.replace("{number}", str(number)).replace("{date}", date)
    return _write_new(root, [(f"docs/{code}/newsletters/issue-{number}.md", text) for code in languages])


def new_activity(
    root: Path,
    codes: tuple[str, ...],
    *,
    id: str,
    type: str,
    work_package: int,
    start: str,
    end: str | None,
    country: str,
) -> Path:
    template = (root / "templates" / "activity.yml").read_text(encoding="utf-8")
    block = (
        template.replace("{id}", id)
        .replace("{type}", type)
        .replace("{work_package}", str(work_package))
        .replace("{start}", start)
        .replace("{country}", country)
    )
    block = (
        block.replace("{end}", end)
        if end
        else "\n".join(line for line in block.splitlines() if "{end}" not in line) + "\n"
    )
    data = root / "data" / "activities.yml"
    before = data.read_text(encoding="utf-8")
    data.write_text(before.rstrip("\n") + "\n\n" + block, encoding="utf-8")
    try:
        load_activities(data, root / "data" / "cities.yml", codes, root)
    except DataError as error:
        data.write_text(before, encoding="utf-8")
        raise Refused(f"the new activity was not added:\n{error}") from None
    return data


def _write_new(root: Path, files: list[tuple[str, str]]) -> list[Path]:
    existing = [relative for relative, _ in files if (root / relative).exists()]
    if existing:
        raise Refused("already exists, nothing written: " + ", ".join(existing))
    written = []
    for relative, text in files:
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def _check_day(date: str) -> None:
    if not _DAY.match(date):
        raise Refused(f"--date must be a day like 2026-12-01, not {date!r}")


def site_codes(root: Path) -> tuple[str, ...]:
    """The site's language folders, the default language first, as mkdocs.yml declares them."""
    _config, languages, _moment = _site.standalone(root)
    return tuple(language.code for language in sorted(languages, key=lambda language: not language.default))


def main(argv: list[str] | None = None, root: Path = ROOT) -> int:
    codes = site_codes(root)
    parser = argparse.ArgumentParser(prog="./run new", description="Start new content from the templates.")
    kinds = parser.add_subparsers(dest="kind", required=True)
    news = kinds.add_parser("news", help="a news post in one or more languages")
    news.add_argument("--date", required=True)
    news.add_argument("--slug", required=True, help="the post's address, e.g. partner-meeting")
    news.add_argument("--languages", nargs="+", choices=codes, default=[codes[0]])
    letter = kinds.add_parser("newsletter", help="a newsletter issue in one or more languages")
    letter.add_argument("--number", type=int, required=True)
    letter.add_argument("--date", required=True)
    letter.add_argument("--languages", nargs="+", choices=codes, default=[codes[0]])
    activity = kinds.add_parser("activity", help="an activity in data/activities.yml")
    activity.add_argument("--id", required=True)
    activity.add_argument("--type", required=True)
    activity.add_argument("--work-package", type=int, required=True)
    activity.add_argument("--start", required=True)
    activity.add_argument("--end")
    activity.add_argument("--country", required=True)
    options = parser.parse_args(argv)
    try:
        if options.kind == "news":
            written = new_news(root, options.date, options.slug, options.languages)
        elif options.kind == "newsletter":
            written = new_newsletter(root, options.number, options.date, options.languages)
        else:
            written = [
                new_activity(
                    root,
                    codes,
                    id=options.id,
                    type=options.type,
                    work_package=options.work_package,
                    start=options.start,
                    end=options.end,
                    country=options.country,
                )
            ]
    except Refused as refusal:
        print(f"error: {refusal}", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path.relative_to(root)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
