"""Photos that tell a place or a person are found, named with the way to clean them, and cleaned in place upright.

The photos are made here with Pillow: none with a GPS position is ever committed.
"""

import io
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageOps

from cisotra.photometadata import HOW_TO_CLEAN, Unreadable, check_photos, clean_photo, revealing_data

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import clean_photos  # noqa: E402

GPS = {1: "N", 2: (46.0, 14.0, 30.0), 3: "E", 4: (15.0, 16.0, 0.0)}
XMP_GPS = (
    b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" '
    b'exif:GPSLatitude="46,14.5N" exif:GPSLongitude="15,16.0E"/></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
)


def two_halves(width: int = 40, height: int = 20) -> Image.Image:
    """Left half red, right half blue: which way up it is shows in its pixels."""
    image = Image.new("RGB", (width, height), (220, 20, 20))
    image.paste((20, 20, 220), (width // 2, 0, width, height))
    return image


def photo(path: Path, kind: str = "JPEG", gps=GPS, orientation: int = 1, serial=None, owner=None, xmp=None) -> Path:
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"
    if orientation != 1:
        exif[0x0112] = orientation
    if gps:
        exif[0x8825] = gps
    if serial:
        exif.get_ifd(0x8769)[0xA431] = serial
    if owner:
        exif.get_ifd(0x8769)[0xA430] = owner
    options = {"exif": exif.tobytes() if kind == "TIFF" else exif}  # Pillow writes a TIFF's sub-blocks from bytes
    if xmp:
        options["xmp"] = xmp
    path.parent.mkdir(parents=True, exist_ok=True)
    two_halves().save(path, kind, **options)
    return path


@pytest.mark.parametrize(("kind", "suffix"), [("JPEG", ".jpg"), ("PNG", ".png"), ("WEBP", ".webp"), ("TIFF", ".tif")])
def test_a_gps_position_is_found_in_every_kind_of_photo(tmp_path, kind, suffix):
    assert revealing_data(photo(tmp_path / f"a{suffix}", kind)) == ["the GPS position where it was taken"]


def test_serial_numbers_owners_and_xmp_positions_are_found_and_plain_exif_is_not(tmp_path):
    assert revealing_data(photo(tmp_path / "a.jpg", gps=None, serial="SN 0042", owner="Ana Novak")) == [
        "the camera owner's name",
        "the camera's serial number",
    ]
    assert revealing_data(photo(tmp_path / "b.jpg", gps=None, xmp=XMP_GPS)) == ["a GPS position in its XMP data"]
    assert revealing_data(photo(tmp_path / "c.jpg", gps=None, orientation=6)) == []
    assert revealing_data(photo(tmp_path / "d.jpg", gps={0: b"\x02\x02\x00\x00"})) == []  # a version, no position


def test_a_photo_that_tells_a_place_stops_the_build_with_the_way_to_clean_it(tmp_path):
    photo(tmp_path / "docs/assets/images/news/workshop.jpg", serial="SN1")
    two_halves().save(tmp_path / "docs/assets/images/news/clean.png")
    (tmp_path / "docs/assets/images/news/phone.heic").write_bytes(b"\x00\x00\x00\x18ftypheic")
    assert [str(problem) for problem in check_photos(tmp_path / "docs", tmp_path)] == [
        "docs/assets/images/news/phone.heic: photo: HEIC photos cannot be checked here, and most browsers cannot "
        "show them: save the photo as JPEG (on a phone: share or export it as JPEG; on a computer: open it and save "
        "a copy as .jpg), upload that, and delete this file",
        "docs/assets/images/news/workshop.jpg: photo: this photo carries the GPS position where it was taken and "
        f"the camera's serial number, which would be public in the repository: {HOW_TO_CLEAN}",
    ]


@pytest.mark.parametrize(("kind", "suffix"), [("JPEG", ".jpg"), ("PNG", ".png"), ("WEBP", ".webp"), ("TIFF", ".tif")])
def test_cleaning_removes_the_data_and_turns_the_pixels_upright(tmp_path, kind, suffix):
    path = photo(tmp_path / f"a{suffix}", kind, orientation=6, serial="SN1", xmp=XMP_GPS if kind != "TIFF" else None)
    with Image.open(path) as original:
        expected = ImageOps.exif_transpose(original).convert("RGB")
    assert clean_photo(path)
    with Image.open(path) as cleaned:
        exif = cleaned.getexif()  # a TIFF's own structure is in the same tags: no GPS, camera block or turn
        assert cleaned.format == kind and not {0x8825, 0x8769, 0x0112, 0x010F} & set(exif) and "xmp" not in cleaned.info
        assert cleaned.size == expected.size == (20, 40)
        pixels = cleaned.convert("RGB")
        for point in ((10, 5), (10, 35)):  # the red half is on top once turned
            assert _close(pixels.getpixel(point), expected.getpixel(point)), point
    assert revealing_data(path) == []
    assert not clean_photo(path)  # nothing left to remove: not touched again


def test_a_jpeg_that_needs_no_turning_keeps_its_encoding(tmp_path):
    path = photo(tmp_path / "a.jpg", serial="SN1")
    with Image.open(path) as before:
        tables = before.quantization
    clean_photo(path)
    with Image.open(path) as after:
        assert after.quantization == tables and not after.getexif()


def test_run_photos_cleans_the_photos_in_place_and_says_what_it_removed(tmp_path, capsys):
    photo(tmp_path / "docs/assets/images/a.jpg")
    photo(tmp_path / "docs/el/results/b.png", "PNG", gps=None)
    assert clean_photos.main([], root=tmp_path) == 0
    assert capsys.readouterr().out.splitlines() == [
        "docs/assets/images/a.jpg: removed the GPS position where it was taken",
        "1 photo(s) cleaned, 1 already clean",
    ]
    assert check_photos(tmp_path / "docs", tmp_path) == []


def test_no_image_tracked_by_git_tells_a_place_or_a_person():
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout.decode()
    images = [
        ROOT / name
        for name in listed.split("\0")
        if name.lower().endswith((".jpg", ".jpeg", ".png", ".webp", ".tif", ".tiff", ".heic", ".heif"))
    ]
    assert images, "the repository has images (the EU emblem at least)"
    found = {str(path.relative_to(ROOT)): revealing_data(path) for path in images}
    assert {name: what for name, what in found.items() if what} == {}, "run ./run photos on these files"
    assert not any(isinstance(what, Unreadable) for what in found.values())


def _close(a, b) -> bool:
    return all(abs(x - y) <= 40 for x, y in zip(a, b, strict=True))


def test_made_photos_carry_what_the_tests_say(tmp_path):
    data = io.BytesIO()
    two_halves().save(data, "JPEG", exif=Image.Exif())
    assert Image.open(io.BytesIO(data.getvalue())).size == (40, 20)
