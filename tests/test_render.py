"""Templates with escaping (cisotra.render): a value from the data is text wherever it lands."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import markdown as python_markdown
import pytest
from markupsafe import Markup

from cisotra.context import Context, Part
from cisotra.render import MarkdownBlock, from_markdown, html, identifier, inline, markdown, script_json

# Everything a partner might type that means something to HTML, Markdown, YAML, JSON or Jinja.
PAYLOAD = (
    """The "CiSoTRA model" <b>meeting</b> & 'Naples' </script><!-- {{ 7*7 }} {% raw %} *x* [a](b) {#id} `c` \\ ]]>"""
)


def test_inline_text_is_never_read_as_markdown_or_html():
    assert inline("<b>*x*</b> [a](b)") == r"&lt;b&gt;\*x\*&lt;/b&gt; \[a\]\(b\)"


def test_inline_text_reads_back_as_written_through_markdown():
    rendered = python_markdown.markdown(inline(PAYLOAD), extensions=["attr_list"])
    assert text_of(rendered) == PAYLOAD


def test_a_block_made_by_the_site_goes_into_markdown_as_it_is():
    assert inline(MarkdownBlock("<!--x-->")) == "<!--x-->"
    assert inline(Markup("<p>x</p>")) == "<p>x</p>"


def test_an_html_template_escapes_every_value_in_text_and_attributes():
    out = html("back-link.html", href='x" onmouseover="alert(1)', text=PAYLOAD)
    assert isinstance(out, Markup)
    parser = Collect()
    parser.feed(out)
    assert parser.attributes == [("p", "class", "cisotra-post__back"), ("a", "href", 'x" onmouseover="alert(1)')]
    assert parser.text == PAYLOAD


def test_a_template_output_is_not_rendered_again_as_a_template():
    assert "{{ 7*7 }}" in html("back-link.html", href="x", text="{{ 7*7 }}")
    assert "49" not in html("back-link.html", href="x", text="{{ 7*7 }}")


def test_a_markdown_template_shows_values_as_written_and_blocks_as_they_are():
    out = markdown("section.md", heading=PAYLOAD, anchor="results", block=MarkdownBlock("<!--cisotra-html:1-->"))
    assert isinstance(out, MarkdownBlock)
    assert "<!--cisotra-html:1-->" in out
    rendered = python_markdown.markdown(out, extensions=["attr_list"])
    heading = re.search(r"<h2 id=\"results\">(.*)</h2>", rendered, re.S)
    assert heading, rendered
    assert text_of(heading.group(1)) == PAYLOAD


def test_an_anchor_must_be_an_identifier():
    assert identifier("year-2019") == "year-2019"
    with pytest.raises(ValueError, match="not an identifier"):
        identifier('x} onclick="y')


def test_a_misspelt_name_in_a_template_stops_the_build():
    with pytest.raises(Exception, match="undefined"):
        html("back-link.html", href="x")


def test_json_for_a_script_element_cannot_end_it():
    data = {"name": PAYLOAD}
    text = script_json(data)
    assert "</script" not in text.lower() and "<!--" not in text
    assert json.loads(text) == data


def test_html_from_markdown_is_the_one_markup_inserted_as_it_is():
    assert from_markdown("<p>x</p>") == Markup("<p>x</p>")


def test_a_sentence_with_links_keeps_its_words_as_text():
    ctx = Context(
        code="en",
        tag="en",
        default_code="en",
        default_tag="en",
        strings={"k": "See {a} & {b}."},
        today=__import__("datetime").date(2020, 1, 1),
        prefix="",
    )
    parts = ctx.sentence("k", a=("<the timeline>", "t/"), b=("news", "n/?a=1&b=2"))
    assert parts == [
        Part("See "),
        Part("<the timeline>", "t/"),
        Part(" & "),
        Part("news", "n/?a=1&b=2"),
        Part("."),
    ]
    out = html("home-state.html", phase="completed", sentences=[parts])
    parser = Collect()
    parser.feed(out)
    assert parser.text == "See <the timeline> & news."
    assert ("a", "href", "n/?a=1&b=2") in parser.attributes


def test_a_generated_block_must_come_from_a_template():
    ctx = Context("en", "en", "en", "en", {}, __import__("datetime").date(2020, 1, 1), "")
    with pytest.raises(TypeError, match="template"):
        ctx.html_block("<p>assembled by hand</p>")
    assert ctx.html_block(Markup("<p>x</p>")) == "<p>x</p>"


# ---------------------------------------------------------------------------


class Collect(HTMLParser):
    """The text and the attributes of some HTML, decoded as a browser decodes them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text = ""
        self.attributes: list[tuple[str, str, str]] = []

    def feed(self, data):
        super().feed(str(data))  # as the browser gets it: characters, not a Markup object

    def handle_starttag(self, tag, attrs):
        self.attributes += [(tag, name, value) for name, value in attrs]

    def handle_data(self, data):
        self.text += data


def text_of(fragment: str) -> str:
    parser = Collect()
    parser.feed(fragment)
    return parser.text.strip()
