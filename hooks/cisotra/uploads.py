"""Uploaded files that would run on the site's own address: web pages, scripts, and drawings with scripts in them.

The site publishes every file under docs/ at an address of its own. A page or a script
uploaded as a file (`.html`, `.js`) would run with the site's address, as if the site
had written it; so would an SVG drawing that carries a script, opened on its own. The
site's own code lives in docs/assets/javascripts/ and docs/assets/stylesheets/ and is
written by its developers; anywhere else such a file stops the build.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from .errors import Problem
from .markdownhtml import is_other_host, url_scheme
from .names import is_content

# An XML file can hold XHTML with a script (browsers run it), hence .xml too.
ACTIVE_TYPES = (
    ".html",
    ".htm",
    ".xhtml",
    ".xht",
    ".shtml",
    ".xml",
    ".js",
    ".mjs",
    ".css",
    ".swf",
    ".svgz",
    ".xsl",
    ".xslt",
)
SVG_FORBIDDEN = frozenset({"script", "foreignobject", "iframe", "embed", "object", "handler", "listener"})
_STYLE_LOADS = re.compile(r"@import|url\(\s*['\"]?\s*(?:[a-z][a-z0-9+.-]*:|//)", re.I)


def check_uploads(docs: Path, shown_root: Path) -> list[Problem]:
    problems = []
    for path in sorted(docs.rglob("*")):
        if not path.is_file() or not is_content(path.relative_to(docs).as_posix()):
            continue
        shown = path.relative_to(shown_root)
        suffix = path.suffix.lower()
        if suffix in ACTIVE_TYPES:
            problems.append(
                Problem(
                    shown,
                    None,
                    "file",
                    f"a {suffix} file would run on the site's own address as if the site had written it; pages are "
                    "written in Markdown (.md) and documents uploaded as PDF: delete this file (or ask the "
                    "maintainers, who keep the site's own code in docs/assets/javascripts/)",
                )
            )
        elif suffix == ".svg":
            found = svg_problem(path.read_bytes())
            if found:
                problems.append(
                    Problem(
                        shown,
                        None,
                        "file",
                        f"this drawing {found}, which would run or load when it is opened on its own: save it "
                        "again without it (Inkscape: File → Save As → Optimized SVG), or upload it as PNG",
                    )
                )
    return problems


def svg_problem(data: bytes) -> str | None:
    """What in an SVG drawing could run or load something, or None."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return "is not written in UTF-8 (it cannot be checked)"
    # No document type, so no entity can be declared: the parser has nothing to expand or fetch.
    if re.search(r"<!(?:doctype|entity)", text, re.I):
        return "declares its own document type or entities"
    try:
        elements = list(ElementTree.fromstring(text).iter())  # noqa: S314 - no DTD is let through (above)
    except ElementTree.ParseError as error:
        return f"cannot be read as SVG ({error})"
    for element in elements:
        name = _local(element.tag).lower()
        if name in SVG_FORBIDDEN:
            return f"contains <{_local(element.tag)}>"
        if name == "style" and _STYLE_LOADS.search(element.text or ""):
            return "has a style that loads a file"
        for attribute, value in element.attrib.items():
            local = _local(attribute).lower()
            if local.startswith("on"):
                return f"has an {_local(attribute)} attribute (a script)"
            if local == "style" and _STYLE_LOADS.search(value):
                return "has a style that loads a file"
            if local in ("href", "src") and _loads(value):
                return f"links to {value[:60]!r}"
    return None


def _loads(value: str) -> bool:
    """An address in a drawing that is not a part of the drawing itself (a raster picture embedded in it is)."""
    embedded = re.match(r"\s*data:image/(?:png|jpeg|gif|webp)[;,]", value, re.I)
    return not embedded and (url_scheme(value) is not None or is_other_host(value))


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]
