"""The sitemap: every page that is published in its own language, with its translations.

A page shown from the default language because it is not yet translated is left out
and not announced as a translation, so search engines do not index the same text six
times under six languages.
"""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

Entry = tuple[str, list[tuple[str, str]]]  # (site path, [(language tag, site path of that version)])


def render_sitemap(entries: list[Entry], site_url: str) -> bytes:
    base = site_url if site_url.endswith("/") else site_url + "/"
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for path, alternates in sorted(entries):
        lines.append(f"  <url>\n    <loc>{_text(base + path)}</loc>")
        for tag, other in sorted(alternates):
            lines.append(f'    <xhtml:link rel="alternate" hreflang={quoteattr(tag)} href={quoteattr(base + other)}/>')
        lines.append("  </url>")
    lines.append("</urlset>\n")
    return "\n".join(lines).encode("utf-8")


def _text(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
