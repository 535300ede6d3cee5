"""A newsletter issue as an e-mail partners can import into their mailing tool.

Two parts of one message: HTML laid out with tables and inline styles (templates/email.html:
what common e-mail clients render; no scripts, no external stylesheets, every URL absolute),
and a plain-text alternative. The unsubscribe link is a placeholder the mailing tool fills.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from lxml import html as lxml_html

from .csp import secured
from .render import from_markdown, html

FONT = "Arial, Helvetica, sans-serif"
STYLES = {
    "h1": f"font-family:{FONT};font-size:24px;line-height:1.3;color:#153a6b;margin:0 0 16px;",
    "h2": f"font-family:{FONT};font-size:19px;line-height:1.3;color:#153a6b;margin:24px 0 8px;",
    "h3": f"font-family:{FONT};font-size:17px;line-height:1.3;color:#153a6b;margin:20px 0 8px;",
    "p": f"font-family:{FONT};font-size:16px;line-height:1.5;color:#1a1a1a;margin:0 0 14px;",
    "ul": f"font-family:{FONT};font-size:16px;line-height:1.5;color:#1a1a1a;margin:0 0 14px;padding-left:24px;",
    "ol": f"font-family:{FONT};font-size:16px;line-height:1.5;color:#1a1a1a;margin:0 0 14px;padding-left:24px;",
    "li": "margin:0 0 6px;",
    "a": "color:#1d4f91;text-decoration:underline;",
    "img": "display:block;max-width:100%;height:auto;border:0;",
    "blockquote": "margin:0 0 14px;padding-left:12px;border-left:4px solid #cfd8e3;",
}


@dataclass(frozen=True)
class Email:
    language: str  # BCP 47 tag
    subject: str
    preheader: str
    heading: str  # e.g. "CiSoTRA · Issue 2 · 1 September 2018"
    content_html: str  # the HTML, links already absolute
    online_url: str
    online_label: str
    emblem_url: str
    funding_statement: str
    funding_disclaimer: str
    why: str
    unsubscribe_label: str
    unsubscribe_placeholder: str  # empty: no unsubscribe line (an issue that was never sent)
    note: str = ""  # said above the content, such as where a reconstructed issue's text comes from


def inline_styles(content: str) -> str:
    """Give every element the site writes its style inline; e-mail clients drop <style> blocks
    (and the classes and ids that would point into one)."""
    root = lxml_html.fragment_fromstring(content, create_parent="div")
    for element in root.iter(*STYLES):
        for attribute in ("class", "id"):
            element.attrib.pop(attribute, None)
        if "style" not in element.attrib:
            element.set("style", STYLES[element.tag])
    # The wrapper's own tags are the first five and the last six characters: '<div>' … '</div>'.
    return lxml_html.tostring(root, encoding="unicode")[5:-6]


def render_html(email: Email) -> str:
    """The e-mail's HTML document. It is a page of the site too, so it carries the site's
    Content-Security-Policy: no script at all, and the inline styles e-mail needs."""
    document = html("email.html", email=email, content=from_markdown(inline_styles(email.content_html)), font=FONT)
    return secured(str(document) + "\n", inline_styles=True)


def render_text(email: Email) -> str:
    """The plain-text part; the content's own title (its h1) comes first in it."""
    note = f"{email.note}\n\n" if email.note else ""
    unsubscribe = (
        f"\n{email.why}\n{email.unsubscribe_label}: {email.unsubscribe_placeholder}\n"
        if email.unsubscribe_placeholder
        else ""
    )
    return (
        f"{email.heading}\n"
        f"{email.online_label}: {email.online_url}\n\n"
        f"{note}"
        f"{html_to_text(email.content_html)}\n\n"
        "-- \n"
        f"{email.funding_statement}\n{email.funding_disclaimer}\n"
        f"{unsubscribe}"
    )


def html_to_text(html: str) -> str:
    """Readable plain text from the site's article HTML: headings underlined, lists dashed, links spelled out."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    text = "".join(parser.out)
    text = re.sub(r"[ \t]+\n", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


class _TextParser(HTMLParser):
    BLOCKS = ("p", "div", "ul", "ol", "blockquote", "table", "tr")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.heading: str | None = None
        self.heading_text: list[str] = []
        self.links: list[str | None] = []
        self.depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag in ("h1", "h2", "h3", "h4"):
            self.heading, self.heading_text = tag, []
        elif tag in self.BLOCKS:
            self.out.append("\n\n")
            if tag in ("ul", "ol"):
                self.depth += 1
        elif tag == "li":
            self.out.append("\n" + "  " * (self.depth - 1) + "- ")
        elif tag == "br":
            self.out.append("\n")
        elif tag == "a":
            self.links.append(attributes.get("href"))
        elif tag == "img" and attributes.get("alt"):
            self.write(f"[{attributes['alt']}]")

    def handle_endtag(self, tag: str) -> None:
        if tag == self.heading:
            text = " ".join("".join(self.heading_text).split())
            rule = "=" if tag == "h1" else "-"
            self.out.append(f"\n\n{text}\n{rule * len(text)}\n\n" if tag in ("h1", "h2") else f"\n\n{text}\n\n")
            self.heading = None
        elif tag in ("ul", "ol"):
            self.depth = max(0, self.depth - 1)
            self.out.append("\n\n")
        elif tag in self.BLOCKS:
            self.out.append("\n\n")
        elif tag == "a" and self.links:
            href = self.links.pop()
            if href and not href.startswith("#"):
                self.write(f" <{href}>")

    def handle_data(self, data: str) -> None:
        self.write(re.sub(r"\s+", " ", data))

    def write(self, text: str) -> None:
        (self.heading_text if self.heading else self.out).append(text)
