"""Print each language's leaflet page of a built site to PDF with Chromium, next to the page.

    .venv/bin/python scripts/leaflets.py [SITE_DIR]      (`./run build` runs it after the build)

Chromium is looked for in $CHROMIUM, then as chromium, chromium-browser and google-chrome.
The PDFs are tagged (screen readers follow their headings), carry the page's title and
language, and have their dates set to the last commit's, so the same sources give the
same files. A leaflet that no longer fits on two A4 pages stops the build with its language
and what to shorten.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from pypdf import PdfReader, PdfWriter

ROOT = Path(__file__).resolve().parent.parent
PAGES = 2  # two A4 pages, printed back to back
sys.path.insert(0, str(ROOT / "hooks"))

from chromium import FLAGS, find_chromium  # noqa: E402

from cisotra.paths import leaflet_path  # noqa: E402
from cisotra.paths import leaflet_pdf_name as pdf_name  # noqa: E402

LEAFLET_PAGE = leaflet_path("")


def leaflet_pages(site: Path) -> dict[str, Path]:
    """Language folder code ('' for the default language) → the leaflet page."""
    pages = {}
    for page in sorted(site.glob(f"*/{LEAFLET_PAGE}index.html")) + sorted(site.glob(f"{LEAFLET_PAGE}index.html")):
        code = page.parent.parent.name if page.parent.parent != site else ""
        pages[code] = page
    return pages


def source_moment() -> datetime:
    """The last commit's time (or SOURCE_DATE_EPOCH), for the PDFs' dates."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), UTC)
    try:
        stamp = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
        return datetime.fromtimestamp(int(stamp), UTC)
    except (OSError, subprocess.CalledProcessError, ValueError):
        return datetime(2000, 1, 1, tzinfo=UTC)


def settle(pdf: Path, moment: datetime, author: str) -> int:
    """Fixed dates and author in the PDF's metadata; returns its number of pages."""
    writer = PdfWriter(clone_from=PdfReader(pdf))
    stamp = moment.strftime("D:%Y%m%d%H%M%S+00'00'")
    writer.add_metadata({"/CreationDate": stamp, "/ModDate": stamp, "/Author": author})
    # Chromium writes a random document ID; a fixed one keeps the file the same from build to build.
    writer._ID = None  # noqa: SLF001 (pypdf then derives it from the content)
    with open(pdf, "wb") as file:
        writer.write(file)
    return len(writer.pages)


def default_code() -> str:
    """The default language's folder code, as mkdocs.yml declares it (its leaflet sits at the root)."""
    import _site

    _config, languages, _moment = _site.standalone(ROOT)
    return next(language.code for language in languages if language.default)


def main(site: Path) -> int:
    site = site.resolve()  # Chromium opens the pages by file URI, which must be absolute
    pages = leaflet_pages(site)
    if not pages:
        print(f"No leaflet pages in {site}/ (*/{LEAFLET_PAGE}index.html): build the site first.", file=sys.stderr)
        return 1
    chromium = find_chromium()
    if chromium is None:
        print(
            "The leaflets are printed with Chromium, which was not found. Install it (Debian/Ubuntu: "
            "apt-get install chromium) or name it in CHROMIUM=/path/to/chrome.",
            file=sys.stderr,
        )
        return 1
    from playwright.sync_api import sync_playwright

    moment = source_moment()
    default = default_code()
    failures = []
    started = time.perf_counter()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=FLAGS)
        tab = browser.new_page()
        for code, page in pages.items():
            pdf = page.parent / pdf_name(code or default)
            tab.goto(page.as_uri())
            tab.evaluate("document.fonts.ready")
            tab.pdf(path=pdf, prefer_css_page_size=True, print_background=True, tagged=True)
            count = settle(pdf, moment, "CiSoTRA consortium")
            print(f"  {pdf.relative_to(site)}: {count} pages, {pdf.stat().st_size / 1000:.0f} kB")
            if count != PAGES:
                failures.append(
                    f"{page.relative_to(site)}: the leaflet runs to {count} pages instead of {PAGES}: shorten the "
                    "work packages' descriptions (front matter of docs/<language>/work-packages/) or the target "
                    "groups (data/project.yml) in that language"
                )
        browser.close()
    print(f"Leaflets printed in {time.perf_counter() - started:.1f} s.")
    for failure in failures:
        print(failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "site")))
