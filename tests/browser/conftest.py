"""A real browser against the built site: headless Chromium (Debian's package) driven by Playwright.

The site is built for, and served on, 127.0.0.1 under a sub-path, as GitHub project
pages would serve it; a missing page gets the site's 404.html with status 404. Without
Chromium or Playwright the tests are skipped, and pytest's summary says why.
"""

from __future__ import annotations

import socket
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from sitebuild import build, copy_project

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SUB_PATH = "/cisotra/"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _SiteHandler(SimpleHTTPRequestHandler):
    """Serves the site under SUB_PATH; anything missing gets 404.html, as on GitHub Pages."""

    def translate_path(self, path: str) -> str:
        if path.startswith(SUB_PATH):
            path = "/" + path[len(SUB_PATH) :]
        else:
            path = "/__outside_the_site__"
        return super().translate_path(path)

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="session")
def served_site(tmp_path_factory):
    """(base URL, built site) of the site served on 127.0.0.1."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"browser tests need Chromium at {CHROMIUM} (Debian/Ubuntu: apt-get install chromium)")
    pytest.importorskip(
        "playwright.sync_api", reason="browser tests need Playwright (pip install -r requirements-dev.txt)"
    )
    port = _free_port()
    base = f"http://127.0.0.1:{port}{SUB_PATH}"
    result = build(copy_project(tmp_path_factory.mktemp("browser")), site_url=base)
    assert result.returncode == 0, result.log
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(_SiteHandler, directory=str(result.site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base, result.site
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser(served_site):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


class Visit:
    """One page load, with every request and console error recorded."""

    def __init__(self, browser, url: str, viewport: dict[str, int] | None = None) -> None:
        self.context = browser.new_context(viewport=viewport or {"width": 1280, "height": 900}, service_workers="block")
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.failed: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("response", lambda response: response.status >= 400 and self.failed.append(response.url))
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.response = self.page.goto(url, wait_until="load")

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(browser):
    opened: list[Visit] = []

    def open_page(url: str, viewport: dict[str, int] | None = None) -> Visit:
        opened.append(Visit(browser, url, viewport))
        return opened[-1]

    yield open_page
    for item in opened:
        item.close()
