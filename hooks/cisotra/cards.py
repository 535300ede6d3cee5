"""Share cards: the picture a social network or messenger shows for a link to a page.

Each is a 1200×630 PNG drawn at build time with Pillow: the project's name, the page's
title in its language, and the EU emblem with the funding statement. The fonts ship with
the project (assets/fonts/, DejaVu Sans: Latin, Greek and Turkish letters), so no card
depends on the machine that builds it, and a title with a letter the font lacks stops
the build instead of showing an empty box.

A card's file name is a hash of everything drawn on it, so an unchanged page keeps its
card, and a build reuses the cards kept in the cache folder instead of drawing them again.
"""

from __future__ import annotations

import functools
import hashlib
import io
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from fontTools.ttLib import TTFont
from PIL import Image, ImageDraw, ImageFont

from .cachefiles import write_atomically

SIZE = (1200, 630)
VERSION = "3"  # change to redraw every card (a new layout)
BLUE = (29, 79, 145)
INK = (26, 26, 26)
MARGIN = 64


@dataclass(frozen=True)
class CardText:
    title: str  # the page's title, in its language
    name: str  # the project's name (CiSoTRA)
    funding: str  # the funding statement, in the page's language


@dataclass(frozen=True)
class CardAssets:
    regular: Path
    bold: Path
    emblem: Path  # the EU emblem as a PNG

    @functools.cached_property
    def fingerprint(self) -> str:
        digest = hashlib.sha256()
        for path in (self.regular, self.bold, self.emblem):
            digest.update(path.read_bytes())
        return digest.hexdigest()


def file_name(card: CardText, assets: CardAssets) -> str:
    """The card's file name: the same text on the same assets gives the same name."""
    digest = hashlib.sha256(
        "\x00".join((VERSION, assets.fingerprint, card.title, card.name, card.funding)).encode("utf-8")
    )
    return digest.hexdigest()[:20] + ".png"


def describe(card: CardText) -> str:
    """The card's alternative text: what it shows, each thing once. The project's name heads every
    card, so a title that begins with it (the home page's "CiSoTRA – …") does not get it again."""
    title = card.title.strip()
    heading = title if _begins_with(title, card.name) else f"{card.name}: {title}"
    if not heading.endswith(_SENTENCE_ENDS):
        heading += "."
    return f"{heading} {card.funding}"


# What ends a title as a sentence: ";" is the Greek question mark.
_SENTENCE_ENDS = (".", "!", "?", ";", "…")


def _begins_with(text: str, name: str) -> bool:
    """Whether `text` begins with the word `name` (not merely with its letters: "CiSoTRAnet" does not)."""
    if not text.casefold().startswith(name.casefold()):
        return False
    rest = text[len(name) :]
    return not rest or not rest[0].isalnum()


def missing_letters(text: str, font: Path) -> list[str]:
    """The characters of `text` the font has no glyph for (shown as empty boxes if drawn)."""
    covered = _coverage(str(font))
    return sorted({char for char in text if not char.isspace() and ord(char) not in covered})


@functools.lru_cache(maxsize=4)
def _coverage(font: str) -> frozenset[int]:
    with TTFont(font, lazy=True) as loaded:
        return frozenset(loaded.getBestCmap())


def card(card: CardText, assets: CardAssets, cache: Path) -> Path:
    """The card's file in the cache folder, drawn first if it is not there yet."""
    cached = cache / file_name(card, assets)
    if not cached.exists():
        data = draw(card, assets)
        write_atomically(cached, data)  # a build stopped half-way leaves no half-written card behind
    return cached


def publish(cached: Path, target: Path) -> None:
    """Put a cached card into the site: a hard link where the two folders share a disk (a
    build writes thousands of cards, and copying them was most of a warm build's card time),
    a copy where they do not. Nothing writes to a published card, so the two stay equal."""
    if target.exists():
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(cached, target)
    except OSError:
        shutil.copyfile(cached, target)


def draw(card: CardText, assets: CardAssets) -> bytes:
    out = io.BytesIO()
    # A few colours draw these cards: a palette PNG is a fifth of the size of a full-colour one.
    # Every card is mapped onto one palette, taken once from a reference card: finding a palette
    # for each card took twice as long as drawing it.
    image = _draw(card, assets).quantize(palette=_palette(assets), dither=Image.Dither.NONE)
    image.save(out, "PNG", compress_level=6)
    return out.getvalue()


@functools.lru_cache(maxsize=2)
def _palette(assets: CardAssets) -> Image.Image:
    """The colours of the design (blue band, ink, white, the emblem and the shades between them)."""
    reference = CardText("CiSoTRA ÀÉÎÕÜ ΑΒΓΔ İŞĞ čšž Reference", "CiSoTRA", "Erasmus+ ΑΒΓ İŞ čš")
    return _draw(reference, assets).quantize(colors=64, method=Image.Quantize.FASTOCTREE)


@functools.lru_cache(maxsize=2)
def _emblem(path: Path) -> Image.Image:
    with Image.open(path) as emblem:
        return emblem.convert("RGB").resize((150, 100), Image.Resampling.LANCZOS)


def _draw(card: CardText, assets: CardAssets) -> Image.Image:
    missing = missing_letters(card.title + card.name + card.funding, assets.bold) or missing_letters(
        card.funding, assets.regular
    )
    if missing:
        raise ValueError(f"the card's font has no letter for {' '.join(missing)}: its title would show empty boxes")
    image = Image.new("RGB", SIZE, "white")
    pen = ImageDraw.Draw(image)
    pen.rectangle((0, 0, SIZE[0], 120), fill=BLUE)
    pen.text((MARGIN, 60), card.name, font=_font(assets.bold, 52), fill="white", anchor="lm")
    size, lines = _fit(card.title, assets.bold, SIZE[0] - 2 * MARGIN, sizes=(68, 60, 52, 46), height=270)
    title_font = _font(assets.bold, size)
    y = 170
    for line in lines:
        pen.text((MARGIN, y), line, font=title_font, fill=INK)
        y += int(size * 1.22)
    image.paste(_emblem(assets.emblem), (MARGIN, SIZE[1] - MARGIN - 100))
    statement_size, statement = _fit(card.funding, assets.regular, SIZE[0] - 3 * MARGIN - 150, (30, 26, 22), 100)
    statement_font = _font(assets.regular, statement_size)
    top = SIZE[1] - MARGIN - 50 - len(statement) * int(statement_size * 1.25) / 2
    for index, line in enumerate(statement):
        pen.text((MARGIN + 150 + 32, top + index * statement_size * 1.25), line, font=statement_font, fill=INK)
    return image


@functools.lru_cache(maxsize=32)
def _font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(path), size)


def _fit(text: str, font: Path, width: int, sizes: tuple[int, ...], height: int) -> tuple[int, list[str]]:
    """The largest size at which `text` wraps into lines of `width` pixels that fit `height`
    (at the smallest size, the last line that fits ends with an ellipsis)."""
    for size in sizes:
        lines = _wrap(text, _font(font, size), width)
        if len(lines) * size * 1.22 <= height:
            return size, lines
    size = sizes[-1]
    lines = _wrap(text, _font(font, size), width)[: max(1, int(height // (size * 1.22)))]
    lines[-1] = lines[-1].rstrip(" .,;:") + "…"
    return size, lines


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and font.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]
