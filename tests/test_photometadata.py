"""A photo may carry only its picture and its colours: anything else is refused with what it is (in words of a
place or a person where it tells one) and the way to clean it, and cleaning leaves only the picture, upright.

The photos are made here with Pillow: none with a GPS position is ever committed.
"""

import io
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from PIL import Image, ImageCms, ImageOps
from PIL.PngImagePlugin import PngInfo

from cisotra import photoparts
from cisotra.photometadata import (
    HOW_TO_CLEAN,
    PHOTO_TYPES,
    SAVE_AS,
    Unreadable,
    check_photos,
    clean_photo,
    is_photo,
    revealing_data,
)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import clean_photos  # noqa: E402

GPS = {1: "N", 2: (46.0, 14.0, 30.0), 3: "E", 4: (15.0, 16.0, 0.0)}
XMP_GPS = (
    b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" '
    b'exif:GPSLatitude="46,14.5N" exif:GPSLongitude="15,16.0E"/></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
)
# Valid XMP without the x:xmpmeta wrapper, and a position of where the photo points to.
XMP_BARE = (
    b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
    b'xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="46,14.5N" exif:GPSLongitude="15,16.0E"/></rdf:RDF>'
)
XMP_DESTINATION = XMP_GPS.replace(b"GPSLatitude", b"GPSDestLatitude").replace(b"GPSLongitude", b"GPSDestLongitude")
SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


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


@pytest.mark.parametrize(("kind", "suffix"), [("JPEG", ".jpg"), ("PNG", ".png"), ("WEBP", ".webp")])
def test_a_gps_position_is_found_in_every_kind_of_photo(tmp_path, kind, suffix):
    assert revealing_data(photo(tmp_path / f"a{suffix}", kind)) == ["the GPS position where it was taken"]


def test_serial_numbers_owners_and_xmp_positions_are_named_and_any_other_exif_is_exif_data(tmp_path):
    assert revealing_data(photo(tmp_path / "a.jpg", gps=None, serial="SN 0042", owner="Ana Novak")) == [
        "the camera owner's name",
        "the camera's serial number",
    ]
    assert revealing_data(photo(tmp_path / "b.jpg", gps=None, xmp=XMP_GPS)) == [
        "EXIF data",
        "a GPS position in its XMP data",
    ]
    assert revealing_data(photo(tmp_path / "c.jpg", gps=None, orientation=6)) == ["EXIF data"]
    assert revealing_data(photo(tmp_path / "d.jpg", gps={0: b"\x02\x02\x00\x00"})) == ["EXIF data"]  # no position


def _png(path: Path, info: PngInfo) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    two_halves().save(path, "PNG", pnginfo=info)
    return path


def _itxt(xmp: bytes, zip: bool) -> PngInfo:
    info = PngInfo()
    info.add_itxt("XML:com.adobe.xmp", xmp.decode(), zip=zip)
    return info


def _text(keyword: str, text: str) -> PngInfo:
    info = PngInfo()
    info.add_text(keyword, text)
    return info


def _jpeg_with_segment(path: Path, segment: bytes, after: bytes = b"") -> Path:
    """A clean JPEG with `segment` (marker and body) put after its start, and `after` after its end."""
    data = io.BytesIO()
    two_halves().save(data, "JPEG")
    raw = data.getvalue()
    path.parent.mkdir(parents=True, exist_ok=True)
    if segment:  # marker, length (counting itself), body
        segment = segment[:2] + len(segment).to_bytes(2, "big") + segment[2:]
    path.write_bytes(raw[:2] + segment + raw[2:] + after)
    return path


