"""Serve a built site on 127.0.0.1 under a sub-path, as GitHub project pages would; missing pages get 404.html.

    .venv/bin/python scripts/serve_site.py site/ [PORT]

Like GitHub Pages, it compresses text (gzip) for clients that accept it and answers with
`Cache-Control: max-age=600` and an ETag; speed measurements of an uncompressed server would
count bytes Pages never sends. `start(..., compress=False)` serves plain files, for comparison.

Used by the browser tests and bench/lighthouse.py; for editing, use `./run serve`.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SUB_PATH = "/cisotra/"
COMPRESSED = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".ics", ".csv", ".webmanifest", ".map"}
MAX_AGE = 600  # what GitHub Pages sends


class SiteHandler(SimpleHTTPRequestHandler):
    compress = True

    def end_headers(self) -> None:
        self.send_header("Cache-Control", f"max-age={MAX_AGE}")
        super().end_headers()

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path.split("?", 1)[0]))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.compress and accepts and path.suffix in COMPRESSED and path.is_file()):
            return super().do_GET()
        if path.parent.is_dir() and not self.path.split("?", 1)[0].endswith("/") and path.name == "index.html":
            return super().do_GET()  # the server's redirect to the address with a slash
        body = path.read_bytes()
        tag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'  # noqa: S324 - a cache tag, not security
        if self.headers.get("If-None-Match") == tag:
            self.send_response(304)
            self.send_header("ETag", tag)
            self.end_headers()
            return None
        packed = gzip.compress(body, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("ETag", tag)
        self.send_header("Content-Length", str(len(packed)))
        self.end_headers()
        self.wfile.write(packed)
        return None

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


def start(site: Path, port: int, compress: bool = True) -> ThreadingHTTPServer:
    """Serve in a background thread; call .shutdown() to stop."""
    handler = type("Handler", (SiteHandler,), {"compress": compress})
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("folder", type=Path, help="the built site (site/ after ./run build)")
    parser.add_argument("port", type=int, nargs="?", default=8000, help="the port on 127.0.0.1 (8000)")
    arguments = parser.parse_args()
    if not (arguments.folder / "index.html").is_file():
        parser.error(f"{arguments.folder} has no index.html: build the site first (./run build)")
    print(f"serving {arguments.folder} at http://127.0.0.1:{arguments.port}{SUB_PATH}")
    handler = partial(SiteHandler, directory=str(arguments.folder))
    ThreadingHTTPServer(("127.0.0.1", arguments.port), handler).serve_forever()


if __name__ == "__main__":
    main()
