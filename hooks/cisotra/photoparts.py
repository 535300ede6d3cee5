"""A JPEG, PNG or WebP file, read part by part: the picture and its colours, or hidden data.

A photo may carry many kinds of data besides its picture (EXIF, XMP, IPTC, text notes,
thumbnails, other programs' blocks, whole second pictures after the first), and new
kinds keep appearing. So nothing here looks for known bad things: each format's own
structure is walked, and every part that is not in a short list of those the picture
needs (its pixels, their encoding, its colour profile) is hidden data.

The formats are simple enough to read by hand (JPEG markers, PNG chunks, WebP's RIFF
chunks), and reading them here keeps cleaning lossless: dropping the hidden parts leaves
the picture's own bytes as they were. Not looked into: the pixels themselves, the colour
profile's contents, bytes inside a compressed stream; what a camera or phone adds on its
own never hides there.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# What the picture needs; everything else in the file is hidden data.
PNG_PICTURE = frozenset(
    {
        b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"cHRM", b"gAMA", b"iCCP", b"sBIT", b"sRGB", b"cICP",
        b"bKGD", b"hIST", b"pHYs", b"tIME", b"acTL", b"fcTL", b"fdAT",
    }
)  # fmt: skip
WEBP_PICTURE = frozenset({b"VP8 ", b"VP8L", b"VP8X", b"ALPH", b"ANIM", b"ANMF", b"ICCP"})
WEBP_FRAME = frozenset({b"VP8 ", b"VP8L", b"ALPH"})  # what an animation frame (ANMF) may hold
WEBP_EXIF_XMP_FLAGS = 0x08 | 0x04  # VP8X: "there is an EXIF / XMP chunk"
# JPEG markers of the picture: SOFn (not C4 DHT, C8 reserved, CC DAC), DHT, DAC, DQT, DRI, DNL.
JPEG_PICTURE = frozenset({*range(0xC0, 0xD0)} - {0xC8} | {0xDB, 0xDD, 0xDC})
JPEG_SOS, JPEG_EOI = 0xDA, 0xD9
JPEG_STANDALONE = frozenset({*range(0xD0, 0xD8), 0x01})  # RSTn and TEM: a marker with nothing after it
XMP_JPEG = b"http://ns.adobe.com/xap/1.0/\x00"
XMP_JPEG_EXTENSION = b"http://ns.adobe.com/xmp/extension/\x00"
TEXT_LIMIT = 1 << 20  # how much of a compressed text is read: enough for any note, not a zip bomb


class Malformed(ValueError):
    """The file does not follow its format's structure."""


@dataclass(frozen=True)
class Hidden:
    """Data in a photo that is not the picture: what it is, in words for a partner, its kind, its content."""

    what: str  # 'EXIF data'
    kind: str  # 'exif', 'xmp', 'iptc', 'text' or 'other'
    content: bytes = b""


@dataclass(frozen=True)
class Piece:
    """A run of the file's bytes: part of the picture (hidden None), or hidden data."""

    raw: bytes
    hidden: Hidden | None = None


AFTER_THE_END = Hidden("data after the end of the picture", "other")


def kind_of(data: bytes) -> str | None:
    """'JPEG', 'PNG' or 'WEBP' from the file's first bytes, or None."""
    if data.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if data.startswith(PNG_SIGNATURE):
        return "PNG"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    return None


def pieces(data: bytes) -> list[Piece]:
    """The whole file, in order, as pieces; raises Malformed if it is not a JPEG, PNG or WebP as written."""
    kind = kind_of(data)
    if kind == "JPEG":
        return _jpeg(data)
    if kind == "PNG":
        return _png(data)
    if kind == "WEBP":
        return _webp(data)
    raise Malformed("not a JPEG, PNG or WebP file")


def hidden_parts(data: bytes) -> list[Hidden]:
    return [piece.hidden for piece in pieces(data) if piece.hidden]


def picture_only(data: bytes) -> bytes:
    """The same file with every hidden part left out (the picture's bytes untouched)."""
    if kind_of(data) != "WEBP":
        return b"".join(piece.raw for piece in pieces(data) if piece.hidden is None)
    kept = [piece.raw if piece.hidden is None else _frame_picture(piece.raw) for piece in pieces(data)]
    kept = [raw for raw in kept if raw]
    body = b"".join(_without_exif_xmp_flags(raw) for raw in kept[1:])  # kept[0]: the RIFF header
    return b"RIFF" + (4 + len(body)).to_bytes(4, "little") + b"WEBP" + body


# JPEG: markers FF xx; most have a two-byte length; a scan (SOS) is followed by its coded data.


