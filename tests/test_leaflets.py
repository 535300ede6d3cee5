"""Each language's leaflet, printed to PDF by scripts/leaflets.py from the built site, opened with pypdf."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest
from pypdf import PdfReader

from sitebuild import ROOT
from sitecheck import LANGUAGES, PREFIXES

sys.path.insert(0, str(ROOT / "scripts"))
import leaflets  # noqa: E402

LIMIT_BYTES = 2_000_000


@pytest.fixture(scope="module")
def printed(site, tmp_path_factory):
    """The leaflet pages and the assets they use, printed in a copy of the site."""
    if leaflets.find_chromium() is None:
        pytest.skip("the leaflets are printed with Chromium, which is not installed (apt-get install chromium)")
    copy = tmp_path_factory.mktemp("leaflets")
    shutil.copytree(site.site / "assets", copy / "assets")
    for prefix in PREFIXES.values():
        shutil.copytree(site.site / prefix / "leaflet", copy / prefix / "leaflet")
    print_leaflets(copy)
    return copy


def print_leaflets(site) -> None:
    """As `./run build` does: in a process of its own (the browser tests may hold a Playwright session here),
    with the site folder named relative to the working folder, as CI names it."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "leaflets.py"), site.name],
        capture_output=True,
        text=True,
        check=False,
        cwd=site.parent,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def words(text: str) -> list[str]:
    return re.findall(r"\w{4,}", text)


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_the_leaflet_is_two_a4_pages_in_its_language_with_fonts_embedded(printed, data, code):
    pdf = printed / PREFIXES[code] / "leaflet" / leaflets.pdf_name(code)
    assert pdf.stat().st_size < LIMIT_BYTES, f"{pdf.name}: {pdf.stat().st_size} bytes"
    reader = PdfReader(pdf)
    assert len(reader.pages) == leaflets.PAGES
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width), round(height)) == (595, 842), "A4 in points"
    text = " ".join(page.extract_text() for page in reader.pages)
    flat = " ".join(text.split())
    # The language's own words: its funding statement, its purpose, a heading of its interface.
    funding = data.project.funding[code]
    for sentence in (funding.statement, data.project.consortium.facts.purpose.get(code, "")):
        missing = [word for word in words(sentence) if word not in flat]
        assert not missing, (code, missing)
    assert data.project.strings.get(code, "leaflet.for_whom") in flat
    for partner in data.project.consortium.partners:
        assert partner.acronym in flat
    catalog = reader.trailer["/Root"]
    assert str(catalog["/Lang"]) == LANGUAGES[code]
    assert catalog["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in catalog
    assert str(reader.metadata["/Title"]).startswith(data.project.consortium.facts.acronym)
    fonts = {}
    for page in reader.pages:
        for key, font in page["/Resources"]["/Font"].items():
            font = font.get_object()
            if font["/Subtype"] == "/Type3":  # glyphs drawn in the file itself: embedded by nature
                fonts[key] = True
                continue
            descendants = font.get("/DescendantFonts")
            descriptor = (descendants[0].get_object() if descendants else font).get("/FontDescriptor")
            fonts[str(font["/BaseFont"])] = descriptor is not None and any(
                key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
    assert fonts and all(fonts.values()), fonts


def test_the_same_site_prints_the_same_leaflets(printed, tmp_path):
    """The PDFs' dates and IDs are fixed: a second printing gives the same bytes."""
    again = tmp_path / "again"
    shutil.copytree(printed / "assets", again / "assets")
    shutil.copytree(printed / "leaflet", again / "leaflet")
    (again / "leaflet" / leaflets.pdf_name("en")).unlink()
    print_leaflets(again)
    name = leaflets.pdf_name("en")
    assert (again / "leaflet" / name).read_bytes() == (printed / "leaflet" / name).read_bytes()
