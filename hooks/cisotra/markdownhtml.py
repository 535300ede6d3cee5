"""What a partner's Markdown may turn into: text, Markdown's own HTML, and a few harmless tags; nothing that runs or loads.

Markdown lets a page carry raw HTML, and Python-Markdown passes it on as written:
`<script>`, an `onclick=` attribute or a `javascript:` link in a page would run in
every reader's browser, and an `<iframe>` or an image from another host would tell
that host who reads the page. So every Markdown page under docs/ is rendered as the
site renders it (the same Markdown extensions) and the result is read with an HTML
parser: every element, attribute and address must be on the lists below. Reading the
rendered page, not the Markdown, is what makes the check hold whatever the syntax:
a `<script>` in a code span is text there (`&lt;script&gt;`), while one in a list item,
a quotation or an indented paragraph is a tag; a link made from `[x](javascript:…)`, a
reference definition or `{: onclick=… }` (attribute lists) arrives as the same
attribute; entities (`javascript&colon;`) are decoded as a browser decodes them.

Python's HTML parser differs from a browser's in a few corners (comments such as
`<!-->`, `<![CDATA[`, a tag left open); HTML that falls into one of them is refused
instead of guessed at. What the parser leaves as text must hold no `<` that could
start a tag.

A problem names the file and the line the HTML is written on (found again in the
Markdown by the text of the tag, attribute or address), what was found, what is allowed
and what to write instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from .errors import Problem
from .markdownlines import Locator, Where, markdown_body

# Elements Markdown makes, and harmless ones partners may write.
MARKDOWN_ELEMENTS = frozenset(
    "p h1 h2 h3 h4 h5 h6 a img em strong code pre blockquote ul ol li hr br "
    "table thead tbody tfoot tr th td div".split()
)
PARTNER_ELEMENTS = frozenset(
    "sup sub abbr details summary kbd mark small s del ins b i u q cite dfn span dl dt dd "
    "caption colgroup col figure figcaption time bdi bdo wbr var samp".split()
)
ALLOWED_ELEMENTS = MARKDOWN_ELEMENTS | PARTNER_ELEMENTS
GLOBAL_ATTRIBUTES = frozenset({"id", "class", "lang", "dir", "title"})
ELEMENT_ATTRIBUTES = {
    "a": {"href", "hreflang", "rel"},
    "img": {"src", "alt", "width", "height", "loading", "decoding", "srcset", "sizes"},
    "td": {"colspan", "rowspan", "headers", "style"},
    "th": {"colspan", "rowspan", "headers", "scope", "style", "abbr"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "details": {"open"},
    "time": {"datetime"},
    "col": {"span"},
    "colgroup": {"span"},
    "q": {"cite"},
    "blockquote": {"cite"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
}
# Markdown's tables align columns with exactly this style, and nothing else may use one.
_TABLE_ALIGN = re.compile(r"^text-align: (?:left|right|center);?$")
LINK_ATTRIBUTES = frozenset({"href", "cite"})
IMAGE_ATTRIBUTES = frozenset({"src", "srcset"})
LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

_SCRIPTS = "a page cannot run scripts. Remove it; for something interactive, ask the maintainers"
_EMBEDS = (
    "it loads another site or a player into the page, and that site learns who reads it. "
    "Link to it instead, like [Watch the video](https://…)"
)
_FORMS = "the site has no forms of its own. Link to the form's own address instead, like [Register](https://…)"
_HEAD = (
    "the site writes the page's head itself. Remove it; a page's title and description go in its front "
    "matter (title:, description:)"
)
_DRAWINGS = (
    "drawn in the page, it can carry scripts. Upload the drawing as a file to docs/assets/images/ and show it "
    "as an image, like ![What it shows](../assets/images/drawing.svg)"
)
INSTEAD = {
    "script": _SCRIPTS,
    "noscript": _SCRIPTS,
    "template": _SCRIPTS,
    "style": (
        "the site's look comes from its own stylesheet. Remove it; for emphasis use Markdown "
        "(**bold**, *italic*, ## headings)"
    ),
    "link": "the site loads its own files itself. Remove it; to link to something, write [text](https://…)",
    "meta": _HEAD,
    "base": _HEAD,
    "title": _HEAD,
    "head": _HEAD,
    "body": _HEAD,
    "html": _HEAD,
    "svg": _DRAWINGS,
    "math": _DRAWINGS,
    "canvas": _DRAWINGS,
    **dict.fromkeys(
        ("iframe", "frame", "frameset", "object", "embed", "applet", "portal", "video", "audio", "source", "track"),
        _EMBEDS,
    ),
    **dict.fromkeys(
        ("form", "input", "button", "select", "option", "textarea", "fieldset", "label", "output", "datalist"),
        _FORMS,
    ),
}
_ALLOWED_LIST = ", ".join(f"<{name}>" for name in sorted(PARTNER_ELEMENTS))
# Browsers ignore tabs and line breaks anywhere in an address, and spaces and control
# characters around it: 'java\tscript:' is 'javascript:'.
_URL_IGNORED = re.compile(r"[\t\n\r]")
_CONTROLS_AND_SPACE = "".join(chr(code) for code in range(0x21))
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_TAG_START = re.compile(r"<[a-zA-Z/!?]")
VOID_ELEMENTS = frozenset("area base br col embed hr img input link meta source track wbr param keygen frame".split())
_OWN_MARKERS = ("cisotra-html:", "search-skip-->")


@dataclass(frozen=True)
class Finding:
    """Something in a rendered page that may not be there."""

    field: str  # 'html', 'link' or 'image'
    message: str
    where: Where


@dataclass(frozen=True)
class Address:
    """An address in a rendered page: which element and attribute it is in, and its value as the browser reads it."""

    element: str
    attribute: str
    value: str
    where: Where


def url_scheme(value: str) -> str | None:
    """The scheme of an address as a browser reads it ('javascript' for ' JaVa\tScript:x'), or None if relative."""
    cleaned = _URL_IGNORED.sub("", value).strip(_CONTROLS_AND_SPACE)
    match = _SCHEME.match(cleaned)
    return match.group(1).lower() if match else None


def is_other_host(value: str) -> bool:
    """Whether an address loads from somewhere else than the site's own files."""
    cleaned = _URL_IGNORED.sub("", value).strip(_CONTROLS_AND_SPACE)
    return url_scheme(cleaned) is not None or cleaned.startswith(("//", "\\\\", "/\\", "\\/"))


