"""Files partners upload: only kinds the site publishes as they are, and drawings that can only draw.

The site publishes every file under docs/ at an address of its own, so a file that a browser
runs (a page, a script, an XML file with XHTML in it, …) would run with the site's address,
as if the site had written it. Instead of listing the dangerous kinds, which grow with every
browser, the site lists the kinds it publishes (`PUBLISHED_TYPES`); anything else stops the
build. The site's own code lives in docs/assets/javascripts/ and docs/assets/stylesheets/,
written by its developers, and is not checked here.

An SVG drawing is a document too: opened on its own it can run scripts, follow links and load
files. A drawing may therefore hold only what draws (`SVG_ELEMENTS`, attributes without a
script or an address outside the drawing, styles without escapes, rules or addresses).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from .errors import Problem
from .names import is_content
from .photometadata import is_photo

PUBLISHED_TYPES = {
    ".md": "page",
    ".jpg": "photo",
    ".jpeg": "photo",
    ".png": "photo",
    ".webp": "photo",
    ".svg": "drawing",
    ".pdf": "document",
    ".docx": "document",
    ".xlsx": "document",
    ".pptx": "document",
    ".odt": "document",
    ".ods": "document",
    ".odp": "document",
    ".csv": "document",
    ".txt": "document",
    ".zip": "document",
}
# MkDocs also renders these as pages, but every check and every address of the site reads .md.
OTHER_MARKDOWN = (".markdown", ".mdown", ".mkdn", ".mkd", ".mdwn", ".mdtxt", ".mdtext")

SVG_NAMESPACE = "http://www.w3.org/2000/svg"
XLINK_NAMESPACE = "http://www.w3.org/1999/xlink"
XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace"
# What draws, and nothing that runs, links, animates (an animation can set a link to a script)
# or embeds: no <script>, <a>, <set>, <animate>, <foreignObject>, <feImage>.
SVG_ELEMENTS = frozenset(
    {
        "svg",
        "g",
        "defs",
        "symbol",
        "use",
        "title",
        "desc",
        "path",
        "rect",
        "circle",
        "ellipse",
        "line",
        "polyline",
        "polygon",
        "text",
        "tspan",
        "lineargradient",
        "radialgradient",
        "stop",
        "clippath",
        "mask",
        "pattern",
        "marker",
        "image",
        "style",
        "filter",
        "feblend",
        "fecolormatrix",
        "fecomposite",
        "fedropshadow",
        "feflood",
        "fegaussianblur",
        "femerge",
        "femergenode",
        "femorphology",
        "feoffset",
    }
)
_REFERENCE = re.compile(r"url\(", re.I)
_LOCAL_REFERENCE = re.compile(r"url\(\s*(['\"]?)#[^)'\"\s\\]*\1\s*\)", re.I)
_STYLE_FUNCTIONS = re.compile(r"image-set\(|image\(|cross-fade\(|element\(|expression\(|binding", re.I)
_INSTRUCTION = re.compile(r"<\?\s*([^\s?>]*)")
_EMBEDDED_PICTURE = re.compile(r"\s*data:image/(?:png|jpeg|gif|webp)[;,]", re.I)
HOW_TO_SAVE = "save it again as a plain drawing (Inkscape: File → Save As → Optimized SVG), or upload it as PNG"


def check_uploads(docs: Path, shown_root: Path) -> list[Problem]:
    problems = []
    for path in sorted(docs.rglob("*")):
        if not path.is_file() or not is_content(path.relative_to(docs).as_posix()):
            continue
        if is_photo(path):
            continue  # a picture's type and contents are the photo check's (photometadata)
        shown = path.relative_to(shown_root)
        found = type_problem(path.name)
        if found is None and path.suffix.lower() == ".svg":
            drawing = svg_problem(path.read_bytes())
            if drawing:
                found = f"this drawing {drawing}, which could run or load something when it is opened on its own: "
                found += HOW_TO_SAVE
        if found:
            problems.append(Problem(shown, None, "file", found))
    return problems


def type_problem(name: str) -> str | None:
    """Why a file of this name is not published, or None for a kind the site publishes."""
    suffix = Path(name).suffix.lower()
    if suffix in PUBLISHED_TYPES:
        return None
    if suffix in OTHER_MARKDOWN:
        return f"pages are written in files ending in .md: rename this file to {Path(name).stem}.md"
    kinds = ", ".join(sorted(PUBLISHED_TYPES))
    what = f"a {suffix} file" if suffix else "a file without an extension"
    return (
        f"{what} is not a kind of file the site publishes (it publishes only {kinds}; a web page, a script or an "
        "XML file would run on the site's own address as if the site had written it): save it as PDF, or as "
        "JPEG or PNG for a picture, and delete this file; for anything else ask the maintainers"
    )


def svg_problem(data: bytes) -> str | None:
    """What in an SVG drawing is more than a drawing, or None."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return "is not written in UTF-8 (it cannot be checked)"
    # No document type, so no entity can be declared: the parser has nothing to expand or fetch.
    if re.search(r"<!(?:doctype|entity)", text, re.I):
        return "declares its own document type or entities"
    # The XML reader drops processing instructions, but a browser follows <?xml-stylesheet?>.
    for target in _INSTRUCTION.findall(text):
        if target.lower() != "xml":
            return f"has a processing instruction <?{target}"
    try:
        root = ElementTree.fromstring(text)  # noqa: S314 - no DTD is let through (above)
    except ElementTree.ParseError as error:
        return f"cannot be read as SVG ({error})"
    if root.tag != f"{{{SVG_NAMESPACE}}}svg":
        return "is not an SVG drawing (its first element is not <svg> in the SVG namespace)"
    for element in root.iter():
        found = _element_problem(element)
        if found:
            return found
    return None


