"""Where Chromium is and how the project starts it: one place for the leaflets, the browser
tests and the benchmarks.

Debian's package, headless, with nothing that would reach the network on its own (updates,
sync, component downloads), so a run makes no request beyond the site it is pointed at.
"""

from __future__ import annotations

import os
import shutil

FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def find_chromium() -> str | None:
    """$CHROMIUM if set, else the first of chromium, chromium-browser, google-chrome on PATH."""
    if os.environ.get("CHROMIUM"):
        return os.environ["CHROMIUM"]
    return next(
        (found for name in ("chromium", "chromium-browser", "google-chrome") if (found := shutil.which(name))), None
    )