def test_every_way_the_security_review_published_a_position_is_refused_with_the_file_and_what_it_is(tmp_path):
    """F14 and F15 of the second security review: pictures of kinds not checked, XMP not seen, a text note."""
    docs = tmp_path / "docs/assets/images/atk"
    docs.mkdir(parents=True)
    exif = Image.Exif()
    exif[0x8825] = GPS
    two_halves().save(docs / "m.avif", "AVIF", exif=exif)
    photo(docs / "d.jfif")
    photo(docs / "e.jpe")
    _png(docs / "xmp-zipped.png", _itxt(XMP_GPS, zip=True))
    _png(docs / "xmp-bare.png", _itxt(XMP_BARE, zip=False))
    photo(docs / "xmp-bare.jpg", gps=None, xmp=XMP_BARE)
    _jpeg_with_segment(docs / "xmp-destination.jpg", b"\xff\xe1" + photoparts.XMP_JPEG + XMP_DESTINATION)
    _png(docs / "words.png", _text("Comment", "GPS 46.0833 N, 15.25 E, Celje shelter"))
    refused = {str(problem) for problem in check_photos(tmp_path / "docs", tmp_path)}
    where = "docs/assets/images/atk"
    carries = "photo: this photo carries {}, which would be public in the repository: " + HOW_TO_CLEAN
    other_kind = (
        "photo: the site takes photos as JPEG, PNG or WebP; a {} file cannot be checked for the hidden data it may "
        "carry (the place where it was taken, …): " + SAVE_AS
    )
    assert refused == {
        f"{where}/m.avif: " + other_kind.format(".avif"),
        f"{where}/d.jfif: " + other_kind.format(".jfif"),
        f"{where}/e.jpe: " + other_kind.format(".jpe"),
        f"{where}/xmp-zipped.png: " + carries.format("a GPS position in its XMP data"),
        f"{where}/xmp-bare.png: " + carries.format("a GPS position in its XMP data"),
        f"{where}/xmp-bare.jpg: " + carries.format("EXIF data and a GPS position in its XMP data"),
        f"{where}/xmp-destination.jpg: " + carries.format("a GPS position in its XMP data"),
        f"{where}/words.png: " + carries.format("a text note"),
    }
    assert "save it as JPEG (.jpg), PNG or WebP" in SAVE_AS


@pytest.mark.parametrize(
    ("make", "what"),
    [
        (lambda path: _jpeg_with_segment(path / "a.jpg", b"\xff\xfeTaken at the shelter"), "a text comment"),
        (lambda path: _jpeg_with_segment(path / "a.jpg", b"\xff\xe5private"), "data of another program (APP5 block)"),
        # Allowed blocks hold only what they are for: an Adobe block is 12 bytes, a colour profile has its header.
        (
            lambda path: _jpeg_with_segment(path / "a.jpg", b"\xff\xeeAdobe\x00\x64\x00\x00\x00\x00\x01Celje"),
            "data of another program (APP14 block)",
        ),
        (
            lambda path: _jpeg_with_segment(path / "a.jpg", b"\xff\xe2ICC_PROFILE\x00\x01\x01" + b"46.08N 15.25E" * 4),
            "data of another program in a colour profile's place (APP2 block)",
        ),
        (
            lambda path: _jpeg_with_segment(path / "a.jpg", b"\xff\xe2ICC_PROFILE\x00\x02\x02" + b"Celje shelter" * 4),
            "data of another program in a colour profile's place (APP2 block)",
        ),
        (
            lambda path: _jpeg_with_segment(path / "a.jpg", b"\xff\xdc\x00\x14" + b"46.08N 15.25E"),
            "data of another program in a part of the picture (marker FFDC)",
        ),
        (
            lambda path: _jpeg_with_segment(path / "a.jpg", b"\xff\xed" + b"Photoshop 3.0\x00"),
            "IPTC data (Photoshop's block)",
        ),
        (
            lambda path: _jpeg_with_segment(
                path / "a.jpg", b"\xff\xe0JFIF\x00\x01\x02\x00\x00\x01\x00\x01\x01\x01\x10\x20\x30"
            ),
            "a small copy of the picture (a thumbnail, which can show what was cropped away)",
        ),
        (
            lambda path: _jpeg_with_segment(path / "a.jpg", b"", after=b"46.08N 15.25E"),
            "data after the end of the picture",
        ),
        (lambda path: _png(path / "a.png", _text("Raw profile type exif", "45786966")), "EXIF data (written as text)"),
        (
            lambda path: _png(path / "a.png", PngInfo()) and _appended(path / "a.png", b"46.08N"),
            "data after the end of the picture",
        ),
        (lambda path: _private_chunk(path / "a.png"), "data of another program (prVt chunk)"),
        (lambda path: _webp(path / "a.webp", xmp=XMP_GPS), "a GPS position in its XMP data"),
        (lambda path: _webp(path / "a.webp", exif=Image.Exif()), "EXIF data"),
        (lambda path: _appended(_webp(path / "a.webp"), b"46.08N"), "data after the end of the picture"),
    ],
)
def test_any_other_hidden_data_is_refused_with_what_it_is_and_cleaned_away(tmp_path, make, what):
    path = make(tmp_path)
    assert revealing_data(path) == [what]
    assert clean_photo(path)
    assert revealing_data(path) == []
    with Image.open(path) as cleaned:
        assert cleaned.size == (40, 20)


