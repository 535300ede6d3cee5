"""Every web page the site publishes passes the Nu HTML Checker (vnu.jar) with no errors.

The checker comes from npm (tests/tools/package.json, pinned by its lock file) and needs
Java; .ci/run installs both. E-mail exports are left out: they are written for e-mail
programs, with the table attributes those need and the checker rejects.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from cisotra.addresses import render_redirect

VNU = Path(__file__).resolve().parent / "tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def web_pages(site: Path) -> list[Path]:
    return sorted(page for page in site.rglob("*.html") if page.name != "email.html")


def check(pages: list[Path]) -> list[dict]:
    if shutil.which("java") is None or not VNU.is_file():
        pytest.skip(
            f"the Nu HTML Checker needs Java and {VNU.relative_to(VNU.parents[3])}: "
            "apt-get install default-jre-headless; npm ci --ignore-scripts --prefix tests/tools"
        )
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, pages)],
        capture_output=True,
        text=True,
        check=False,
    )
    return json.loads(result.stderr or '{"messages": []}')["messages"]


def report(messages: list[dict], site: Path) -> str:
    """The kinds of error with their count, then the first pages and lines of each."""
    kinds = Counter(message["message"] for message in messages)
    lines = [f"{len(messages)} errors:"]
    for kind, count in kinds.most_common():
        lines.append(f"  {count} × {kind}")
        for message in [m for m in messages if m["message"] == kind][:3]:
            where = message["url"].removeprefix("file:").removeprefix(str(site) + "/")
            lines.append(f"      {where}:{message.get('lastLine')}: {message.get('extract', '').strip()[:120]}")
    return "\n".join(lines)


def test_every_web_page_of_the_site_has_no_html_errors(site):
    pages = web_pages(site.site)
    assert len(pages) > 100  # the site's pages in six languages, not a stray folder
    messages = check(pages)
    assert not messages, report(messages, site.site)


def test_the_redirect_pages_have_no_html_errors(tmp_path):
    page = tmp_path / "moved" / "index.html"
    page.parent.mkdir()
    page.write_text(
        render_redirect("../new/", "https://example.org/cisotra/new/", "el", "Μετακόμισε", "Νέα διεύθυνση"), "utf-8"
    )
    messages = check([page])
    assert not messages, report(messages, tmp_path)