# The theme's and the site's own names (class md-dialog, md-header, cisotra-…; id __drawer,
# __search): text that borrows them is drawn as the site's notices, header or menu, or works
# its switches. Buttons are for partners too. (A heading's own id, "cisotra-model", is fine.)
_THEME_CLASS = re.compile(r"^(?:md-|cisotra-|__)", re.I)
_THEME_ID = re.compile(r"^__")
_PARTNER_CLASSES = frozenset({"md-button", "md-button--primary"})


def _theme_name(attribute: str, value: str) -> str | None:
    """The first name in a class or id that belongs to the site's own layout, or None."""
    if attribute == "id":
        return value.strip() if _THEME_ID.match(value.strip()) else None
    return next((name for name in value.split() if _THEME_CLASS.match(name) and name not in _PARTNER_CLASSES), None)


def srcset_urls(value: str) -> list[str]:
    """The addresses of a srcset ('a.jpg 480w, b.jpg 2x' → ['a.jpg', 'b.jpg'])."""
    return [candidate.strip().split()[0] for candidate in value.split(",") if candidate.strip()]


class _Reader(HTMLParser):
    """Collects what a rendered page holds that may not be there, and every address in it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)  # text stays as written: a raw '<' in it can be seen
        self.findings: list[Finding] = []
        self.addresses: list[Address] = []
        self.tags = 0
        self.refused: list[str] = []  # the refused element being read, and those of its name inside it

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raw = self.get_starttag_text() or f"<{tag}"
        first_line, span = raw.split("\n", 1)[0], raw.count("\n") + 1
        self.tags += 1
        number = self.tags
        if self.refused:  # inside a refused element: named once, for the whole of it
            if tag == self.refused[0] and tag not in VOID_ELEMENTS:
                self.refused.append(tag)
            return
        if tag not in ALLOWED_ELEMENTS:
            if tag not in VOID_ELEMENTS:
                self.refused.append(tag)
            instead = INSTEAD.get(tag)
            message = (
                f"<{tag}> is not allowed in a page: {instead}"
                if instead
                else f"<{tag}> is not one of the HTML tags a page may have (Markdown's own, and {_ALLOWED_LIST}): "
                "write it in Markdown instead, or ask the maintainers"
            )
            self.findings.append(Finding("html", message, Where(first_line, span, (f"<{tag}",), number)))
            return
        allowed = GLOBAL_ATTRIBUTES | ELEMENT_ATTRIBUTES.get(tag, set())
        for name, value in attrs:
            value = value or ""
            written = _raw_value(raw, name)
            needles = Where(first_line, span, (f"{name}={written}", f'{name}="{value}"', written, value, name), number)
            if name.startswith("on"):
                self.findings.append(
                    Finding(
                        "html",
                        f"the attribute {name} on <{tag}> is not allowed: an on… attribute runs a script in the "
                        "reader's browser. Remove it",
                        needles,
                    )
                )
            elif name == "style" and not (tag in ("td", "th") and _TABLE_ALIGN.match(value)):
                self.findings.append(
                    Finding(
                        "html",
                        f"the attribute style on <{tag}> is not allowed: the site's look comes from its own "
                        "stylesheet, and a style can load files from other sites. Remove it",
                        needles,
                    )
                )
            elif name in ("class", "id") and _theme_name(name, value):
                self.findings.append(
                    Finding(
                        "html",
                        f'{name}="{_theme_name(name, value)}" on <{tag}> is a name of the site\'s own layout: it '
                        "would make the text look like part of the site (a notice, a header, a menu). Remove it",
                        needles,
                    )
                )
            elif name not in allowed:
                self.findings.append(
                    Finding(
                        "html",
                        f"the attribute {name} on <{tag}> is not allowed (allowed on <{tag}>: "
                        f"{', '.join(sorted(allowed))}). Remove it",
                        needles,
                    )
                )
            elif name in LINK_ATTRIBUTES or name in IMAGE_ATTRIBUTES:
                values = srcset_urls(value) if name == "srcset" else [value]
                for url in values:
                    self._address(tag, name, url, Where(first_line, span, (url, written, name), number))

    def _address(self, tag: str, attribute: str, value: str, needles: Where) -> None:
        scheme = url_scheme(value)
        field = "image" if attribute in IMAGE_ATTRIBUTES else "link"
        shown = _shortened(value)
        if scheme in ("javascript", "vbscript", "livescript"):
            self.findings.append(
                Finding(
                    field,
                    f"'{shown}' is a {scheme}: address, which runs a script in the reader's browser. Link to a page "
                    "of the site with the path of its file (../about.md) or to a web address (https://…)",
                    needles,
                )
            )
        elif scheme == "data":
            self.findings.append(
                Finding(
                    field,
                    f"'{shown}' is a data: address, which carries a whole file hidden inside the page. Upload the "
                    "file to docs/ and write its path, like ../assets/images/photo.jpg",
                    needles,
                )
            )
        elif scheme is not None and scheme not in LINK_SCHEMES:
            self.findings.append(
                Finding(
                    field,
                    f"'{shown}' starts with {scheme}:, which a reader's browser cannot follow from a web page: "
                    "addresses start with https://, http://, mailto: or tel:, or are paths of the site's files "
                    "(../about.md)",
                    needles,
                )
            )
        else:
            self.addresses.append(Address(tag, attribute, value, needles))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if self.refused and tag == self.refused[-1]:  # <svg/> has no end tag to wait for
            self.refused.pop()

    def handle_endtag(self, tag: str) -> None:
        if self.refused and tag == self.refused[-1]:
            self.refused.pop()

    def handle_data(self, data: str) -> None:
        if self.refused:
            return
        match = _TAG_START.search(data)
        if match:
            snippet = data[match.start() :].split("\n", 1)[0][:60]
            self.findings.append(
                Finding(
                    "html",
                    f"'{snippet}' cannot be read as HTML (a tag not closed with >?): close the tag, or write the "
                    "character < as &lt;",
                    Where("", 0, (snippet,)),
                )
            )

    def handle_comment(self, data: str) -> None:
        # Browsers end '<!-->' and '<!--->' at once, and a comment at '--!>': Python's parser does not.
        if data.startswith((">", "->")) or "--!>" in data:
            self.findings.append(
                Finding(
                    "html",
                    "this comment is written in a way browsers read differently: write comments as "
                    "<!-- like this --> (or remove it)",
                    Where("", 0, (f"<!--{data[:20]}", "<!--")),
                )
            )
        elif any(marker in data for marker in _OWN_MARKERS):
            self.findings.append(
                Finding(
                    "html",
                    "this comment is one of the site's own markers: remove it",
                    Where("", 0, (f"<!--{data[:30]}",)),
                )
            )

    def _declaration(self, text: str) -> None:
        self.findings.append(
            Finding(
                "html",
                f"'<{text[:40]}>' is not allowed in a page (browsers read it differently from the site's check): "
                "remove it; for a comment write <!-- like this -->",
                Where("", 0, (f"<{text[:20]}", "<!", "<?")),
            )
        )

    def handle_decl(self, decl: str) -> None:
        self._declaration(f"!{decl}")

    def unknown_decl(self, data: str) -> None:
        self._declaration(f"![{data}]]")

    def handle_pi(self, data: str) -> None:
        self._declaration(f"?{data}")


def _from_other_host(url: str) -> str:
    return (
        f"'{_shortened(url)}' is loaded from another site, which would learn who reads the page (the site loads "
        "nothing from other hosts). Upload the image to docs/assets/images/ and write its path, like "
        "![What it shows](../assets/images/photo.jpg)"
    )


def _shortened(text: str) -> str:
    """An address as shown in a message: at most 80 characters, tabs and line breaks visible."""
    text = text.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    return text if len(text) <= 80 else text[:77] + "…"


def _raw_value(raw_tag: str, name: str) -> str:
    """An attribute's value as written in the tag (entities not decoded), to find it in the Markdown by."""
    match = re.search(rf"""(?:^|[\s/"']){re.escape(name)}\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""", raw_tag, re.I)
    return match.group(1).strip("\"'") if match else ""


