import re

from cisotra.mailing import Email, html_to_text, inline_styles, render_html, render_text

CONTENT = (
    '<h1 id="t">Issue &amp; news</h1>\n<p class="lead">Hello <a href="https://example.org/x/">partners</a>.</p>\n'
    "<h2>Next</h2>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>"
)
EMAIL = Email(
    language="sl",
    subject="E-novičke 1 <test>",
    preheader="What is inside",
    heading="CiSoTRA · Issue 1",
    content_html=CONTENT,
    online_url="https://example.org/si/newsletters/issue-1/",
    online_label="Read online",
    emblem_url="https://example.org/assets/images/eu-emblem.png",
    funding_statement="Co-funded",
    funding_disclaimer="Disclaimer",
    why="You subscribed.",
    unsubscribe_label="Unsubscribe",
    unsubscribe_placeholder="*|UNSUB|*",
)


def test_styles_are_inlined_and_classes_dropped():
    html = inline_styles(CONTENT)
    assert '<p style="' in html and 'class="lead"' not in html
    assert all(re.search(rf"<{tag}\b[^>]*style=", html) for tag in ("h1", "h2", "ul", "li", "a"))


def test_the_html_email_is_self_contained():
    html = render_html(EMAIL)
    assert "<script" not in html and "<style" not in html and 'rel="stylesheet"' not in html
    for url in re.findall(r'(?:href|src)="([^"]+)"', html):
        assert url.startswith("https://") or url == "*|UNSUB|*", url
    assert '<html lang="sl">' in html
    assert "E-novičke 1 &lt;test&gt;" in html
    assert re.search(r'<div style="display:none;[^"]*">What is inside</div>', html)
    assert 'role="presentation"' in html


def test_the_text_part_spells_out_links_and_structure():
    text = render_text(EMAIL)
    assert "<" not in text.replace("<https://example.org/x/>", "")
    assert "Issue & news\n============" in text
    assert "Hello partners <https://example.org/x/>." in text
    assert "- one\n- two" in text
    assert text.rstrip().endswith("Unsubscribe: *|UNSUB|*")


def test_html_to_text_keeps_nested_lists_readable():
    assert html_to_text("<ul><li>a<ul><li>b</li></ul></li></ul>") == "- a\n\n  - b"
