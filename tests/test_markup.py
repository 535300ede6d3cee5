"""Putting generated text into a page's Markdown (cisotra.markup)."""

from __future__ import annotations

from cisotra.markup import insert_after_title, insert_before_first_section, insert_into_first_section

PAGE = "# Title\n\nIntro.\n\n## First\n\nText.\n\n## Second\n"


def test_after_title_goes_under_the_first_level_one_heading():
    assert insert_after_title(PAGE, "<p>X</p>").startswith("# Title\n\n<p>X</p>\n\n\nIntro.")
    assert insert_after_title("Just text.", "<p>X</p>") == "<p>X</p>\n\nJust text."


def test_before_first_section_keeps_the_pages_own_sections_after_it():
    out = insert_before_first_section(PAGE, "<p>X</p>")
    assert out.index("Intro.") < out.index("<p>X</p>") < out.index("## First")
    assert insert_before_first_section("# T\n\nNo sections.", "<p>X</p>").rstrip().endswith("<p>X</p>")


def test_into_first_section_goes_right_under_its_heading():
    out = insert_into_first_section(PAGE, "<p>X</p>")
    assert out.index("## First") < out.index("<p>X</p>") < out.index("Text.") < out.index("## Second")
    assert insert_into_first_section("# T\n\nNo sections.", "<p>X</p>").rstrip().endswith("<p>X</p>")