def _jpeg(data: bytes) -> list[Piece]:
    found = [Piece(data[:2])]
    at = 2
    while True:
        start = at
        if at >= len(data) or data[at] != 0xFF:
            raise Malformed("a JPEG part does not start where the previous one ends")
        while at < len(data) and data[at] == 0xFF:  # fill bytes before a marker
            at += 1
        if at >= len(data):
            raise Malformed("the JPEG file ends before its end marker")
        marker = data[at]
        at += 1
        if marker == JPEG_EOI:
            found.append(Piece(data[start:at]))
            break
        if marker in JPEG_STANDALONE:
            found.append(Piece(data[start:at]))
            continue
        length = int.from_bytes(data[at : at + 2], "big")
        end = at + length
        if length < 2 or end > len(data):
            raise Malformed("a JPEG part is longer than the file")
        body = data[at + 2 : end]
        if marker == JPEG_SOS:
            end = _end_of_scan(data, end)
        found.append(Piece(data[start:end], _jpeg_hidden(marker, body)))
        at = end
    if at < len(data):
        found.append(Piece(data[at:], AFTER_THE_END))
    return _colour_profile_checked(found)


_ICC_BLOCK = b"ICC_PROFILE\x00"
NOT_A_PROFILE = Hidden("data of another program in a colour profile's place (APP2 block)", "other")
# Parts of the picture with a fixed size: anything longer carries something else.
_FIXED_BODY = {0xDD: 2, 0xDC: 2}  # DRI: the restart interval; DNL: the number of lines


def _colour_profile_checked(found: list[Piece]) -> list[Piece]:
    """A colour profile split over APP2 blocks is kept only if it is one: blocks numbered 1 to n once
    each, and together exactly as long as the profile's header says, with its signature ('acsp')."""
    blocks = []
    for index, piece in enumerate(found):
        marked = piece.raw.lstrip(b"\xff")  # the marker, its length, its body (fill bytes before it dropped)
        if piece.hidden is None and marked[:1] == b"\xe2" and marked[3:15] == _ICC_BLOCK:
            blocks.append((index, marked[3:]))
    if not blocks:
        return found
    numbers = sorted(body[12] for _, body in blocks)
    profile = b"".join(body[14:] for _, body in sorted(blocks, key=lambda block: block[1][12]))
    whole = (
        numbers == list(range(1, len(blocks) + 1))
        and all(body[13] == len(blocks) for _, body in blocks)
        and int.from_bytes(profile[:4], "big") == len(profile)
        and profile[36:40] == b"acsp"
    )
    if whole:
        return found
    return [
        Piece(piece.raw, NOT_A_PROFILE) if any(index == i for i, _ in blocks) else piece
        for index, piece in enumerate(found)
    ]


