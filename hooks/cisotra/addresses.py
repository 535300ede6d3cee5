"""Addresses that outlive the project: the list of every address the site has published, and redirects.

data/addresses.txt lists every address a build has published (pages, feeds, calendars,
exports, files), one site path per line; `./run addresses` brings it up to date from a
build. A build that no longer has one of them fails and names it, unless
data/redirects.yml sends it elsewhere: then each language gets a small redirect page at
the old address (meta refresh, a canonical link to the new address, `noindex`), so
visitors, bookmarks, printed leaflets and search engines all arrive at the new page.

mkdocs-redirects does the same for a single-language site; it knows nothing of the
language folders (each old page would be listed once per language), writes `lang="en"`
on every redirect page and does not ask search engines to drop the old address.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .csp import secured
from .errors import DataError, Problem
from .fields import INVALID, Kind, MapOf, Where
from .render import html
from .yamlfile import Located, load_file

# What is not an address of its own: the theme's and search's files change with every
# release of them and nobody links to them; 404.html is served for what is missing.
# The leaflets' PDFs are printed after the build (scripts/leaflets.py checks them); their pages are
# listed. An activity's own calendar file is offered only while the activity is upcoming. The
# browser editor (admin/) is a tool for partners whose files change with its version, not a page.
NOT_ADDRESSES = re.compile(
    r"^(assets/|search/|admin/|404\.html$|sitemap\.xml(\.gz)?$|.*\.map$|(.*/)?leaflet/[^/]+\.pdf$"
    r"|(.*/)?calendar/(?!activities\.ics$)[^/]+\.ics$)"
)
_PATH = re.compile(r"^[a-z0-9][a-z0-9._/-]*$")


@dataclass(frozen=True)
class Redirect:
    old: str  # site path within a language, e.g. 'about/' or 'news/2018-05-15-x/'
    new: str
    line: int | None = None


def published(site: Path) -> list[str]:
    """Every address of a built site, from its root: '/' for index.html, '/about/' for about/index.html,
    files by their path ('/feed_rss_created.xml')."""
    addresses = []
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        relative = path.relative_to(site).as_posix()
        if NOT_ADDRESSES.match(relative):
            continue
        if relative == "index.html" or relative.endswith("/index.html"):
            relative = relative.removesuffix("index.html")
        addresses.append("/" + relative)
    return sorted(addresses)


def read_list(path: Path) -> list[tuple[int, str]]:
    """(line, address) of data/addresses.txt; '#' starts a comment."""
    if not path.exists():
        return []
    entries = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        address = line.split("#", 1)[0].strip()
        if address:
            entries.append((number, address))
    return entries


def write_list(path: Path, addresses: Iterable[str]) -> None:
    header = (
        "# Every address this site has published. A build fails when one of them is missing and\n"
        "# data/redirects.yml does not send it elsewhere. `./run addresses` adds new addresses;\n"
        "# remove a line only for an address that is gone on purpose (CONTRIBUTING.md, section 8).\n"
    )
    path.write_text(header + "".join(f"{address}\n" for address in sorted(set(addresses))), encoding="utf-8")


def _address_mistake(value: str, codes: tuple[str, ...]) -> str | None:
    """What is wrong with an address a partner wrote the way partners most often do, or None."""
    if value.endswith(".md"):
        page = value.removesuffix(".md").removesuffix("index")
        return f"write the page's address, not its file name: {page}/ for {value}".replace("//", "/")
    folder = value.split("/", 1)[0]
    if folder in codes and "/" in value:
        return f"leave out the language folder: {value.split('/', 1)[1]} (one line serves every language)"
    if not value.endswith("/") and "." not in value.rsplit("/", 1)[-1]:
        return f"a page's address ends with /: {value}/"
    return None


@dataclass(frozen=True)
class SitePath(Kind):
    """An address of the site within a language, as data/redirects.yml writes it: about/, news/2018-05-15-x/.
    The mistakes partners make most (a file name, the language folder, no final /) are named with the fix."""

    role: str = "address"  # 'old address', 'new address'
    expected: str = (
        "a path of the site without the language folder, such as  about/  or  news/2018-05-15-first-meeting/"
    )

    def check(self, value, where):
        if not isinstance(value, str) or not _PATH.match(value) or "//" in value or ".." in value:
            where.problem(f"{self.role} {value!r}: expected {self.expected}")
            return INVALID
        if mistake := _address_mistake(value, where.languages):
            where.problem(f"{self.role} {value!r}: {mistake}")
            return INVALID
        return value

    def schema(self, languages):
        return {"type": "string", "pattern": _PATH.pattern}

    def widget(self, languages):
        return {"widget": "string", "pattern": [_PATH.pattern, f"Write {self.expected}"]}


REDIRECTS = MapOf(
    SitePath("new address"),
    key=SitePath("old address"),
    expected="lines like  old-page/: new-page/",
    key_help="The address that moved, without the language folder: partners/ or news/2018-05-15-first-meeting/.",
)


def load_redirects(path: Path, shown_root: Path, codes: tuple[str, ...] = ()) -> list[Redirect]:
    """data/redirects.yml: `old/address/: new/address/`, site paths within a language (`codes`: the
    language folders, which a line must not name)."""
    if not path.exists():
        return []
    shown = path.relative_to(shown_root)
    data = load_file(path, shown) or Located()
    problems: list[Problem] = []
    REDIRECTS.check(data, Where(shown, getattr(data, "line", 1), "", problems, codes))
    if isinstance(data, Located):
        for old, new in data.items():
            if old == new:
                problems.append(Problem(shown, data.line_of(old), str(old), "sends an address to itself"))
    if problems:
        raise DataError(problems)
    return [Redirect(str(old), str(new), data.line_of(old)) for old, new in data.items()]


def page_path(address: str) -> str:
    """The file that answers an address: '/about/' and 'about/' → 'about/index.html'."""
    address = address.removeprefix("/")
    return address + "index.html" if address.endswith("/") or address == "" else address


def render_redirect(target: str, canonical: str, lang: str, title: str, link_text: str) -> str:
    """A page that sends its visitor to `target` (relative, so it works under any sub-path)."""
    page = html("redirect.html", target=target, canonical=canonical, lang=lang, title=title, link_text=link_text)
    return secured(str(page) + "\n")


def relative_link(from_address: str, to_address: str) -> str:
    """The link from the page at one site path to another: from 'si/a/b/' to 'si/c/' is '../../../si/c/'."""
    return "../" * from_address.count("/") + to_address or "./"


def missing(listed: list[tuple[int, str]], exists, redirected: set[str], shown: Path) -> list[Problem]:
    """The listed addresses the build no longer has and no redirect covers."""
    return [
        Problem(
            shown,
            line,
            address,
            "this address was published, but the site no longer has it. If the page moved, add a line "
            "`old/address/: new/address/` to data/redirects.yml (without the language folder); if it is "
            "gone on purpose, delete this line",
        )
        for line, address in listed
        if address.removeprefix("/") not in redirected and not exists(page_path(address))
    ]
