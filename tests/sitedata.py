"""What a built site should hold, worked out from the project's data and pages, not typed in.

Tests of the real site compare the built files with what these functions compute from
`data/` and `docs/` at the test build's moment, so a partner's new post, activity or
newsletter issue changes the expectation and the site together.
"""

from __future__ import annotations

import functools
import sys
from dataclasses import dataclass
from pathlib import Path

from sitebuild import default_moment

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

import _site  # noqa: E402
from cisotra.languages import SiteLanguage  # noqa: E402
from cisotra.project import Project  # noqa: E402
from cisotra.publication import Publication  # noqa: E402


@dataclass(frozen=True)
class Expected:
    languages: list[SiteLanguage]
    project: Project
    publication: Publication

    @property
    def codes(self) -> list[str]:
        return [language.code for language in self.languages]

    def language(self, code: str) -> SiteLanguage:
        return next(language for language in self.languages if language.code == code)


@functools.lru_cache(maxsize=8)
def expected(project_dir: Path) -> Expected:
    languages, project, moment = _site.load_standalone(project_dir, default_moment(project_dir))
    return Expected(languages, project, Publication(project, moment))
