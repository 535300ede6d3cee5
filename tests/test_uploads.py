"""Uploaded files: only the kinds the site publishes, and drawings that can only draw."""

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
        ('<use xlink:href="javascript:alert(1)"/>', "links to 'javascript:alert(1)'"),
        ('<image href="https://tracker.example/p.png"/>', "links to 'https://tracker.example/p.png'"),
        ("<foreignObject><div/></foreignObject>", "contains <foreignObject>"),
        ("<style>@import url(https://example.org/x.css);</style>", "has a style rule (@…), which can load a file"),
        # An animation can turn a harmless link into a script; a drawing has no links at all.
        ('<a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a>', "contains <a>"),
        ('<animate attributeName="href" values="javascript:alert(1)"/>', "contains <animate>"),
        # Escapes, rules and image functions in a style can hide an address from any pattern.
        (
            '<style>rect { fill: url("\\68ttps://evil.example/x") }</style>',
            "has a style with an escape (\\), which can hide an address",
        ),
        ("<rect style=\"background: image-set('https://evil.example/x' 1x)\"/>", "has a style that loads a file"),
        (
            '<rect style="fill: URL( https://evil.example/x )"/>',
            "has style='fill: URL( https://evil.example/x )', which loads a file",
        ),
        # Presentation attributes load files too, unless they point into the drawing.
        (
            '<rect filter="url(https://evil.example/f.svg#f)"/>',
            "has filter='url(https://evil.example/f.svg#f)', which loads a file",
        ),
        ('<use href="https://evil.example/u.svg#a"/>', "links to 'https://evil.example/u.svg#a'"),
        # A presentation attribute is read as style: escapes and image functions load files there too.
        (
            '<rect fill="\\75rl(https://evil.example/p.svg#p)"/>',
            "has a style with an escape (\\), which can hide an address",
        ),
        ("<rect mask=\"image-set('https://evil.example/m.png' 1x)\"/>", "has a style that loads a file"),
        ('<style onload="alert(1)">rect { fill: red }</style>', "has an onload attribute (a script)"),
        # Style text after a child element is style too.
        ("<style><g/>svg{background:url(https://evil.example/t.png)}</style>", "has an element inside its <style>"),
        # Another vocabulary inside the drawing: XHTML's <meta http-equiv="refresh"> navigates away.
        (
            '<h:meta xmlns:h="http://www.w3.org/1999/xhtml" http-equiv="refresh" content="0;url=https://e.example/"/>',
            "contains <meta> from another vocabulary (http://www.w3.org/1999/xhtml)",
        ),
    ],
)
def test_a_drawing_that_runs_or_loads_something_is_named(inside, found):
    assert svg_problem(SVG.format(inside).encode()) == found


def test_a_plain_drawing_passes_and_a_document_type_or_an_instruction_does_not():
    drawing = (
        '<defs><linearGradient id="g"><stop offset="0" stop-color="#039"/></linearGradient></defs>'
        '<style>.a { fill: url(#g); stroke: #fc0 }</style><rect class="a" style="fill: url(\'#g\')" mask="url(#m)"/>'
        '<use xlink:href="#a"/><image href="data:image/png;base64,AAAA"/><text xml:space="preserve">EU</text>'
    )
    assert svg_problem(SVG.format(drawing).encode()) is None
    assert (
        svg_problem(b'<?xml version="1.0"?><?xml-stylesheet href="https://e.example/s.css"?>' + SVG.format("").encode())
        == "has a processing instruction <?xml-stylesheet"
    )
    assert (
        svg_problem(b'<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg>&a;</svg>')
        == "declares its own document type or entities"
    )
    for drawing in (ROOT / "docs" / "assets" / "images").glob("*.svg"):
        assert svg_problem(drawing.read_bytes()) is None, drawing


def test_only_the_kinds_of_file_the_site_publishes_are_uploaded_and_the_sites_own_code_is_not_checked(tmp_path):
    files = {
        "en/results/page.html": "<script>alert(1)</script>",
        # Served as application/xml, XHTML in any XML type runs on the site's address.
        "assets/files/schema.xsd": '<html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>',
        # MkDocs renders these as pages, past every check that reads .md.
        "en/evil.markdown": "<script>alert(1)</script>",
        "assets/javascripts/cisotra-x.js": "x()",
        "assets/images/a.svg": SVG.format('<circle r="1" onload="x()"/>'),
        "assets/files/report.pdf": "%PDF-1.7",
        "en/about.md": "# About",
    }
    for relative, text in files.items():
        (tmp_path / "docs" / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / relative).write_text(text, encoding="utf-8")
    found = [str(problem) for problem in check_uploads(tmp_path / "docs", tmp_path)]
    assert found[0] == (
        "docs/assets/files/schema.xsd: file: a .xsd file is not a kind of file the site publishes (it publishes "
        "only .csv, .docx, .jpeg, .jpg, .md, .odp, .ods, .odt, .pdf, .png, .pptx, .svg, .txt, .webp, .xlsx, .zip; "
        "a web page, a script or an XML file would run on the site's own address as if the site had written it): "
        "save it as PDF, or as JPEG or PNG for a picture, and delete this file; for anything else ask the maintainers"
    )
    assert found[1:] == [
        "docs/assets/images/a.svg: file: this drawing has an onload attribute (a script), which could run or load "
        "something when it is opened on its own: save it again as a plain drawing (Inkscape: File → Save As → "
        "Optimized SVG), or upload it as PNG",
        "docs/en/evil.markdown: file: pages are written in files ending in .md: rename this file to evil.md",
        "docs/en/results/page.html: file: a .html file is not a kind of file the site publishes"
        + found[0].split("is not a kind of file the site publishes", 1)[1],
    ]
