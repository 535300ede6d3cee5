"""HTML in partners' Markdown: the harmless kinds pass, anything that runs or loads is named with its line."""

from pathlib import Path

import pytest

from cisotra.markdownhtml import check_page, markdown_renderer, url_scheme

# The site's own Markdown extensions (mkdocs.yml, plus MkDocs' built-in ones).
RENDER = markdown_renderer(["toc", "tables", "fenced_code", "attr_list"], {"toc": {"permalink": False}})
FILE = Path("docs/el/news/2026-12-01-x.md")
SCRIPT = "<script> is not allowed in a page: a page cannot run scripts. Remove it; for something interactive, ask the maintainers"
ON = "the attribute {} on <{}> is not allowed: an on… attribute runs a script in the reader's browser. Remove it"
JAVASCRIPT = (
    "'{}' is a javascript: address, which runs a script in the reader's browser. Link to a page of the site with "
    "the path of its file (../about.md) or to a web address (https://…)"
)
DATA = (
    "'{}' is a data: address, which carries a whole file hidden inside the page. Upload the file to docs/ and "
    "write its path, like ../assets/images/photo.jpg"
)
OTHER_HOST = (
    "'{}' is loaded from another site, which would learn who reads the page (the site loads nothing from other "
    "hosts). Upload the image to docs/assets/images/ and write its path, like ![What it shows](../assets/images/photo.jpg)"
)
EMBED = (
    "<iframe> is not allowed in a page: it loads another site or a player into the page, and that site learns who "
    "reads it. Link to it instead, like [Watch the video](https://…)"
)
FRONT = "---\ntitle: 'Συνάντηση'\ndate: 2026-12-01\n---\n\n"  # the body starts on line 6


def problems(text: str) -> list[str]:
    return [str(problem) for problem in check_page(text, FILE, RENDER)]


def test_the_harmless_html_partners_use_passes():
    text = (
        FRONT + 'H<sub>2</sub>O<sup>1</sup> <abbr title="Erasmus+">E+</abbr> <kbd>Ctrl</kbd> <mark>νέο</mark><br>\n'
        '<small>μικρό</small> <s>old</s> <del>x</del> <ins>y</ins> <q>quote</q> <span lang="tr">İyi</span>\n\n'
        "<details><summary>Περισσότερα</summary>\n\nΚείμενο με **έντονα**.\n\n</details>\n\n"
        "| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n\n"
        "## Τίτλος {#swot .note lang=el}\n\n"
        '![Φωτογραφία](../../assets/images/photo.jpg "τίτλος") [site](../about.md#x) [web](https://example.org/?a=1&b=2) '
        "[mail](mailto:info@example.org) [phone](tel:+38612345678)\n"
        "<!-- a note for editors -->\n"
    )
    assert problems(text) == []


def test_code_spans_and_code_blocks_are_text():
    text = "Write `<script>` or ``<iframe src=x>`` as text.\n\n```html\n<script>alert(1)</script>\n```\n\n    <form>\n"
    assert problems(text) == []


