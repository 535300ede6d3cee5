"""The photo page cleans a photo in the visitor's browser: the copy is upright, without EXIF or GPS, and nothing is sent."""

from __future__ import annotations

import re

import pytest
import yaml
from PIL import Image, ImageOps

from cisotra.photometadata import revealing_data
from sitebuild import ROOT

GPS = {1: "N", 2: (46.0, 14.0, 30.0), 3: "E", 4: (15.0, 16.0, 0.0)}


def photo_with_gps(path) -> Image.Image:
    """A JPEG with a GPS position, a serial number and orientation 6 (shown turned a quarter to the right);
    left half red, right half blue. Returns the picture as it should be seen."""
    image = Image.new("RGB", (160, 80), (220, 20, 20))
    image.paste((20, 20, 220), (80, 0, 160, 80))
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x8825] = GPS
    exif.get_ifd(0x8769)[0xA431] = "SN 0042"
    image.save(path, "JPEG", exif=exif, quality=95)
    with Image.open(path) as saved:
        return ImageOps.exif_transpose(saved).convert("RGB")


@pytest.mark.parametrize(("code", "prefix"), [("en", ""), ("el", "el/"), ("tr", "tr/")])
def test_a_photo_with_gps_comes_back_upright_and_clean_and_nothing_leaves_the_browser(
    served_site, visit, tmp_path, code, prefix
):
    base, _site = served_site
    upload = tmp_path / "Εργαστήριο Αθήνα.JPG"
    expected = photo_with_gps(upload)
    page = visit(f"{base}{prefix}clean-photo/")
    assert page.response.status == 200
    before = len(page.requests)
    methods: list[str] = []
    page.page.on("request", lambda request: methods.append(request.method))
    with page.page.expect_download() as waiting:
        page.page.set_input_files("#cisotra-photo-input", str(upload))
    download = waiting.value
    assert download.suggested_filename == "ergastirio-athina.jpg"
    saved = tmp_path / "clean.jpg"
    download.save_as(saved)

    with Image.open(saved) as clean:
        assert clean.format == "JPEG"
        assert not clean.getexif() and "xmp" not in clean.info
        assert clean.size == expected.size == (80, 160)
        pixels = clean.convert("RGB")
        for point in ((40, 20), (40, 140)):  # red on top once turned
            assert all(abs(a - b) < 40 for a, b in zip(pixels.getpixel(point), expected.getpixel(point), strict=True))
    assert b"GPS" not in saved.read_bytes() and b"SN 0042" not in saved.read_bytes()
    assert revealing_data(saved) == []  # what the browser makes passes the repository's check (picture only)

    done = yaml.safe_load((ROOT / "data" / "strings" / f"{code}.yml").read_text("utf-8"))
    status = page.page.locator(".cisotra-photo-status").inner_text()
    assert status == done["photo_tool"]["done"].format(name="ergastirio-athina.jpg")
    elsewhere = [url for url in page.requests[before:] if not url.startswith((base, "blob:", "data:"))]
    assert elsewhere == [] and set(methods) <= {"GET"}, "the page sent something while cleaning the photo"
    assert page.errors == []


def test_the_photo_page_is_kept_from_search_engines_the_sitemap_and_the_menu(served_site):
    _base, site = served_site
    for prefix in ("", "si/", "de/", "it/", "el/", "tr/"):
        html = (site / prefix / "clean-photo" / "index.html").read_text(encoding="utf-8")
        assert '<meta name="robots" content="noindex">' in html
        # The script comes from the site's own file (no inline script: the Content-Security-Policy allows none).
        assert re.search(r'<script src="(\.\./)+assets/javascripts/cisotra-photo\.js" defer></script>', html)
    assert "clean-photo" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert 'href="clean-photo/"' not in (site / "index.html").read_text(encoding="utf-8")
