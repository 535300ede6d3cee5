"""Serve a built site on 127.0.0.1 under a sub-path, as GitHub project pages would; missing pages get 404.html.

    .venv/bin/python scripts/serve_site.py site/ [PORT]

Used by the browser tests and bench/lighthouse.py; for editing, use `./run serve`.
"""

from __future__ import annotations

import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SUB_PATH = "/cisotra/"


class SiteHandler(SimpleHTTPRequestHandler):
    def translate_path(self, path: str) -> str:
        path = "/" + path[len(SUB_PATH) :] if path.startswith(SUB_PATH) else "/__outside_the_site__"
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


def start(site: Path, port: int) -> ThreadingHTTPServer:
    """Serve in a background thread; call .shutdown() to stop."""
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(SiteHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


if __name__ == "__main__":
    port = int(sys.argv[2]) if len(sys.argv) > 2 else 8000
    print(f"serving {sys.argv[1]} at http://127.0.0.1:{port}{SUB_PATH}")
    ThreadingHTTPServer(("127.0.0.1", port), partial(SiteHandler, directory=sys.argv[1])).serve_forever()