def test_a_phone_photo_with_a_second_picture_in_it_is_refused_and_cleaned_to_the_first(tmp_path):
    """Phones store depth maps and brightness maps as further JPEGs after the first (MPF)."""
    path = tmp_path / "a.jpg"
    two_halves().save(path, "MPO", save_all=True, append_images=[Image.new("RGB", (40, 20), "white")])
    assert revealing_data(path) == ["other pictures stored with this one (MPF)", "data after the end of the picture"]
    assert clean_photo(path) and revealing_data(path) == []
    with Image.open(path) as cleaned:
        assert cleaned.format == "JPEG" and _close(cleaned.getpixel((5, 5)), (220, 20, 20))


def _appended(path: Path, data: bytes) -> Path:
    path.write_bytes(path.read_bytes() + data)
    return path


def _private_chunk(path: Path) -> Path:
    _png(path, PngInfo())
    raw = path.read_bytes()
    chunk = (6).to_bytes(4, "big") + b"prVt46.08N" + zlib.crc32(b"prVt46.08N").to_bytes(4, "big")
    path.write_bytes(raw[:33] + chunk + raw[33:])  # after the signature and IHDR
    return path


def _webp(path: Path, **options) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    two_halves().save(path, "WEBP", **options)
    return path


@pytest.mark.parametrize(
    ("name", "options"),
    [
        ("baseline.jpg", {"quality": 92}),
        ("progressive.jpg", {"quality": 92, "progressive": True, "optimize": True}),
        ("restarts.jpg", {"quality": 92, "restart_marker_blocks": 1}),
        ("profile.jpg", {"icc_profile": SRGB}),
        ("cmyk.jpg", {"mode": "CMYK"}),
        ("plain.png", {}),
        ("profile.png", {"icc_profile": SRGB}),
        ("transparent.png", {"mode": "RGBA"}),
        ("palette.png", {"mode": "P", "transparency": 0}),
        ("lossy.webp", {"quality": 80}),
        ("lossless.webp", {"lossless": True, "icc_profile": SRGB}),
        ("animated.webp", {"animated": True}),
        ("animated.png", {"animated": True}),
    ],
)
def test_a_clean_photo_is_accepted_as_a_browsers_canvas_or_pillow_makes_it(tmp_path, name, options):
    options = dict(options)
    image = two_halves()
    if mode := options.pop("mode", None):
        image = image.convert(mode)
    if options.pop("animated", False):
        options.update(save_all=True, append_images=[two_halves().transpose(Image.Transpose.FLIP_LEFT_RIGHT)])
    path = tmp_path / name
    image.save(path, **options)
    assert revealing_data(path) == []
    assert check_photos(tmp_path, tmp_path) == []
    if "icc_profile" in options:
        with Image.open(path) as saved:
            assert saved.info["icc_profile"] == SRGB


def test_a_photo_that_tells_a_place_stops_the_build_with_the_way_to_clean_it(tmp_path):
    photo(tmp_path / "docs/assets/images/news/workshop.jpg", serial="SN1")
    two_halves().save(tmp_path / "docs/assets/images/news/clean.png")
    (tmp_path / "docs/assets/images/news/phone.heic").write_bytes(b"\x00\x00\x00\x18ftypheic")
    assert [str(problem) for problem in check_photos(tmp_path / "docs", tmp_path)] == [
        "docs/assets/images/news/phone.heic: photo: the site takes photos as JPEG, PNG or WebP; a .heic file cannot "
        "be checked for the hidden data it may carry (the place where it was taken, …): save it as JPEG (.jpg), PNG "
        "or WebP (on a phone: share or export it as JPEG; on a computer: open it and save a copy as .jpg), upload "
        "that, and delete this file",
        "docs/assets/images/news/workshop.jpg: photo: this photo carries the GPS position where it was taken and "
        f"the camera's serial number, which would be public in the repository: {HOW_TO_CLEAN}",
    ]


