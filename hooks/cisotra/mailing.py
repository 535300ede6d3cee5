"""A newsletter issue as an e-mail partners can import into their mailing tool.

Two parts of one message: HTML laid out with tables and inline styles (what common
e-mail clients render; no scripts, no external stylesheets, every URL absolute), and a
plain-text alternative. The unsubscribe link is a placeholder the mailing tool fills.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser

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
_OPEN_TAG = re.compile(r"<(" + "|".join(STYLES) + r")(\s[^>]*)?>")


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
    unsubscribe_placeholder: str


def inline_styles(html: str) -> str:
    """Give every element the site writes its style inline; e-mail clients drop <style> blocks."""

    def add(match: re.Match) -> str:
        tag, attributes = match.group(1), match.group(2) or ""
        attributes = re.sub(r'\s(?:class|id)="[^"]*"', "", attributes)
        if "style=" in attributes:
            return f"<{tag}{attributes}>"
        return f'<{tag}{attributes} style="{STYLES[tag]}">'

    return _OPEN_TAG.sub(add, html)


def render_html(email: Email) -> str:
    e = {key: escape(value) for key, value in vars(email).items() if key != "content_html"}
    cell = f"font-family:{FONT};"
    return f"""<!DOCTYPE html>
<html lang="{e["language"]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<title>{e["subject"]}</title>
</head>
<body style="margin:0;padding:0;background-color:#eef1f5;">
<div style="display:none;max-height:0;overflow:hidden;mso-hide:all;">{e["preheader"]}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#eef1f5;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px;background-color:#ffffff;">
<tr><td style="{cell}background-color:#1d4f91;color:#ffffff;font-size:18px;font-weight:bold;padding:20px 24px;">{e["heading"]}</td></tr>
<tr><td style="{cell}font-size:13px;padding:12px 24px 0;"><a href="{e["online_url"]}" style="color:#1d4f91;">{e["online_label"]}</a></td></tr>
<tr><td style="padding:20px 24px 8px;">
{inline_styles(email.content_html)}
</td></tr>
<tr><td style="{cell}font-size:12px;line-height:1.5;color:#4a4a4a;padding:16px 24px 24px;border-top:1px solid #d9dee5;">
<table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr>
<td style="padding:0 12px 0 0;vertical-align:middle;"><img src="{e["emblem_url"]}" width="60" height="40" alt="" style="display:block;border:0;"></td>
<td style="{cell}font-size:13px;font-weight:bold;color:#1a1a1a;vertical-align:middle;">{e["funding_statement"]}</td>
</tr></table>
<p style="{cell}font-size:12px;line-height:1.5;color:#4a4a4a;margin:12px 0;">{e["funding_disclaimer"]}</p>
<p style="{cell}font-size:12px;line-height:1.5;color:#4a4a4a;margin:0;">{e["why"]} <a href="{e["unsubscribe_placeholder"]}" style="color:#1d4f91;">{e["unsubscribe_label"]}</a></p>
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
"""


def render_text(email: Email) -> str:
    """The plain-text part; the content's own title (its h1) comes first in it."""
    return (
        f"{email.heading}\n"
        f"{email.online_label}: {email.online_url}\n\n"
        f"{html_to_text(email.content_html)}\n\n"
        "-- \n"
        f"{email.funding_statement}\n{email.funding_disclaimer}\n\n"
        f"{email.why}\n{email.unsubscribe_label}: {email.unsubscribe_placeholder}\n"
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
