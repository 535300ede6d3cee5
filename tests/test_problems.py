"""What a build does with what partners should fix (hooks/problems.py): a file to fix is told in the
build's output without stopping the strict build, and in CI as an annotation on the file."""

from __future__ import annotations

import logging
from pathlib import Path
from types import SimpleNamespace

from cisotra.errors import Problem
from problems import tell
from steps.translation_status import tell_files_to_fix

UNTAGGED = Problem(Path("docs/en/results/slides.pdf"), None, "pdf", "is not tagged for screen readers")


def test_a_note_is_an_info_line_and_in_ci_an_annotation_of_the_level_asked(caplog, capsys, monkeypatch):
    monkeypatch.setenv("CISOTRA_ANNOTATIONS", "1")
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        tell([UNTAGGED], level="warning")
    # INFO, not WARNING: MkDocs' strict mode fails the build on a logged warning.
    assert [(record.levelno, record.getMessage()) for record in caplog.records] == [
        (logging.INFO, "docs/en/results/slides.pdf: pdf: is not tagged for screen readers")
    ]
    assert (
        capsys.readouterr().out == "::warning file=docs/en/results/slides.pdf::pdf: is not tagged for screen readers\n"
    )


def test_the_files_to_fix_are_in_the_builds_output_not_only_on_the_status_page(caplog, capsys, monkeypatch):
    monkeypatch.setenv("CISOTRA_ANNOTATIONS", "1")
    site = SimpleNamespace(project=SimpleNamespace(warnings=(UNTAGGED,)))
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        tell_files_to_fix(site)
    assert all(record.levelno == logging.INFO for record in caplog.records)
    messages = [record.getMessage() for record in caplog.records]
    assert messages[0].startswith("Files to fix (they do not stop the build; also listed on /translation-status/")
    assert messages[1:] == [str(UNTAGGED)]
    assert capsys.readouterr().out.startswith("::warning file=docs/en/results/slides.pdf::")


def test_nothing_to_fix_says_nothing(caplog, capsys):
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        tell_files_to_fix(SimpleNamespace(project=SimpleNamespace(warnings=())))
    assert caplog.records == [] and capsys.readouterr().out == ""