def _element_problem(element: ElementTree.Element) -> str | None:
    namespace, name = _split(element.tag)
    if namespace != SVG_NAMESPACE:
        return f"contains <{name}> from another vocabulary ({namespace or 'no namespace'})"
    if name.lower() not in SVG_ELEMENTS:
        return f"contains <{name}>"
    for attribute, value in element.attrib.items():
        space, local = _split(attribute)
        if local.lower().startswith("on"):
            return f"has an {local} attribute (a script)"
        if space not in ("", XML_NAMESPACE) and (space, local) != (XLINK_NAMESPACE, "href"):
            return f"has an attribute {local} from another vocabulary ({space})"
        if local == "href":
            embedded = name.lower() == "image" and _EMBEDDED_PICTURE.match(value)
            if not (value.strip().startswith("#") or embedded):
                return f"links to {value[:60]!r}"
        elif _REFERENCE.search(value) and not _only_local(value) and "\\" not in value:
            return f"has {local}={value[:60]!r}, which loads a file"
        else:
            # A browser reads a drawing's presentation attributes (fill, mask, cursor, …) as style,
            # escapes and image functions included: every value is held to a style's rules.
            found = _style_problem(value)
            if found:
                return found
    if name.lower() == "style":
        if len(element):  # text after a child element is style too, and a check of .text alone misses it
            return "has an element inside its <style>"
        return _style_problem("".join(element.itertext()))
    return None


def _style_problem(css: str) -> str | None:
    """A style may set how things look, and refer to parts of the drawing (url(#id)) only."""
    if "\\" in css:
        return "has a style with an escape (\\), which can hide an address"
    if "@" in css:
        return "has a style rule (@…), which can load a file"
    if _STYLE_FUNCTIONS.search(css) or not _only_local(css):
        return "has a style that loads a file"
    return None


def _only_local(value: str) -> bool:
    """Every url(…) in the value points into the drawing itself (url(#gradient))."""
    return len(_REFERENCE.findall(value)) == len(_LOCAL_REFERENCE.findall(value))


def _split(name: str) -> tuple[str, str]:
    if name.startswith("{"):
        namespace, local = name[1:].split("}", 1)
        return namespace, local
    return "", name
