"""Share cards drawn in the page's language, with a font that has every letter of it."""

from pathlib import Path

import pytest
from PIL import Image

from cisotra.cards import SIZE, CardAssets, CardText, card, describe, draw, file_name, missing_letters, publish

ROOT = Path(__file__).resolve().parent.parent
ASSETS = CardAssets(
    ROOT / "assets" / "fonts" / "DejaVuSans.ttf",
    ROOT / "assets" / "fonts" / "DejaVuSans-Bold.ttf",
    ROOT / "docs" / "assets" / "images" / "eu-emblem.png",
)
TITLES = {
    "el": (
        "Εθνικά σεμινάρια 2019 σε πέντε χώρες-εταίρους",
        "Συγχρηματοδοτείται από το πρόγραμμα Erasmus+ της Ευρωπαϊκής Ένωσης",
    ),
    "tr": (
        "İstanbul'da altıncı proje toplantısı: ışık, ğüşöç",
        "Avrupa Birliği Erasmus+ Programı tarafından ortaklaşa finanse edilmektedir",
    ),
    "si": ("Šesto projektno srečanje v Istanbulu – čaša", "Sofinancira program Erasmus+ Evropske unije"),
    "de": (
        "Fortbildung für Fachkräfte: Übergänge gestalten (ß)",
        "Kofinanziert durch das Programm Erasmus+ der Europäischen Union",
    ),
}


@pytest.mark.parametrize("code", list(TITLES))
def test_every_letter_of_a_title_has_a_glyph_and_the_card_is_1200_by_630(code, tmp_path):
    title, funding = TITLES[code]
    for font in (ASSETS.regular, ASSETS.bold):
        assert missing_letters(title + funding, font) == []
    path = tmp_path / "card.png"
    path.write_bytes(draw(CardText(title, "CiSoTRA", funding), ASSETS))
    with Image.open(path) as image:
        assert image.size == SIZE and image.format == "PNG"


def test_a_letter_the_font_lacks_stops_instead_of_drawing_an_empty_box():
    assert missing_letters("Proje 項目", ASSETS.bold) == ["目", "項"]
    with pytest.raises(ValueError, match="the card's font has no letter for 目 項"):
        draw(CardText("Proje 項目", "CiSoTRA", "x"), ASSETS)


def test_an_unchanged_card_keeps_its_name_and_comes_from_the_cache(tmp_path):
    text = CardText(*TITLES["tr"][:1], "CiSoTRA", TITLES["tr"][1])
    cached = card(text, ASSETS, tmp_path)
    name = cached.name
    assert name == file_name(text, ASSETS) and cached.parent == tmp_path
    assert cached.read_bytes() == draw(text, ASSETS)
    stamp = cached.stat().st_mtime_ns
    assert card(text, ASSETS, tmp_path) == cached
    assert cached.stat().st_mtime_ns == stamp
    assert [path.name for path in tmp_path.iterdir()] == [name]  # no half-written file left
    other = CardText("Another title", "CiSoTRA", TITLES["tr"][1])
    assert file_name(other, ASSETS) != name


def test_a_published_card_equals_the_cached_one_on_the_same_disk_or_another(tmp_path, monkeypatch):
    text = CardText(*TITLES["el"][:1], "CiSoTRA", TITLES["el"][1])
    cached = card(text, ASSETS, tmp_path / "cache")
    publish(cached, tmp_path / "site" / "assets" / "cards" / cached.name)
    assert (tmp_path / "site" / "assets" / "cards" / cached.name).read_bytes() == cached.read_bytes()

    def no_links(*_args):
        raise OSError("cross-device link")

    monkeypatch.setattr("cisotra.cards.os.link", no_links)
    publish(cached, tmp_path / "elsewhere" / cached.name)
    assert (tmp_path / "elsewhere" / cached.name).read_bytes() == cached.read_bytes()


@pytest.mark.parametrize(
    ("title", "funding", "alt"),
    [
        # The home page's title begins with the name the card's band shows: the name is said once.
        (
            "CiSoTRA – κοινωνική ένταξη ασυνόδευτων ανηλίκων",
            TITLES["el"][1],
            "CiSoTRA – κοινωνική ένταξη ασυνόδευτων ανηλίκων. " + TITLES["el"][1],
        ),
        ("CiSoTRA projesi ve ilk planları", TITLES["tr"][1], "CiSoTRA projesi ve ilk planları. " + TITLES["tr"][1]),
        ("cisotra: e-newsletter 1", "Funded.", "cisotra: e-newsletter 1. Funded."),
        # Any other title is the name's page: both are on the card.
        (TITLES["si"][0], TITLES["si"][1], f"CiSoTRA: {TITLES['si'][0]}. {TITLES['si'][1]}"),
        ("CiSoTRAnet – a word that only begins alike", "F", "CiSoTRA: CiSoTRAnet – a word that only begins alike. F"),
        # A title that ends a sentence already is not given a second full stop (";" asks in Greek).
        ("Τι ήταν το CiSoTRA;", "F", "CiSoTRA: Τι ήταν το CiSoTRA; F"),
        ("What comes next?", "F", "CiSoTRA: What comes next? F"),
    ],
)
def test_the_alternative_text_says_what_the_card_shows_and_the_name_once(title, funding, alt):
    assert describe(CardText(title, "CiSoTRA", funding)) == alt
