"""Where "Edit this page" leads: the file an editor changes to change what the page shows.

Ordinary pages edit their own Markdown file. A page shown from the default language
(not yet translated) offers to create the translation in the visitor's language folder.
Generated pages point at what they are generated from: the timeline at the activities
data, the news and newsletter indexes at their language's folder.
"""

from __future__ import annotations

from posixpath import basename, dirname
from urllib.parse import quote

TIMELINE = "timeline.md"


def edit_url(repo_url: str, branch: str, relative: str, code: str, *, source_code: str, generated: bool) -> str:
    """`relative` is the page's path inside a language folder ('news/page/2.md'), `code` the language
    being built and `source_code` the folder its text comes from (another one on a fallback page)."""
    repo = repo_url.rstrip("/")
    if relative == TIMELINE:
        return f"{repo}/edit/{branch}/data/activities.yml"
    if generated:
        return f"{repo}/tree/{branch}/docs/{code}/{relative.split('/', 1)[0]}"
    if source_code != code:
        folder = f"docs/{code}/{dirname(relative)}".rstrip("/")
        return f"{repo}/new/{branch}/{quote(folder)}?filename={quote(basename(relative))}"
    return f"{repo}/edit/{branch}/docs/{code}/{quote(relative)}"
