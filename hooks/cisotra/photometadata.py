"""No photo in the repository carries anything but its picture: not where it was taken, not whose camera took it.

The site publishes web copies of photos without their hidden data (cisotra.images), but
the repository is public too: the file a partner uploaded, as the phone made it, keeps
the GPS position of a workshop with young people, and the camera's serial number or its
owner's name. Looking for those known things misses the next trick (XMP without its
wrapper, compressed, a position written in a text note, a new file type), so the rule
is an allowlist: a photo may be JPEG, PNG or WebP, and may carry only its picture and its
colour information (cisotra.photoparts reads each part of the file). Any other part stops
the build, naming the file, what the part is, and the ways to clean it: `./run photos`,
or, without a terminal, the site's own photo page (/clean-photo/), which cleans a photo
in the browser. Where the hidden data tells a place or a person, the message says so in
those words (the GPS position where it was taken, the camera's serial number, …).

Any other kind of picture under docs/ (HEIC, AVIF, GIF, TIFF, a JPEG named .jfif, …), or
a picture under a name that is not a picture's, is refused, to be saved as JPEG, PNG or
WebP: its hidden data is not read here, and the site does not make web copies of it.

Cleaning keeps the picture as it is seen. A photo that needs no turning keeps its own
bytes, only the hidden parts are left out (no loss at all); one whose EXIF orientation
turns it is turned in its pixels (as cisotra.images does) and saved again (JPEG at
quality 95), the colour profile kept.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, IptcImagePlugin, UnidentifiedImageError

from . import photoparts
from .errors import Problem

PHOTO_TYPES = (".jpg", ".jpeg", ".png", ".webp")
# Pictures the site does not take: their hidden data is not read here (a JPEG named .jfif
# or .jpe included: the site makes web copies of .jpg and .jpeg only).
OTHER_PICTURE_TYPES = (
    ".jfif", ".jpe", ".jif", ".jfi", ".heic", ".heif", ".hif", ".avif", ".gif", ".tif", ".tiff", ".bmp", ".dib",
    ".jxl", ".jp2", ".j2k", ".jpf", ".jpx", ".apng", ".ico", ".psd", ".xcf", ".tga", ".qoi",
    ".dng", ".cr2", ".cr3", ".nef", ".arw", ".orf", ".rw2", ".raf", ".srw", ".pef",
)  # fmt: skip
# The first bytes of pictures of other kinds, to find one under a name that is not a picture's.
_PICTURE_STARTS = (b"GIF8", b"II*\x00", b"MM\x00*", b"\xff\x0a", b"\x00\x00\x00\x0cJXL ", b"8BPS")
_ISO_PICTURE_BRANDS = (b"heic", b"heix", b"heim", b"heis", b"hevc", b"mif1", b"msf1", b"avif", b"avis")
GPS_IFD = 0x8825
EXIF_IFD = 0x8769
GPS_VERSION = 0x0000
ORIENTATION = 0x0112
SERIAL_OR_OWNER = {
    0xA430: "the camera owner's name",
    0xA431: "the camera's serial number",
    0xA435: "the lens's serial number",
    0xC62F: "the camera's serial number",
}
IPTC_PLACES = {(2, 90): "city", (2, 92): "sub-location", (2, 95): "province or state", (2, 101): "country"}
# In XMP (text inside the file), names of properties that hold a place or a device's identity;
# read wherever the XMP is (with or without its x:xmpmeta wrapper, compressed or not).
_XMP_REVEALING = (
    (
        re.compile(rb"gps\w{0,12}?(?:latitude|longitude|altitude|position|coordinates)", re.I),
        "a GPS position in its XMP data",
    ),
    (re.compile(rb"serialnumber", re.I), "a serial number in its XMP data"),
    (re.compile(rb"ownername", re.I), "the camera owner's name in its XMP data"),
    (
        re.compile(rb"location(?:created|shown)|iptc4xmpcore:location|photoshop:city|photoshop:state", re.I),
        "a place in its XMP data",
    ),
)
HOW_TO_CLEAN = (
    "clean it: on your computer run  ./run photos  (it cleans every photo under docs/ in place), or, without a "
    "terminal, open the site's page /clean-photo/ (it cleans a photo in your browser, nothing is uploaded) and "
    "upload the clean copy it gives you in place of this file"
)
SAVE_AS = (
    "save it as JPEG (.jpg), PNG or WebP (on a phone: share or export it as JPEG; on a computer: open it and save "
    "a copy as .jpg), upload that, and delete this file"
)
UNREADABLE = "this file cannot be read as a JPEG, PNG or WebP picture (is it damaged, or another kind of file renamed?)"


@dataclass(frozen=True)
class Unreadable:
    reason: str


def is_photo(path: Path) -> bool:
    """A picture under a picture's name: one the site takes, or one to be saved as such."""
    return path.suffix.lower() in PHOTO_TYPES + OTHER_PICTURE_TYPES


def revealing_data(path: Path) -> list[str] | Unreadable:
    """What this photo carries besides its picture ('the GPS position where it was taken', 'XMP data', …);
    [] for nothing. Unreadable for a picture of a kind the site does not take, or a damaged one."""
    suffix = path.suffix.lower()
    if suffix in OTHER_PICTURE_TYPES:
        return Unreadable(
            f"the site takes photos as JPEG, PNG or WebP; a {suffix} file cannot be checked for the hidden data "
            "it may carry (the place where it was taken, …)"
        )
    data = path.read_bytes()
    try:
        hidden = photoparts.hidden_parts(data)
        with Image.open(io.BytesIO(data)) as image:
            image.verify()  # the file's own checksums
        with Image.open(io.BytesIO(data)) as image:
            image.load()  # and the picture decodes: a part a decoder cannot read is no part of a picture
    except (
        photoparts.Malformed,
        UnidentifiedImageError,
        Image.DecompressionBombError,
        OSError,
        SyntaxError,
        ValueError,
    ):
        return Unreadable(UNREADABLE)
    return _described(data, hidden)


