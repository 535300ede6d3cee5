"""A real browser against the built site: headless Chromium (Debian's package) driven by Playwright.

The site is built for, and served on, 127.0.0.1 under a sub-path, as GitHub project
pages would serve it; a missing page gets the site's 404.html with status 404. Without
Chromium or Playwright the tests are skipped, and pytest's summary says why.
"""

from __future__ import annotations

import socket
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

import serve_site  # noqa: E402
from chromium import FLAGS as CHROMIUM_FLAGS  # noqa: E402

from sitebuild import build

CHROMIUM = "/usr/bin/chromium"
SUB_PATH = serve_site.SUB_PATH


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _needs_a_browser() -> None:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"browser tests need Chromium at {CHROMIUM} (Debian/Ubuntu: apt-get install chromium)")
    pytest.importorskip(
        "playwright.sync_api", reason="browser tests need Playwright (pip install -r requirements-dev.txt)"
    )


@pytest.fixture(scope="session")
def serve():
    """Build a project for, and serve it on, 127.0.0.1 under the sub-path: `serve(project)` → (base URL, site)."""
    _needs_a_browser()
    servers = []

    def build_and_serve(project: Path) -> tuple[str, Path]:
        port = _free_port()
        base = f"http://127.0.0.1:{port}{SUB_PATH}"
        result = build(project, site_url=base)
        assert result.returncode == 0, result.log
        servers.append(serve_site.start(result.site, port))
        return base, result.site

    yield build_and_serve
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def served_site(site):
    """(base URL, built site) of the suite's real site (tests/conftest.py) served on 127.0.0.1, under the
    sub-path it was built for: its pages link each other relatively, so the same files serve anywhere."""
    _needs_a_browser()
    assert urlsplit(site.site_url).path == SUB_PATH
    port = _free_port()
    server = serve_site.start(site.site, port)
    yield f"http://127.0.0.1:{port}{SUB_PATH}", site.site
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def served_small_shards(request):
    """(base URL, built site) of the site with small search shards (tests/conftest.py), served on 127.0.0.1."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"browser tests need Chromium at {CHROMIUM} (Debian/Ubuntu: apt-get install chromium)")
    built, port = request.getfixturevalue("small_shards_site")
    server = serve_site.start(built.site, port)
    yield f"http://127.0.0.1:{port}{SUB_PATH}", built.site
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser(served_site):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


# Every Content-Security-Policy violation of a page, as the browser reports it to the page.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"} at ${event.sourceFile}:${event.lineNumber}`);
});
"""


class Visit:
    """One page load, with every request, console error and Content-Security-Policy violation recorded."""

    def __init__(self, browser, url: str, viewport: dict[str, int] | None = None) -> None:
        self.context = browser.new_context(viewport=viewport or {"width": 1280, "height": 900}, service_workers="block")
        self.context.add_init_script(RECORD_VIOLATIONS)
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.failed: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("response", lambda response: response.status >= 400 and self.failed.append(response.url))
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.response = self.page.goto(url, wait_until="load")

    def violations(self) -> list[str]:
        """The Content-Security-Policy violations on the page so far (in every frame the page opened)."""
        return self.page.evaluate("window.__cspViolations || []")

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(browser):
    opened: list[Visit] = []

    def open_page(url: str, viewport: dict[str, int] | None = None, attack: bool = False) -> Visit:
        """`attack`: the test breaks the policy on purpose, and checks the violations itself."""
        opened.append(Visit(browser, url, viewport))
        opened[-1].attack = attack
        return opened[-1]

    yield open_page
    # Whatever a test did on its pages (typed a search, used the filters, switched language),
    # the site's own Content-Security-Policy was never violated.
    violations = {}
    for item in opened:
        try:
            found = item.violations()
        except Exception:  # noqa: BLE001 - a page the test closed or navigated away from in a new context
            found = []
        if found and not item.attack:
            violations[item.page.url] = found
        item.close()
    assert violations == {}, violations
