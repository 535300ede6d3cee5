"""The site's own address is never written into its content, and no content points at a computer's own or a private network.

The site is published under different addresses: `http://127.0.0.1:8000/` while a
partner previews it, a sub-path of GitHub Pages, perhaps a domain of its own later.
Its pages link each other with relative links, so they work under any of them. A link
pasted from the browser's address bar (`http://127.0.0.1:8000/results/study.pdf`, the
address partners find in mkdocs.yml) works on the partner's computer only; one with the
public address breaks when the site moves. So a link to the site's own address (its
`site_url`, or the local preview's, with or without a language prefix, over http or
https) is stopped with the relative link to write instead, and an address on a
computer's own or a private network (127.x, localhost, ::1, 10.x, 192.168.x,
172.16–31.x, *.local, 0.0.0.0) anywhere in the content or the data is stopped: no
reader can reach it. A build for deployment whose own `site_url` is such an address
fails too.
"""

from __future__ import annotations

import ipaddress
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import idna

from .errors import Problem
from .urls import relative

LOCAL_PREVIEW = "http://127.0.0.1:8000/"
_LOCAL_NAMES = ("localhost", "localhost.localdomain", "ip6-localhost")
_LOCAL_SUFFIXES = (".localhost", ".local", ".internal", ".lan", ".home.arpa")
_DEFAULT_PORTS = {"http": 80, "https": 443}
_IGNORED = re.compile(r"[\t\n\r]")
_LOOKS_LIKE_ADDRESS = re.compile(r"^\s*(?:[a-zA-Z][a-zA-Z0-9+.-]*:)?//\S+\s*$")


def is_private_host(host: str) -> bool:
    """A computer's own address or a private network's: nobody else can reach it."""
    host = host.lower().strip("[]").rstrip(".")
    if host in _LOCAL_NAMES or host.endswith(_LOCAL_SUFFIXES):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return _is_numeric_loopback(host)
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return address.is_private or address.is_loopback or address.is_unspecified or address.is_link_local


def _is_numeric_loopback(host: str) -> bool:
    """Forms browsers read as an IPv4 address though Python does not: '2130706433', '0x7f.1', '127.1'."""
    parts = host.split(".")
    if not all(re.fullmatch(r"0x[0-9a-f]+|\d+", part) for part in parts) or not 1 <= len(parts) <= 4:
        return False
    if any(
        len(part) > 1 and part.startswith("0") and not part.startswith("0x") and set(part) & set("89") for part in parts
    ):
        return False  # '08' is no octal number: browsers refuse the address
    numbers = [
        int(part, 16)
        if part.startswith("0x")
        else int(part, 8)
        if len(part) > 1 and part.startswith("0")
        else int(part)
        for part in parts
    ]
    value = numbers[-1]
    for index, number in enumerate(numbers[:-1]):
        value += number << (8 * (3 - index))
    try:
        return is_private_host(str(ipaddress.IPv4Address(value)))
    except ValueError:
        return False


@dataclass(frozen=True)
class Location:
    host: str
    port: int | None
    path: str


def _location(url: str) -> Location | None:
    """Host, port and path of an absolute http(s) address (or one starting with //); None for anything else."""
    cleaned = _IGNORED.sub("", url).strip().replace("\\", "/")
    # A browser reads any number of slashes after http: or https: (none, one, three) as '//'.
    cleaned = _WEB_SCHEME.sub(lambda match: match.group(1) + "://", cleaned, count=1)
    try:
        parts = urlsplit(cleaned)
        port = parts.port
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https", "") or not parts.netloc or not parts.hostname:
        return None
    if port is None:
        port = _DEFAULT_PORTS.get(parts.scheme.lower())
    # '..' in the path as a browser resolves it: /cisotra/../README is not under /cisotra/.
    path = posixpath.normpath(unquote(parts.path) or "/") + ("/" if parts.path.endswith("/") else "")
    return Location(_host(parts.hostname), port, path.replace("//", "/"))


_WEB_SCHEME = re.compile(r"^(https?):/*", re.I)


def _host(written: str) -> str:
    """A host as a browser reads it: percent escapes decoded, then mapped by UTS #46 as browsers map
    it (full-width or segmented digits, ideographic full stops: '127。0。0。1' is 127.0.0.1; the
    idna package's tables follow current Unicode, the standard library's codec stops at 3.2),
    lower case, no final dot."""
    host = unquote(written).strip()
    try:
        host = idna.uts46_remap(host, std3_rules=False, transitional=False)
    except idna.IDNAError:
        pass  # a character UTS #46 refuses: a browser refuses the address too; compared as written
    return host.lower().rstrip(".")


@dataclass(frozen=True)
class SiteAddresses:
    """The addresses the site itself has: its `site_url` and the local preview's."""

    site_url: str

    def _bases(self) -> Iterator[Location]:
        for url in (self.site_url, LOCAL_PREVIEW, "http://localhost:8000/"):
            location = _location(url) if url else None
            if location is not None:
                yield location

    def site_path(self, url: str) -> str | None:
        """The site path an address of the site itself leads to ('si/news/x/'), or None for another site."""
        location = _location(url)
        if location is None:
            return None
        for base in self._bases():
            same_port = location.port == base.port or {location.port, base.port} <= {80, 443, None}
            if location.host != base.host or not same_port:
                continue
            folder = base.path if base.path.endswith("/") else base.path + "/"
            if location.path == folder.rstrip("/") or location.path.startswith(folder):
                return location.path[len(folder) :]
        return None

    def is_own(self, url: str) -> bool:
        return self.site_path(url) is not None


