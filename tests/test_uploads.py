"""Uploaded files that would run on the site's address: pages, scripts, and drawings with scripts."""

from pathlib import Path

import pytest

from cisotra.uploads import check_uploads, svg_problem

ROOT = Path(__file__).resolve().parent.parent
SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">{}</svg>'


@pytest.mark.parametrize(
    ("inside", "found"),
    [
        ("<ScRiPt>alert(1)</ScRiPt>", "contains <ScRiPt>"),
        ('<rect width="1" height="1" onclick="alert(1)"/>', "has an onclick attribute (a script)"),
        ('<a xlink:href="javascript:alert(1)"><text>x</text></a>', "links to 'javascript:alert(1)'"),
        ('<image href="https://tracker.example/p.png"/>', "links to 'https://tracker.example/p.png'"),
        ("<foreignObject><div/></foreignObject>", "contains <foreignObject>"),
        ("<style>@import url(https://example.org/x.css);</style>", "has a style that loads a file"),
    ],
)
def test_a_drawing_that_runs_or_loads_something_is_named(inside, found):
    assert svg_problem(SVG.format(inside).encode()) == found


def test_a_plain_drawing_passes_and_a_document_type_does_not():
    assert svg_problem(SVG.format('<use xlink:href="#a"/><image href="data:image/png;base64,AAAA"/>').encode()) is None
    assert (
        svg_problem(b'<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg>&a;</svg>')
        == "declares its own document type or entities"
    )
    for drawing in (ROOT / "docs" / "assets" / "images").glob("*.svg"):
        assert svg_problem(drawing.read_bytes()) is None, drawing


def test_pages_and_scripts_uploaded_as_files_are_stopped_but_the_sites_own_code_is_not(tmp_path):
    for relative in ("en/results/page.html", "assets/javascripts/cisotra-x.js", "assets/images/a.svg"):
        (tmp_path / "docs" / relative).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / "docs/en/results/page.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    (tmp_path / "docs/assets/javascripts/cisotra-x.js").write_text("x()", encoding="utf-8")
    (tmp_path / "docs/assets/images/a.svg").write_text(SVG.format('<circle r="1" onload="x()"/>'), encoding="utf-8")
    assert [str(problem) for problem in check_uploads(tmp_path / "docs", tmp_path)] == [
        "docs/assets/images/a.svg: file: this drawing has an onload attribute (a script), which would run or load "
        "when it is opened on its own: save it again without it (Inkscape: File → Save As → Optimized SVG), or "
        "upload it as PNG",
        "docs/en/results/page.html: file: a .html file would run on the site's own address as if the site had "
        "written it; pages are written in Markdown (.md) and documents uploaded as PDF: delete this file (or ask "
        "the maintainers, who keep the site's own code in docs/assets/javascripts/)",
    ]
