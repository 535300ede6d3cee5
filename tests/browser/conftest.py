"""A real browser against the built site: headless Chromium (Debian's package) driven by Playwright.

The site is built for, and served on, 127.0.0.1 under a sub-path, as GitHub project
pages would serve it; a missing page gets the site's 404.html with status 404. Without
Chromium or Playwright the tests are skipped, and pytest's summary says why.
"""

from __future__ import annotations

import socket
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

import serve_site  # noqa: E402
from chromium import FLAGS as CHROMIUM_FLAGS  # noqa: E402

from sitebuild import build, copy_project

CHROMIUM = "/usr/bin/chromium"
SUB_PATH = serve_site.SUB_PATH


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


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
    server = serve_site.start(result.site, port)
    yield base, result.site
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
