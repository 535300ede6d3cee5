"""Reading a built site back: its pages, their languages and their links, from disk or from a server."""

from __future__ import annotations

import json
import re
import sys
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

import _site  # noqa: E402
from cisotra.addresses import load_redirects, page_path  # noqa: E402


def _site_languages() -> list:
    _config, languages, _moment = _site.standalone(Path(__file__).resolve().parent.parent)
    return sorted(languages, key=lambda language: not language.default)


# The site's languages as mkdocs.yml declares them: folder code → language tag, and URL prefixes.
LANGUAGES = {language.code: language.tag for language in _site_languages()}
PREFIXES = {language.code: language.prefix for language in _site_languages()}
DEFAULT = next(iter(LANGUAGES))
ROOT = Path(__file__).resolve().parent.parent


def redirect_sources(project: Path = ROOT) -> set[str]:
    """The old addresses of data/redirects.yml ('news/x/'): pages that send visitors elsewhere."""
    return {redirect.old for redirect in load_redirects(project / "data" / "redirects.yml", project, tuple(PREFIXES))}


def sample_post(project: Path = ROOT) -> str:
    """The post the suite takes as its sample, computed so that a partner's ordinary change (a post added,
    renamed with its redirect, or removed: CONTRIBUTING.md) leaves it a post: the oldest that exists in
    every language and whose address no redirect takes over. Its name, like 2018-05-15-first-project-meeting-naples."""
    docs = project / "docs"
    names = set.intersection(*({post.stem for post in (docs / code / "news").glob("*.md")} for code in PREFIXES))
    moved = redirect_sources(project)
    return min(name for name in names if f"news/{name}/" not in moved and name[:4].isdigit())


def sample_activity(project: Path = ROOT) -> str:
    """The first activity of data/activities.yml (a partner adds theirs at the end): its id."""
    import yaml

    activities = yaml.safe_load((project / "data" / "activities.yml").read_text(encoding="utf-8"))
    return activities[0]["id"]


# One page of each type, checked in every language by the browser suite and bench/lighthouse.py; the
# post and the activity are computed from docs/ and data/ (a partner may rename or add them).
PAGE_TYPES = {
    "home": "",
    "work package": "work-packages/wp4/",
    "timeline": "timeline/",
    "news index": "news/",
    "news post": f"news/{sample_post()}/",
    "newsletter archive": "newsletters/",
    "newsletter issue": "newsletters/issue-2/",
    "activity": f"activities/{sample_activity()}/",
    "indicators": "indicators/",
    "results": "results/",
    "photo page": "clean-photo/",
}


# Every test of the real site reads the same written pages: each is parsed once per session (with
# lxml, several times faster than Python's own parser) and shared, read-only.
_PARSED: dict[Path, BeautifulSoup] = {}


def parsed(file: Path) -> BeautifulSoup:
    if file not in _PARSED:
        _PARSED[file] = BeautifulSoup(file.read_text(encoding="utf-8"), "lxml")
    return _PARSED[file]


@dataclass
class BuiltPage:
    site: Path
    path: Path  # relative to the site folder

    @property
    def soup(self) -> BeautifulSoup:
        return parsed(self.site / self.path)

    @property
    def folder_code(self) -> str:
        first = self.path.parts[0]
        return first if first in PREFIXES and first != DEFAULT and len(self.path.parts) > 1 else DEFAULT

    def url(self, site_url: str) -> str:
        """The page's public URL."""
        relative = self.path.as_posix()
        relative = relative[: -len("index.html")] if relative.endswith("index.html") else relative
        return site_url + relative


def html_pages(site: Path) -> Iterator[BuiltPage]:
    for path in sorted(site.rglob("*.html")):
        yield BuiltPage(site, path.relative_to(site))


def content_pages(site: Path, project: Path) -> list[BuiltPage]:
    """Every page of the site in the theme, except the site-wide 404, the newsletters' e-mail exports, the
    editors' translation status and the redirect pages at the addresses of moved pages (`project`'s
    data/redirects.yml). The leaflets stand outside the theme, made for print, the browser editor (admin/)
    is Sveltia CMS's page: they and the redirect pages have tests of their own."""
    stubs = set(redirect_pages(project))
    return [
        page
        for page in html_pages(site)
        if page.path.name not in ("404.html", "email.html")
        and page.path.parts[0] not in ("translation-status", "admin")
        and "leaflet" not in page.path.parts
        and page.path.as_posix() not in stubs
    ]


def redirect_pages(project: Path) -> dict[str, tuple[str, str]]:
    """The redirect pages the site should have, from the project's data/redirects.yml: the file of each
    (relative to the site folder, 'si/news/x/index.html') → (language code, the site path it sends to)."""
    redirects = load_redirects(project / "data" / "redirects.yml", project, tuple(PREFIXES))
    return {
        page_path(PREFIXES[code] + redirect.old): (code, PREFIXES[code] + redirect.new)
        for redirect in redirects
        for code in PREFIXES
    }


def resolve(site: Path, site_url: str, page_url: str, href: str) -> tuple[Path | None, str]:
    """The file a link leads to inside the built site (None when it leaves the site) and its fragment."""
    target = urljoin(page_url, href)
    parts = urlsplit(target)
    base = urlsplit(site_url)
    if (parts.scheme, parts.netloc) != (base.scheme, base.netloc) or not parts.path.startswith(base.path):
        return None, parts.fragment
    relative = unquote(parts.path[len(base.path) :])
    candidate = site / relative
    if relative == "" or relative.endswith("/"):
        candidate = candidate / "index.html"
    return candidate, unquote(parts.fragment)


def ids(page_file: Path) -> set[str]:
    text = page_file.read_text(encoding="utf-8")
    return set(re.findall(r'\sid="([^"]+)"', text)) | set(re.findall(r'\sname="([^"]+)"', text))


def fetch(url: str, timeout: float = 5) -> str:
    """A page from a local server, or '' while it is not there (yet)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - our own server on 127.0.0.1
            return response.read().decode("utf-8")
    except OSError:
        return ""


def search_pages(site: Path, tag: str) -> dict[str, dict]:
    """The pages in language `tag`'s search index (hooks/cisotra/searchindex.py): site path → its entry."""
    entries = (
        json.loads(path.read_text(encoding="utf-8")) for path in (site / "search" / tag / "pages").glob("*.json")
    )
    return {entry["path"]: entry for entry in entries}