def is_private(url: str) -> bool:
    """An absolute address (http, https or //) on a computer's own or a private network."""
    location = _location(url)
    return location is not None and is_private_host(location.host)


def _suffix(url: str) -> str:
    """'?query#fragment' of an address, to keep them in the relative link."""
    parts = urlsplit(_IGNORED.sub("", url).strip())
    return (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")


# ---------------------------------------------------------------------------
# Where a site path comes from: the file under docs/ to link to instead


def source_of(site_path: str, docs: Path, codes: tuple[str, ...]) -> str | None:
    """The file under docs/ published at `site_path` ('si/news/x/' → 'si/news/x.md'); `codes` lists the default first."""
    first, _, rest = site_path.partition("/")
    language, inside = (first, rest) if first in codes[1:] else (codes[0], site_path)
    if not inside or inside.endswith("/"):
        candidates = [
            f"{language}/{inside}index.md",
            f"{language}/{inside.rstrip('/')}.md",
            f"{language}/{inside}README.md",
        ]
    else:
        candidates = [f"{language}/{inside}", inside]
        if inside.endswith(".html"):
            candidates.append(f"{language}/{inside.removesuffix('.html')}.md")
    return next((candidate for candidate in candidates if candidate and (docs / candidate).is_file()), None)


def relative_instead(url: str, site_path: str, source: str, page: str, docs: Path, codes: tuple[str, ...]) -> str:
    """The relative link to write in the Markdown file `source` (under docs/, published at site path `page`)
    instead of the site's own address `url`, which leads to `site_path`."""
    found = source_of(site_path, docs, codes)
    if found is not None:
        link = posixpath.relpath(found, posixpath.dirname(source) or ".")
    else:  # a page the site makes itself (a topic's news list, say): relative to the published page
        link = relative(site_path, page)
    return link + _suffix(url)


# ---------------------------------------------------------------------------
# Messages


def own_link_message(url: str, instead: str) -> str:
    return (
        f"'{url}' is this site's own address, which is different in a preview and on the published site: "
        f"link to it relative to this file, as '{instead}'"
    )


def private_message(url: str) -> str:
    return (
        f"'{url}' is an address on a computer's own or a private network, which no reader can reach: "
        "write a public address (https://…), or the path of a file of this site relative to this file"
    )


def own_data_message(url: str, docs_path: str | None) -> str:
    where = (
        f"this is the file docs/{docs_path}: list it as a result in data/results.yml with  file: {docs_path}  "
        "(the results page and its work package's page link it)"
        if docs_path
        else "a file of this site is listed in data/results.yml with  file: (its path under docs/), and a page of "
        "the site is linked from a page's text with a relative link"
    )
    return (
        f"'{url}' is this site's own address, which is different in a preview and on the published site; "
        f"here only addresses of other sites can be written: {where}"
    )


def deploy_problem(site_url: str, shown: Path) -> Problem | None:
    """A build for deployment whose own address only its own computer (or network) can reach."""
    if not site_url or not is_private(site_url):
        return None
    return Problem(
        shown,
        None,
        "site_url",
        f"this build is for deployment, but its site_url is {site_url!r}, an address on a computer's own or a "
        "private network: the published pages' canonical links, feeds and sitemap would lead there. Set SITE_URL "
        "to the public address (the workflow takes it from GitHub Pages)",
    )


# ---------------------------------------------------------------------------
# Addresses in data files and front matter


def data_addresses(value: object, lines: list[str], line: int | None = None) -> Iterator[tuple[str, int | None, str]]:
    """(field, line, address) of every text in a loaded YAML value (with `Located` mappings) that is one address.

    The field is named as the other data checks name it: 'meeting-7-celje: report.outputs'.
    """
    yield from _walk(value, (), None, line, lines)


def _walk(value, path, ident, line, lines):
    if isinstance(value, dict):
        if isinstance(value.get("id"), str):
            ident, path = value["id"], ()
        for key, item in value.items():
            key_line = value.line_of(key) if hasattr(value, "line_of") else line
            yield from _walk(item, (*path, str(key)), ident, key_line, lines)
    elif isinstance(value, list):
        for item in value:
            yield from _walk(item, path, ident, line, lines)
    elif isinstance(value, str) and _LOOKS_LIKE_ADDRESS.match(value):
        field = ".".join(path)
        yield (f"{ident}: {field}" if ident else field), _line_of_text(lines, line, value.strip()), value.strip()


def _line_of_text(lines: list[str], near: int | None, text: str) -> int | None:
    """The line a text stands on, at or after the line of its key (a list's items follow their key)."""
    start = (near or 1) - 1
    return next((index + 1 for index in range(start, len(lines)) if text in lines[index]), near)


def check_data_addresses(
    value: object,
    lines: list[str],
    shown: Path,
    site: SiteAddresses,
    docs: Path,
    codes: tuple[str, ...],
    line: int | None = None,
) -> list[Problem]:
    """No address in a data file or a front matter is the site's own, or on a private network."""
    problems = []
    for field, where, url in data_addresses(value, lines, line):
        site_path = site.site_path(url)
        if site_path is not None:
            found = source_of(site_path, docs, codes)
            docs_path = found if found and not found.endswith(".md") else None
            problems.append(Problem(shown, where, field, own_data_message(url, docs_path)))
        elif is_private(url):
            problems.append(Problem(shown, where, field, private_data_message(url)))
    return problems


def private_data_message(url: str) -> str:
    return (
        f"'{url}' is an address on a computer's own or a private network, which no reader can reach: "
        "write the public address (https://…)"
    )
