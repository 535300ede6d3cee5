"""Errors an editor can act on: which file, which line, which field, what was expected."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one source file."""

    file: Path
    line: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = str(self.file) if self.line is None else f"{self.file}:{self.line}"
        what = f"{self.field}: {self.message}" if self.field else self.message
        return f"{where}: {what}"

    def github_annotation(self, level: str = "error") -> str:
        """The same problem in the format GitHub Actions turns into an annotation on the file
        (`level`: error, or notice for what the build only reports)."""
        line = f",line={self.line}" if self.line is not None else ""
        what = f"{self.field}: {self.message}" if self.field else self.message
        # GitHub's workflow-command escaping: % first, then line breaks.
        what = what.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::{level} file={self.file}{line}::{what}"


class DataError(Exception):
    """Raised with every problem found, so an editor fixes them all in one go."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        count = len(problems)
        heading = "1 problem" if count == 1 else f"{count} problems"
        super().__init__(heading + " in the site's sources:\n" + "\n".join(f"  {p}" for p in problems))
