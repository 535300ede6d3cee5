"""A Content-Security-Policy for every page the site writes: defence in depth behind the templates.

Text reaches every page escaped (cisotra.render) and partners' Markdown is checked
(cisotra.rawhtml), so no partner's text should ever run. If something slipped through
anyway, the browser still refuses it: scripts run only from the site's own files and from
the inline scripts the theme itself writes into the page, each allowed by its SHA-256
hash (worked out from the written page without the page's own content, so a theme update
that changes one is allowed with it, and a script in what a partner wrote is not). Nothing is loaded from another
host; no plug-ins, no <base>, no forms sent elsewhere.

GitHub Pages sets no headers, so the policy is a <meta http-equiv> put first in the
page's <head>: it covers everything after it. (`frame-ancestors` cannot be set this way.)
"""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser

from .render import html

_HEAD = re.compile(r"<head(\s[^>]*)?>", re.I)
# A <script> whose type is one of these (or absent) is JavaScript the browser runs; JSON-LD
# and Material's configuration are data, which CSP does not govern.
_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}


def policy(script_hashes: list[str], inline_styles: bool = False) -> str:
    """The policy for a page whose inline scripts have `script_hashes` ('sha256-…').

    `inline_styles`: the page carries style attributes (an e-mail, which must: mail clients
    drop style sheets); it still runs no script at all.
    """
    scripts = "'none'" if inline_styles else " ".join(["'self'", *(f"'{digest}'" for digest in script_hashes)])
    directives = [
        "default-src 'none'",
        f"script-src {scripts}",
        "style-src 'self'" + (" 'unsafe-inline'" if inline_styles else ""),
        # data: for the theme's icons, drawn from data: URLs in its style sheet.
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",  # the search index
        "worker-src 'self'",
        "manifest-src 'self'",
        "form-action 'self'",
        "base-uri 'self'",
        "object-src 'none'",
        "frame-src 'none'",
    ]
    return "; ".join(directives)


def editor_policy(script_hashes: list[str]) -> str:
    """The policy of the browser editor's page (cisotra.editor): its own script and inline scripts,
    GitHub's API after sign-in, pictures being uploaded (blob:, data:), nothing else from another host.

    Sveltia CMS writes its styles into the page as <style> elements and style attributes (Svelte
    components), so inline styles are allowed here; no partner text is shown as HTML in it. Each
    source was found needed in Chromium with the policy tightened and its violations recorded:
    'unsafe-inline' styles and data: images and fetches (its logo) from the first view, blob:
    images from a photo's upload."""
    scripts = " ".join(["'self'", *(f"'{digest}'" for digest in script_hashes)])
    directives = [
        "default-src 'self'",
        f"script-src {scripts}",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' blob: data:",
        "font-src 'self'",
        "media-src 'self'",
        # GitHub's REST and GraphQL API after the partner signs in with a token; data: and blob: are
        # pictures the editor reads back (its own logo, a photo being uploaded).
        "connect-src 'self' data: blob: https://api.github.com",
        "worker-src 'self'",
        "form-action 'self'",
        "base-uri 'self'",
        "object-src 'none'",
        "frame-src 'none'",
    ]
    return "; ".join(directives)


def script_hashes(document: str) -> list[str]:
    """The CSP hash of each inline script the page runs, in order of appearance, each once."""
    finder = _InlineScripts()
    finder.feed(document)
    finder.close()
    digests = [
        "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() for text in finder.found
    ]
    return list(dict.fromkeys(digests))


def secured(document: str, inline_styles: bool = False, content: str | None = None, *, editor: bool = False) -> str:
    """The HTML document with its policy first in its <head>.

    `content`: the page's own text as Markdown made it, as it sits in the document. A script in
    it is never the theme's, so it is left out of the hashes: if one slipped past the checks of
    partners' Markdown, the browser still refuses to run it.
    """
    theme_part = document
    if content:
        if content not in document:
            raise ValueError("the page's content is not in its document: its scripts cannot be told from the theme's")
        theme_part = document.replace(content, "", 1)
    hashes = script_hashes(theme_part)
    meta = str(html("csp.html", policy=editor_policy(hashes) if editor else policy(hashes, inline_styles)))
    secured_document, count = _HEAD.subn(lambda match: match.group(0) + "\n" + meta, document, count=1)
    if not count:
        raise ValueError("an HTML document without <head>: its Content-Security-Policy has nowhere to go")
    return secured_document


class _InlineScripts(HTMLParser):
    """Collects the text of every inline JavaScript <script> exactly as the browser hashes it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)  # a script's text is raw: no entities are decoded in it
        self.found: list[str] = []
        self._current: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "script":
            return
        attributes = dict(attrs)
        kind = (attributes.get("type") or "").strip().lower()
        if "src" not in attributes and kind in _SCRIPT_TYPES:
            self._current = []

    def handle_data(self, data: str) -> None:
        if self._current is not None:
            self._current.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._current is not None:
            self.found.append("".join(self._current))
            self._current = None