def _end_of_scan(data: bytes, at: int) -> int:
    """Where a scan's coded data ends: at the first marker that is not stuffing (FF 00) or a restart (RSTn)."""
    while True:
        at = data.find(b"\xff", at)
        if at < 0 or at + 1 >= len(data):
            raise Malformed("the JPEG file ends inside its picture data")
        following = data[at + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7:
            at += 2
        elif following == 0xFF:
            at += 1
        else:
            return at


def _jpeg_hidden(marker: int, body: bytes) -> Hidden | None:
    if marker in _FIXED_BODY and len(body) != _FIXED_BODY[marker]:
        return Hidden(f"data of another program in a part of the picture (marker FF{marker:02X})", "other")
    if marker in JPEG_PICTURE or marker == JPEG_SOS:
        return None
    if marker == 0xE0:
        if body.startswith(b"JFIF\x00") and len(body) == 14:  # version, units, density; no thumbnail
            return None
        if body.startswith((b"JFIF\x00", b"JFXX\x00")):
            return Hidden("a small copy of the picture (a thumbnail, which can show what was cropped away)", "other")
    if marker == 0xE2 and body.startswith(_ICC_BLOCK):
        return None  # checked with the profile's other blocks, if any (_colour_profile_checked)
    if marker == 0xEE and body.startswith(b"Adobe") and len(body) == 12:  # colour transform, 12 bytes in all
        return None
    if marker == 0xE1 and body.startswith(b"Exif\x00"):
        return Hidden("EXIF data", "exif", body[6:])
    if marker == 0xE1 and body.startswith(XMP_JPEG):
        return Hidden("XMP data", "xmp", body[len(XMP_JPEG) :])
    if marker == 0xE1 and body.startswith(XMP_JPEG_EXTENSION):
        return Hidden("XMP data", "xmp", body[len(XMP_JPEG_EXTENSION) + 40 :])
    if marker == 0xED:
        return Hidden("IPTC data (Photoshop's block)", "iptc", body)
    if marker == 0xE2 and body.startswith(b"MPF\x00"):
        return Hidden("other pictures stored with this one (MPF)", "other")
    if marker == 0xFE:
        return Hidden("a text comment", "text", body)
    if 0xE0 <= marker <= 0xEF:
        return Hidden(f"data of another program (APP{marker - 0xE0} block)", "other")
    return Hidden(f"an unknown part (JPEG marker FF{marker:02X})", "other")


# PNG: after the signature, chunks of length, type, data and CRC, up to IEND.


def _png(data: bytes) -> list[Piece]:
    found = [Piece(data[:8])]
    at = 8
    while True:
        if at + 12 > len(data):
            raise Malformed("the PNG file ends before its IEND chunk")
        length = int.from_bytes(data[at : at + 4], "big")
        kind = data[at + 4 : at + 8]
        end = at + 12 + length
        if end > len(data) or not kind.isalpha():
            raise Malformed("a PNG chunk is longer than the file, or has no proper name")
        found.append(Piece(data[at:end], _png_hidden(kind, data[at + 8 : at + 8 + length])))
        at = end
        if kind == b"IEND":
            break
    if at < len(data):
        found.append(Piece(data[at:], AFTER_THE_END))
    return found


def _png_hidden(kind: bytes, body: bytes) -> Hidden | None:
    if kind in PNG_PICTURE:
        return None
    if kind == b"eXIf":
        return Hidden("EXIF data", "exif", body)
    if kind in (b"tEXt", b"zTXt", b"iTXt"):
        keyword, text = _png_text(kind, body)
        if keyword == b"XML:com.adobe.xmp":
            return Hidden("XMP data", "xmp", text)
        if keyword.startswith(b"Raw profile type exif") or keyword.startswith(b"Raw profile type APP1"):
            return Hidden("EXIF data (written as text)", "text", text)
        return Hidden("a text note", "text", text)
    return Hidden(f"data of another program ({_shown(kind)} chunk)", "other")


def _png_text(kind: bytes, body: bytes) -> tuple[bytes, bytes]:
    """A text chunk's keyword and its text, uncompressed (at most TEXT_LIMIT bytes)."""
    keyword, _, rest = body.partition(b"\x00")
    if kind == b"tEXt":
        return keyword, rest
    if kind == b"zTXt":
        return keyword, _inflated(rest[1:])
    compressed, rest = rest[:1] == b"\x01", rest[2:]  # flag, method
    _language, _, rest = rest.partition(b"\x00")
    _translated, _, text = rest.partition(b"\x00")
    return keyword, _inflated(text) if compressed else text


def _inflated(data: bytes) -> bytes:
    try:
        return zlib.decompressobj().decompress(data, TEXT_LIMIT)
    except zlib.error:
        return data


# WebP: a RIFF file of chunks (four-letter name, little-endian size, data, a pad byte to an even size).


def _webp(data: bytes) -> list[Piece]:
    size = int.from_bytes(data[4:8], "little")
    if size < 4 or size % 2 or 8 + size > len(data):
        raise Malformed("the WebP file's size does not match its contents")
    end_of_riff = 8 + size
    found = [Piece(data[:12])]
    for kind, raw in _riff_chunks(data, 12, end_of_riff):
        if kind == b"ANMF":
            found.append(_webp_frame(raw))
        else:
            found.append(Piece(raw, _webp_hidden(kind, raw[8:])))
    if end_of_riff < len(data):
        found.append(Piece(data[end_of_riff:], AFTER_THE_END))
    return found


def _riff_chunks(data: bytes, at: int, end: int) -> list[tuple[bytes, bytes]]:
    chunks = []
    while at < end:
        if at + 8 > end:
            raise Malformed("a WebP chunk is cut short")
        length = int.from_bytes(data[at + 4 : at + 8], "little")
        after = at + 8 + length + length % 2
        if after > end:
            raise Malformed("a WebP chunk is longer than the file")
        chunks.append((data[at : at + 4], data[at:after]))
        at = after
    return chunks


def _webp_hidden(kind: bytes, body: bytes) -> Hidden | None:
    if kind in WEBP_PICTURE:
        return None
    if kind == b"EXIF":
        return Hidden("EXIF data", "exif", body)
    if kind == b"XMP ":
        return Hidden("XMP data", "xmp", body)
    return Hidden(f"data of another program ({_shown(kind)} chunk)", "other")


def _webp_frame(raw: bytes) -> Piece:
    """An animation frame, kept as its picture only: another program's chunk inside one is hidden data too."""
    inner = _riff_chunks(raw, 24, len(raw))  # 8: the frame's own header; 16: position, size, timing
    others = [kind for kind, _chunk in inner if kind not in WEBP_FRAME]
    if not others:
        return Piece(raw)
    return Piece(raw, Hidden(f"data of another program ({_shown(others[0])} chunk in a frame)", "other"))


def _frame_picture(raw: bytes) -> bytes:
    """An animation frame without the chunks it should not hold; b"" for any other hidden chunk."""
    if raw[:4] != b"ANMF":
        return b""
    body = raw[8:24] + b"".join(chunk for kind, chunk in _riff_chunks(raw, 24, len(raw)) if kind in WEBP_FRAME)
    return b"ANMF" + len(body).to_bytes(4, "little") + body


def _without_exif_xmp_flags(raw: bytes) -> bytes:
    if raw[:4] != b"VP8X":
        return raw
    return raw[:8] + bytes([raw[8] & ~WEBP_EXIF_XMP_FLAGS & 0xFF]) + raw[9:]


def _shown(name: bytes) -> str:
    """A chunk's name from the file, safe to print: letters, digits and spaces only."""
    return re.sub(r"[^A-Za-z0-9 ]", "?", name.decode("latin-1")).strip() or "?"
