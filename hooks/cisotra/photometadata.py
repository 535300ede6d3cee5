"""No photo in the repository tells where it was taken, or whose camera took it.

The site publishes web copies of photos without their hidden data (cisotra.images), but
the repository is public too: the file a partner uploaded, as the phone made it, keeps
the GPS position of a workshop with young people, and the camera's serial number or its
owner's name. So every image under docs/ is read, and one that carries any of these
stops the build, naming the file and the ways to clean it: `./run photos`, or, without
a terminal, the site's own photo page (/photo/), which cleans a photo in the browser.

What is looked for: the EXIF GPS block (tag 0x8825) with anything in it but its version,
the camera's and the lens's serial numbers and the owner's name (EXIF 0xA431, 0xA435,
0xA430; 0xC62F), the same in XMP (exif:GPS…, aux:SerialNumber, aux:OwnerName, …,
drones' GpsLatitude) and places named in IPTC or XMP (city, sub-location, location
shown or created). A HEIC photo cannot be read here (Pillow has no HEIC decoder), and
most browsers cannot show one either: it is refused, to be saved as JPEG first.

Cleaning keeps the picture as it is seen: the EXIF orientation is applied to the pixels
(as cisotra.images does), the colour profile is kept, everything else is left behind.
A JPEG that needs no turning keeps its quantisation tables (no visible loss); one that
is turned is saved at quality 95.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, IptcImagePlugin, UnidentifiedImageError

from .errors import Problem

PHOTO_TYPES = (".jpg", ".jpeg", ".png", ".webp", ".tif", ".tiff", ".heic", ".heif")
UNREADABLE_TYPES = (".heic", ".heif")
GPS_IFD = 0x8825
EXIF_IFD = 0x8769
GPS_VERSION = 0x0000
SERIAL_OR_OWNER = {
    0xA430: "the camera owner's name",
    0xA431: "the camera's serial number",
    0xA435: "the lens's serial number",
    0xC62F: "the camera's serial number",
}
IPTC_PLACES = {(2, 90): "city", (2, 92): "sub-location", (2, 95): "province or state", (2, 101): "country"}
# In XMP (text inside the file), names of properties that hold a place or a device's identity.
_XMP_PACKET = re.compile(rb"<x:xmpmeta.*?</x:xmpmeta>", re.S)
_XMP_REVEALING = (
    (re.compile(rb"gps(?:latitude|longitude|altitude|position|coordinates)", re.I), "a GPS position in its XMP data"),
    (re.compile(rb"serialnumber", re.I), "a serial number in its XMP data"),
    (re.compile(rb"ownername", re.I), "the camera owner's name in its XMP data"),
    (
        re.compile(rb"location(?:created|shown)|iptc4xmpcore:location|photoshop:city|photoshop:state", re.I),
        "a place in its XMP data",
    ),
)
HOW_TO_CLEAN = (
    "clean it: on your computer run  ./run photos  (it cleans every photo under docs/ in place), or, without a "
    "terminal, open the site's page /photo/ (it cleans a photo in your browser, nothing is uploaded) and upload "
    "the clean copy it gives you in place of this file"
)


@dataclass(frozen=True)
class Unreadable:
    reason: str


def is_photo(path: Path) -> bool:
    return path.suffix.lower() in PHOTO_TYPES


def revealing_data(path: Path) -> list[str] | Unreadable:
    """What in this photo's hidden data tells a place or a person ('a GPS position', …); [] for none."""
    if path.suffix.lower() in UNREADABLE_TYPES:
        return Unreadable("HEIC photos cannot be checked here, and most browsers cannot show them")
    data = path.read_bytes()
    try:
        with Image.open(io.BytesIO(data)) as image:
            found = _in_exif(image.getexif())
            if image.format == "JPEG":
                found += _in_iptc(image)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return Unreadable("this file cannot be read as an image (is it damaged, or another kind of file renamed?)")
    for packet in _XMP_PACKET.findall(data):
        found += [what for pattern, what in _XMP_REVEALING if pattern.search(packet)]
    return list(dict.fromkeys(found))


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


def _in_iptc(image: Image.Image) -> list[str]:
    info = IptcImagePlugin.getiptcinfo(image) or {}
    return [f"the {name} in its IPTC data" for key, name in IPTC_PLACES.items() if info.get(key)]


def check_photos(docs: Path, shown_root: Path) -> list[Problem]:
    """Every photo under `docs` is free of GPS positions, places and camera serial numbers or owners."""
    problems = []
    for path in sorted(docs.rglob("*")):
        if not path.is_file() or not is_photo(path):
            continue
        shown = path.relative_to(shown_root)
        found = revealing_data(path)
        if isinstance(found, Unreadable):
            problems.append(
                Problem(
                    shown,
                    None,
                    "photo",
                    f"{found.reason}: save the photo as JPEG (on a phone: share or export it as JPEG; on a "
                    "computer: open it and save a copy as .jpg), upload that, and delete this file",
                )
            )
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
    """Remove a photo's hidden data in place, orientation applied to the pixels; False if there was nothing to remove."""
    found = revealing_data(path)
    if isinstance(found, Unreadable):
        raise ValueError(f"{path}: {found.reason}")
    with Image.open(path) as original:
        if not found:
            return False
        exif = original.getexif()
        kind = original.format
        icc = original.info.get("icc_profile")
        turned = exif.get(0x0112, 1) not in (None, 1)
        out = io.BytesIO()
        if kind == "JPEG" and not turned:
            # The picture's own encoding, without re-compressing it: nothing but the markers Pillow writes.
            original.save(out, format="JPEG", quality="keep", exif=b"", xmp=b"", comment=b"", **_icc(icc))
        else:
            upright = ImageOps.exif_transpose(original)
            fresh = Image.frombytes(upright.mode, upright.size, upright.tobytes())  # no info carried along
            if upright.mode == "P":
                fresh.putpalette(upright.getpalette())
            if "transparency" in upright.info:
                fresh.info["transparency"] = upright.info["transparency"]
            if kind == "JPEG" and fresh.mode not in ("RGB", "L", "CMYK"):
                fresh = fresh.convert("RGB")
            fresh.save(out, format=kind, **_OPTIONS.get(kind, {}), **_icc(icc))
    path.write_bytes(out.getvalue())
    left = revealing_data(path)
    if left:
        raise ValueError(f"{path}: still carries {left} after cleaning")
    return True


_OPTIONS = {
    "JPEG": {"quality": 95, "subsampling": "4:4:4"},
    "WEBP": {"quality": 95},
    "PNG": {"optimize": True},
    "TIFF": {"compression": "tiff_lzw"},
}


def _icc(profile: bytes | None) -> dict:
    return {"icc_profile": profile} if profile else {}