def _described(data: bytes, hidden: list[photoparts.Hidden]) -> list[str]:
    """Each hidden part in words: what it tells, if it tells a place or a person, else what it is."""
    told = {"exif": [], "xmp": [], "iptc": []}
    for part in hidden:
        if part.kind == "exif":
            told["exif"] += _in_exif(_exif(part.content))
        elif part.kind == "xmp":
            told["xmp"] += [what for pattern, what in _XMP_REVEALING if pattern.search(part.content)]
    if any(part.kind == "iptc" for part in hidden):
        told["iptc"] += _in_iptc(data)
    found = []
    for part in hidden:
        found += told.get(part.kind) or [part.what]
    return list(dict.fromkeys(found))


def _exif(content: bytes) -> Image.Exif:
    exif = Image.Exif()
    try:
        exif.load(content)
    except (OSError, SyntaxError, ValueError, KeyError, IndexError, TypeError):
        pass  # unreadable EXIF is still EXIF data: named as such
    return exif


def holds_a_picture(path: Path) -> bool:
    """Whether a file whose name is not a picture's starts as a picture does (browsers show it as one)."""
    with path.open("rb") as file:
        start = file.read(16)
    if photoparts.kind_of(start) or start.startswith(_PICTURE_STARTS):
        return True
    return start[4:8] == b"ftyp" and start[8:12] in _ISO_PICTURE_BRANDS


def _in_exif(exif: Image.Exif) -> list[str]:
    found = []
    gps = exif.get_ifd(GPS_IFD)
    if any(tag != GPS_VERSION for tag in gps):
        found.append("the GPS position where it was taken")
    for ifd in (exif, exif.get_ifd(EXIF_IFD)):
        for tag, what in SERIAL_OR_OWNER.items():
            value = ifd.get(tag)
            if value not in (None, "", b"") and str(value).strip("\x00 "):
                found.append(what)
    return found


def _in_iptc(data: bytes) -> list[str]:
    try:
        with Image.open(io.BytesIO(data)) as image:
            info = (IptcImagePlugin.getiptcinfo(image) if image.format == "JPEG" else None) or {}
    except (OSError, SyntaxError, ValueError, IndexError):
        info = {}
    return [f"the {name} in its IPTC data" for key, name in IPTC_PLACES.items() if info.get(key)]


def check_photos(docs: Path, shown_root: Path) -> list[Problem]:
    """Every picture under `docs` is a JPEG, PNG or WebP that carries nothing but its picture."""
    problems = []
    for path in sorted(docs.rglob("*")):
        if not path.is_file():
            continue
        shown = path.relative_to(shown_root)
        if not is_photo(path):
            if holds_a_picture(path):
                problems.append(
                    Problem(
                        shown,
                        None,
                        "photo",
                        f"this file holds a picture, but its name ends in '{path.suffix}', so it would be published "
                        f"as it is, with any hidden data in it: {SAVE_AS}",
                    )
                )
            continue
        found = revealing_data(path)
        if isinstance(found, Unreadable):
            problems.append(Problem(shown, None, "photo", f"{found.reason}: {SAVE_AS}"))
        elif found:
            problems.append(
                Problem(
                    shown,
                    None,
                    "photo",
                    f"this photo carries {_listed(found)}, which would be public in the repository: {HOW_TO_CLEAN}",
                )
            )
    return problems


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def clean_photo(path: Path) -> bool:
    """Leave out a photo's hidden data in place, orientation applied to the pixels; False if there was none."""
    found = revealing_data(path)
    if isinstance(found, Unreadable):
        raise ValueError(f"{path}: {found.reason}")
    if not found:
        return False
    data = path.read_bytes()
    with Image.open(io.BytesIO(data)) as original:
        original.load()  # a PNG's EXIF may come after its pixels
        if original.getexif().get(ORIENTATION, 1) not in (None, 1):
            data = _upright(original)
    path.write_bytes(photoparts.picture_only(data))
    left = revealing_data(path)
    if left:
        raise ValueError(f"{path}: still carries {left} after cleaning")
    return True


def _upright(original: Image.Image) -> bytes:
    """The picture turned as its EXIF orientation says, saved again with its colour profile and nothing else."""
    kind = original.format
    icc = original.info.get("icc_profile")
    upright = ImageOps.exif_transpose(original)
    fresh = Image.frombytes(upright.mode, upright.size, upright.tobytes())  # no info carried along
    if upright.mode == "P":
        fresh.putpalette(upright.getpalette())
    if "transparency" in upright.info:
        fresh.info["transparency"] = upright.info["transparency"]
    if kind == "JPEG" and fresh.mode not in ("RGB", "L", "CMYK"):
        fresh = fresh.convert("RGB")
    out = io.BytesIO()
    fresh.save(out, format=kind, **_OPTIONS.get(kind, {}), **({"icc_profile": icc} if icc else {}))
    return out.getvalue()


_OPTIONS = {
    "JPEG": {"quality": 95, "subsampling": "4:4:4"},
    "WEBP": {"quality": 95},
    "PNG": {"optimize": True},
}