@pytest.mark.parametrize(
    ("markdown", "line", "field", "message"),
    [
        ("Text <ScRiPt>alert(1)</sCrIpT> more\n", 6, "html", SCRIPT),
        ("<script>if (a<b) { x(); }</script>\n\nText\n", 6, "html", SCRIPT),  # named once, with all it holds
        ("- item\n\n    <script>alert(1)</script>\n", 8, "html", SCRIPT),  # in a list: a paragraph, not code
        ("> quote\n>\n> <script>alert(1)</script>\n", 8, "html", SCRIPT),
        ("<div>\n<p>\n<script\n>alert(1)</script></p></div>\n", 8, "html", SCRIPT),
        ("x <img src=x onerror=alert(1)>\n", 6, "html", ON.format("onerror", "img")),
        ("<div\n  class=\"a\"\n  onclick='alert(1)'>x</div>\n", 8, "html", ON.format("onclick", "div")),
        ("<b/onmouseover=alert(1)>x</b>\n", 6, "html", ON.format("onmouseover", "b")),
        ('# Τίτλος {: onclick="alert(1)" }\n', 6, "html", ON.format("onclick", "h1")),
        ("[x](javascript:alert(1))\n", 6, "link", JAVASCRIPT.format("javascript:alert(1)")),
        ("[x](JaVaScRiPt:alert(1))\n", 6, "link", JAVASCRIPT.format("JaVaScRiPt:alert(1)")),
        ("[x](javascript&colon;alert(1))\n", 6, "link", JAVASCRIPT.format("javascript:alert(1)")),
        ('<a href="jav&#x09;ascript:alert(1)">x</a>\n', 6, "link", JAVASCRIPT.format("jav\\tascript:alert(1)")),
        ("<a href=javascript&#58;alert(1)>x</a>\n", 6, "link", JAVASCRIPT.format("javascript:alert(1)")),
        ("See [this][r].\n\n[r]: javascript:alert(1)\n", 8, "link", JAVASCRIPT.format("javascript:alert(1)")),
        ('See [this][r].\n\n[r]: <javascript:alert(1)> "t"\n', 8, "link", JAVASCRIPT.format("javascript:alert(1)")),
        (
            '[x](https://example.org){: href="javascript:alert(1)" }\n',
            6,
            "link",
            JAVASCRIPT.format("javascript:alert(1)"),
        ),
        ("[x](data:text/html;base64,PHNjcmlwdD4=)\n", 6, "link", DATA.format("data:text/html;base64,PHNjcmlwdD4=")),
        ("![x](data:image/svg+xml;base64,PHN2Zz4=)\n", 6, "image", DATA.format("data:image/svg+xml;base64,PHN2Zz4=")),
        ("![pixel](https://tracker.example/p.gif)\n", 6, "image", OTHER_HOST.format("https://tracker.example/p.gif")),
        ("![pixel](//tracker.example/p.gif)\n", 6, "image", OTHER_HOST.format("//tracker.example/p.gif")),
        (
            '<img src="a.jpg" srcset="a.jpg 1x, https://tracker.example/b.jpg 2x" alt="">\n',
            6,
            "image",
            OTHER_HOST.format("https://tracker.example/b.jpg"),
        ),
        ('> <iframe src="https://video.example/embed/1"></iframe>\n', 6, "html", EMBED),
        (
            '<meta http-equiv="refresh" content="0;url=https://example.org">\n',
            6,
            "html",
            "<meta> is not allowed in a page: the site writes the page's head itself. Remove it; a page's title and "
            "description go in its front matter (title:, description:)",
        ),
        (
            '<base href="https://example.org/">\n',
            6,
            "html",
            "<base> is not allowed in a page: the site writes the page's head itself. Remove it; a page's title and "
            "description go in its front matter (title:, description:)",
        ),
        (
            "<style>body{background:url(https://example.org/x)}</style>\n",
            6,
            "html",
            "<style> is not allowed in a page: the site's look comes from its own stylesheet. Remove it; for "
            "emphasis use Markdown (**bold**, *italic*, ## headings)",
        ),
        (
            '<link rel="stylesheet" href="https://example.org/x.css">\n',
            6,
            "html",
            "<link> is not allowed in a page: the site loads its own files itself. Remove it; to link to something, "
            "write [text](https://…)",
        ),
        (
            '<svg viewBox="0 0 1 1"><circle r="1"/></svg>\n',
            6,
            "html",
            "<svg> is not allowed in a page: drawn in the page, it can carry scripts. Upload the drawing as a file to "
            "docs/assets/images/ and show it as an image, like ![What it shows](../assets/images/drawing.svg)",
        ),
        (
            '<form action="https://example.org/register">\n',
            6,
            "html",
            "<form> is not allowed in a page: the site has no forms of its own. Link to the form's own address "
            "instead, like [Register](https://…)",
        ),
        (
            '<object data="x.swf"></object>\n',
            6,
            "html",
            EMBED.replace("<iframe>", "<object>"),
        ),
        (
            '<embed src="x.swf">\n',
            6,
            "html",
            EMBED.replace("<iframe>", "<embed>"),
        ),
        (
            '<span style="color:red">x</span>\n',
            6,
            "html",
            "the attribute style on <span> is not allowed: the site's look comes from its own stylesheet, and a "
            "style can load files from other sites. Remove it",
        ),
        (
            '<a href="https://example.org" target="_blank">x</a>\n',
            6,
            "html",
            "the attribute target on <a> is not allowed (allowed on <a>: class, dir, href, hreflang, id, lang, rel, "
            "title). Remove it",
        ),
        (
            "[x](file:///C:/Users/partner/report.pdf)\n",
            6,
            "link",
            "'file:///C:/Users/partner/report.pdf' starts with file:, which a reader's browser cannot follow from a "
            "web page: addresses start with https://, http://, mailto: or tel:, or are paths of the site's files "
            "(../about.md)",
        ),
        (
            "<!--><script>alert(1)</script>-->\n",
            6,
            "html",
            "this comment is written in a way browsers read differently: write comments as <!-- like this --> (or "
            "remove it)",
        ),
        ("<!-- a --!><script>alert(1)</script> -->\n", 6, "html", SCRIPT),  # '--!>' ends a comment
        (
            "<div><![CDATA[><img src=x onerror=alert(1)>]]></div>\n",
            6,
            "html",
            "'<![CDATA[><img src=x onerror=alert(1)>]]>' is not allowed in a page (browsers read it differently from "
            "the site's check): remove it; for a comment write <!-- like this -->",
        ),
        ("<!--cisotra-html:3-->\n", 6, "html", "this comment is one of the site's own markers: remove it"),
        # Text dressed as the site's own notice, header or menu.
        (
            '<div class="md-dialog md-dialog--active">Session expired: <a href="https://e.example/">log in</a></div>\n',
            6,
            "html",
            'class="md-dialog" on <div> is a name of the site\'s own layout: it would make the text look like part '
            "of the site (a notice, a header, a menu). Remove it",
        ),
        (
            "# Τίτλος {: #__drawer }\n",
            6,
            "html",
            'id="__drawer" on <h1> is a name of the site\'s own layout: it would make the text look like part of the '
            "site (a notice, a header, a menu). Remove it",
        ),
    ],
)
def test_html_that_runs_or_loads_is_named_at_its_line(markdown, line, field, message):
    assert problems(FRONT + markdown) == [f"{FILE}:{line}: {field}: {message}"]


