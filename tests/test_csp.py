"""The Content-Security-Policy allows the theme's inline scripts and never one in a page's own content."""

import base64
import hashlib
import html

import pytest

from cisotra.csp import secured


def digest(script: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()


THEME = "__md_scope = new URL('.', location)"
SMUGGLED = "alert(document.domain)"
CONTENT = f'<h1 id="x">Title</h1>\n<script>{SMUGGLED}</script>\n<p>Text</p>'
PAGE = f"<!doctype html><html><head><title>x</title><script>{THEME}</script></head><body><article>{CONTENT}</article>"


def policy_of(document: str) -> str:
    return html.unescape(document.split('http-equiv="Content-Security-Policy" content="', 1)[1].split('"', 1)[0])


def test_a_script_in_the_pages_content_is_not_allowed_but_the_themes_are():
    policy = policy_of(secured(PAGE, content=CONTENT))
    assert f"'{digest(THEME)}'" in policy
    assert f"'{digest(SMUGGLED)}'" not in policy
    assert "'unsafe-inline'" not in policy.split("script-src", 1)[1].split(";", 1)[0]


def test_without_its_content_named_every_inline_script_of_a_generated_document_is_hashed():
    # Leaflets, e-mails and redirect pages are made from templates alone: nothing in them is a partner's markup.
    assert f"'{digest(SMUGGLED)}'" in policy_of(secured(PAGE))


def test_content_that_is_not_in_the_document_stops_the_build_instead_of_allowing_everything():
    with pytest.raises(ValueError, match="content is not in its document"):
        secured(PAGE, content="<p>another page</p>")