def read_rendered(html: str) -> tuple[list[Finding], list[Address]]:
    """What may not be in a rendered page, and every other address it holds."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.findings, reader.addresses


def check_page(
    text: str,
    shown: Path,
    render: Callable[[str], str],
    address_problem: Callable[[Address], tuple[str, str] | None] | None = None,
) -> list[Problem]:
    """The problems of one Markdown file's text: HTML that may not be there, and (with `address_problem`)
    addresses that may not be written (it gives (field, message) for an address, or None)."""
    body = markdown_body(text)
    findings, addresses = read_rendered(render(body))
    for address in addresses:
        found = address_problem(address) if address_problem is not None else None
        if found is None and address.attribute in IMAGE_ATTRIBUTES and is_other_host(address.value):
            found = ("image", _from_other_host(address.value))
        if found is not None:
            findings.append(Finding(found[0], found[1], address.where))
    if not findings:
        return []
    locator = Locator(body)
    problems = [Problem(shown, locator.line(finding.where), finding.field, finding.message) for finding in findings]
    return sorted(dict.fromkeys(problems), key=lambda problem: problem.line or 0)


def markdown_version() -> str:
    import markdown

    return markdown.__version__


def markdown_renderer(extensions: list, configs: dict) -> Callable[[str], str]:
    """Markdown rendered with the site's extensions (the same HTML the pages get, before the site's own additions)."""
    import markdown

    converter = markdown.Markdown(extensions=extensions, extension_configs=configs)

    def render(text: str) -> str:
        converter.reset()
        return converter.convert(text)

    return render
