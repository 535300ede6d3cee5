"""The CiSoTRA model (WP8) as data, drawn as a scheme, and the same content as text."""

from pathlib import Path
from xml.etree import ElementTree

import pytest

from cisotra.errors import DataError
from cisotra.model import load_model, render_scheme, render_text

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "site"
CODES = ("en", "si", "el", "tr")
LABELS = {
    "change": "Should change",
    "organisations": "Organisations",
    "connections": "What they can expect of each other",
}
SVG = "{http://www.w3.org/2000/svg}"


def words(element) -> str:
    """A label's text: its lines (tspans) joined by spaces, as it reads."""
    return " ".join(span.text for span in element.iter(f"{SVG}tspan"))


@pytest.fixture
def model():
    return load_model(FIXTURE / "data" / "model.yml", CODES, FIXTURE)


def test_the_scheme_is_valid_svg_with_every_organisation_and_connection(model):
    svg = ElementTree.fromstring(render_scheme(model, "el", "en", "en", "The scheme", "3 organisations"))
    nodes = svg.findall(f".//{SVG}g[@class='cisotra-model__node']")
    edges = svg.findall(f".//{SVG}line[@class='cisotra-model__edge']")
    assert [node.get("id") for node in nodes] == [f"model-{node.id}" for node in model.nodes]
    assert [words(node) for node in nodes] == ["Σχολεία", "Youth support services", "Employment offices & <agencies>"]
    assert [edge.find(f"{SVG}title").text for edge in edges] == [
        "A named contact for each young person.",
        "Συμβουλές πριν από τα 18.",
    ]
    assert svg.find(f"{SVG}title").text == "The scheme" and svg.get("role") == "img"


def test_the_text_below_says_everything_the_figure_shows(model):
    html = f"<div>{render_text(model, 'el', 'en', 'en', LABELS)}</div>"
    listing = ElementTree.fromstring(html)
    scheme = ElementTree.fromstring(render_scheme(model, "el", "en", "en", "t", "d"))
    figure_texts = {words(node) for node in scheme.iter(f"{SVG}text")} | {
        title.text for title in scheme.iter(f"{SVG}title") if title.text not in ("t",)
    }
    listed = "".join(listing.itertext())
    assert all(text in listed for text in figure_texts), figure_texts
    assert "Plan the move from school to work" in listed
    fallback = listing.find(".//span[@lang='en']")
    assert fallback is not None  # texts shown in English on a Greek page say so


@pytest.mark.parametrize(
    ("find", "replace", "expected"),
    [
        (
            "    to: youth-services\n",
            "    to: youth-service\n",
            "data/model.yml:12: schools → youth-service: to: unknown organisation 'youth-service' (expected an id of nodes: schools, youth-services, employment-offices)",
        ),
        (
            '    name: {en: "Schools", el: "Σχολεία"}\n',
            '    name: {el: "Σχολεία"}\n',
            "data/model.yml:3: schools: name: missing the text in en, the site's default language (required; other languages fall back to it)",
        ),
        (
            '    expects: {en: "A named contact for each young person."}\n',
            "",
            'data/model.yml:11: schools → youth-services: expects: missing (expected a text per language, such as  en: "…")',
        ),
        (
            "connections:\n",
            "connection:\n",
            "data/model.yml:10: connection: unknown field (did you mean connections? expected one of: nodes, connections)",
        ),
    ],
)
def test_a_mistake_in_the_model_is_named_with_line_and_field(tmp_path, find, replace, expected):
    text = (FIXTURE / "data" / "model.yml").read_text(encoding="utf-8")
    assert find in text
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "model.yml").write_text(text.replace(find, replace, 1), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_model(tmp_path / "data" / "model.yml", CODES, tmp_path)
    assert [str(problem) for problem in caught.value.problems] == [expected]


def test_an_empty_model_is_no_model_yet():
    root = FIXTURE.parent.parent.parent
    assert load_model(root / "data" / "model.yml", ("en", "si", "de", "it", "el", "tr"), root).nodes == []


def test_an_organisation_is_listed_once(tmp_path):
    (tmp_path / "model.yml").write_text(
        "nodes:\n  - id: schools\n    name: {en: Schools}\n  - id: schools\n    name: {en: Schools}\nconnections: []\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as caught:
        load_model(tmp_path / "model.yml", CODES, tmp_path)
    assert [str(problem) for problem in caught.value.problems] == [
        "model.yml:4: schools: id: used twice (first on line 2)"
    ]