@pytest.mark.parametrize(("kind", "suffix"), [("JPEG", ".jpg"), ("PNG", ".png"), ("WEBP", ".webp")])
def test_cleaning_removes_the_data_and_turns_the_pixels_upright(tmp_path, kind, suffix):
    path = photo(tmp_path / f"a{suffix}", kind, orientation=6, serial="SN1", xmp=XMP_GPS)
    with Image.open(path) as original:
        expected = ImageOps.exif_transpose(original).convert("RGB")
    assert clean_photo(path)
    with Image.open(path) as cleaned:
        exif = cleaned.getexif()
        assert cleaned.format == kind and not {0x8825, 0x8769, 0x0112, 0x010F} & set(exif) and "xmp" not in cleaned.info
        assert cleaned.size == expected.size == (20, 40)
        pixels = cleaned.convert("RGB")
        for point in ((10, 5), (10, 35)):  # the red half is on top once turned
            assert _close(pixels.getpixel(point), expected.getpixel(point)), point
    assert revealing_data(path) == []
    assert not clean_photo(path)  # nothing left to remove: not touched again


@pytest.mark.parametrize(("kind", "suffix"), [("JPEG", ".jpg"), ("PNG", ".png"), ("WEBP", ".webp")])
def test_a_photo_that_needs_no_turning_keeps_its_picture_byte_for_byte_and_its_colour_profile(tmp_path, kind, suffix):
    path = tmp_path / f"a{suffix}"
    exif = Image.Exif()
    exif[0x8825] = GPS
    two_halves().save(path, kind, exif=exif, xmp=XMP_GPS, icc_profile=SRGB)
    before = [piece.raw for piece in photoparts.pieces(path.read_bytes()) if not piece.hidden]
    assert clean_photo(path)
    after = photoparts.pieces(path.read_bytes())
    assert not any(piece.hidden for piece in after)
    if kind == "WEBP":  # the same chunks; the header says there is no EXIF or XMP any more
        assert [piece.raw for piece in after][2:] == before[2:] and after[1].raw[8] & 0x0C == 0
    else:
        assert [piece.raw for piece in after] == before
    with Image.open(path) as cleaned:
        assert cleaned.info["icc_profile"] == SRGB and not cleaned.getexif()


def test_a_picture_under_another_name_is_refused(tmp_path):
    two_halves().save(tmp_path / "notes.txt", "PNG")
    two_halves().save(tmp_path / "pic.gif")
    (tmp_path / "page.md").write_text("# GIF89a is not at the start", encoding="utf-8")
    assert [str(problem) for problem in check_photos(tmp_path, tmp_path)] == [
        "notes.txt: photo: this file holds a picture, but its name ends in '.txt', so it would be published as it "
        f"is, with any hidden data in it: {SAVE_AS}",
        "pic.gif: photo: the site takes photos as JPEG, PNG or WebP; a .gif file cannot be checked for the hidden "
        f"data it may carry (the place where it was taken, …): {SAVE_AS}",
    ]
    assert is_photo(tmp_path / "x.JFIF") and not is_photo(tmp_path / "x.pdf")


def test_a_damaged_photo_is_refused_as_unreadable(tmp_path):
    path = photo(tmp_path / "a.jpg", gps=None)
    path.write_bytes(path.read_bytes()[:-200])
    assert isinstance(revealing_data(path), Unreadable)
    (tmp_path / "b.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00\x00\xff\xffIDAT")
    assert isinstance(revealing_data(tmp_path / "b.png"), Unreadable)


def test_run_photos_cleans_the_photos_in_place_and_says_what_it_removed(tmp_path, capsys):
    photo(tmp_path / "docs/assets/images/a.jpg")
    photo(tmp_path / "docs/el/results/b.png", "PNG", gps=None)
    assert clean_photos.main([], root=tmp_path) == 0
    assert capsys.readouterr().out.splitlines() == [
        "docs/assets/images/a.jpg: removed the GPS position where it was taken",
        "docs/el/results/b.png: removed EXIF data",
        "2 photo(s) cleaned, 0 already clean",
    ]
    assert check_photos(tmp_path / "docs", tmp_path) == []


def test_no_image_tracked_by_git_tells_a_place_or_a_person():
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout.decode()
    images = [ROOT / name for name in listed.split("\0") if is_photo(Path(name))]
    assert all(path.suffix.lower() in PHOTO_TYPES for path in images)
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


def test_a_jpeg_whose_picture_does_not_decode_is_refused_as_unreadable(tmp_path):
    # Arithmetic-coding conditions (DAC) the decoder cannot use: the parts look right, the picture is not one.
    path = _jpeg_with_segment(tmp_path / "a.jpg", b"\xff\xcc\x00\x01")
    assert isinstance(revealing_data(path), Unreadable)
