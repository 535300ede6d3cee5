"""What a build does with a problem in the partners' files: stop with a message they can act on, or,
while `./run serve` previews, show it at the top of every page.

A problem names its file, line and field (cisotra.errors.Problem). With
CISOTRA_ANNOTATIONS=1 (set in CI) each is also printed as a GitHub annotation on its file
and line. MkDocs' own warnings are shown in the preview too.
"""

from __future__ import annotations

import logging
import os
import re
from typing import Protocol

from mkdocs.exceptions import PluginError

from cisotra.errors import DataError, Problem
from cisotra.render import html as render_html


class SiteBuild(Protocol):
    """What reporting needs of a build (buildstate.SiteBuild)."""

    serving: bool  # `./run serve`: show problems on the pages instead of stopping
    problems: list[str]  # what the pages show


log = logging.getLogger("mkdocs.hooks.cisotra")


def fail(site: SiteBuild, problems: list[Problem], fatal: bool = False) -> None:
    """Stop the build with `problems` (and GitHub annotations in CI). While serving, a problem that
    leaves something to show is shown in the browser instead."""
    if os.environ.get("CISOTRA_ANNOTATIONS"):
        for problem in problems:
            print(problem.github_annotation(), flush=True)  # noqa: T201 - GitHub reads annotations from stdout
    message = str(DataError(problems))
    if site.serving and not fatal:
        log.error(message)
        site.problems.extend(str(problem) for problem in problems)
        return
    raise PluginError(message)


def tell(notes: list[Problem], level: str = "notice") -> None:
    """Report what a partner may want to fix without stopping the build: an info line each (a
    warning would fail the strict build), and with CISOTRA_ANNOTATIONS an annotation on the file:
    a blue notice, or a yellow warning (`level`) for a file that should be fixed. Neither fails the job."""
    for note in notes:
        log.info(str(note))
        if os.environ.get("CISOTRA_ANNOTATIONS"):
            print(note.github_annotation(level), flush=True)  # noqa: T201 - GitHub reads annotations from stdout


class PreviewWarnings(logging.Handler):
    """While serving (not strict), MkDocs' own warnings are shown on the pages too; `current()`
    gives the build under way, if any."""

    def __init__(self, current) -> None:
        super().__init__(logging.WARNING)
        self.current = current

    def emit(self, record: logging.LogRecord) -> None:
        site = self.current()
        if site is not None and record.name != log.name:  # the project's own problems are added as they come
            site.problems.append(record.getMessage())


_BANNER = re.compile(r"<!--cisotra-problems-->.*?<!--/cisotra-problems-->", re.S)
_BODY = re.compile(r"(<body[^>]*>)")


def with_problems(site: SiteBuild, html: str) -> str:
    """`./run serve`: the page with the build's problems in a box at its top (as it is when there are none)."""
    if not site.problems:
        return html
    banner = str(render_html("build-problems.html", problems=list(dict.fromkeys(site.problems))))
    return _BODY.sub(lambda match: match.group(1) + banner, _BANNER.sub("", html), count=1)