def test_a_button_and_a_headings_own_id_are_not_taken_for_the_sites_layout():
    assert problems(FRONT + "## CiSoTRA-Modell\n\n[Mehr](about.md){ .md-button .md-button--primary }\n") == []


def test_an_unknown_tag_is_named_with_the_allowed_ones():
    (problem,) = problems("<marquee>x</marquee>\n")
    assert problem == (
        f"{FILE}:1: html: <marquee> is not one of the HTML tags a page may have (Markdown's own, and <abbr>, <b>, "
        "<bdi>, <bdo>, <caption>, <cite>, <col>, <colgroup>, <dd>, <del>, <details>, <dfn>, <dl>, <dt>, "
        "<figcaption>, <figure>, <i>, <ins>, <kbd>, <mark>, <q>, <s>, <samp>, <small>, <span>, <sub>, <summary>, "
        "<sup>, <time>, <u>, <var>, <wbr>): write it in Markdown instead, or ask the maintainers"
    )


def test_every_finding_of_a_page_is_named_in_order_and_an_example_in_code_is_not_taken_for_it():
    text = FRONT + "Write `<script>` like this.\n\n<script>one()</script>\n\nText\n\n<script>two()</script>\n"
    assert problems(text) == [f"{FILE}:8: html: {SCRIPT}", f"{FILE}:12: html: {SCRIPT}"]


def test_one_tag_with_two_bad_attributes_is_named_on_each_attributes_line():
    text = '<img src="a.jpg"\n onerror="x()"\n onload="y()">\n'
    assert problems(text) == [
        f"{FILE}:2: html: {ON.format('onerror', 'img')}",
        f"{FILE}:3: html: {ON.format('onload', 'img')}",
    ]


@pytest.mark.parametrize(
    ("address", "scheme"),
    [
        ("javascript:x", "javascript"),
        (" \x01JaVa\tScRiPt:x", "javascript"),
        ("java\nscript:x", "javascript"),
        ("java script:x", None),  # a space: a relative path to browsers
        ("../about.md", None),
        ("https://example.org", "https"),
    ],
)
def test_an_address_has_the_scheme_a_browser_reads(address, scheme):
    assert url_scheme(address) == scheme
