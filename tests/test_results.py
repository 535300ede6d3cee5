"""The results library's data (cisotra.results): outputs, their files, and the checks on them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cisotra.errors import DataError
from cisotra.results import LIMIT_BYTES, load_results

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "site"
CODES = ("en", "si", "el", "tr")


@pytest.fixture
def project(tmp_path):
    """A copy of the fixture's results and their files, to change."""
    shutil.copytree(FIXTURE / "docs", tmp_path / "docs")
    (tmp_path / "data").mkdir()
    shutil.copy2(FIXTURE / "data" / "results.yml", tmp_path / "data" / "results.yml")
    return tmp_path


def load(root: Path):
    return load_results(root / "data" / "results.yml", root / "docs", CODES, root)


def line_of(root: Path, text: str) -> int:
    source = (root / "data" / "results.yml").read_text(encoding="utf-8")
    return source[: source.index(text)].count("\n") + 1


def errors(root: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load(root)
    return [str(problem) for problem in caught.value.problems]


def edit(root: Path, old: str, new: str) -> None:
    path = root / "data" / "results.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_files_are_read_for_what_a_visitor_needs_to_know(project):
    results, warnings = load(project)
    study = next(result for result in results if result.id == "initial-study")
    pdf = study.files["el"]
    assert (pdf.format, pdf.pages, pdf.size) == (
        "PDF",
        3,
        (project / "docs/el/results/initial-study.el.pdf").stat().st_size,
    )
    programme = next(result for result in results if result.id == "training-programme")
    assert programme.files["en"].format == "DOCX" and programme.files["en"].pages is None
    assert programme.files["si"].url == "https://doi.org/10.5281/zenodo.1234567"
    # A licence is what the output itself states; none is assumed.
    assert programme.licence == "CC-BY-SA-4.0" and study.licence is None
    planned = next(result for result in results if result.id == "the-model")
    assert planned.status == "planned" and planned.files == {}
    # The tagged Greek PDF has a title and a language; the untagged one lacks all three.
    assert {str(warning.file) for warning in warnings} == {"docs/en/results/slides-untagged.pdf"}
    assert len(warnings) == 3 and any("not tagged" in warning.message for warning in warnings)


def test_a_missing_file_names_the_line_and_the_path(project):
    (project / "docs/en/results/training-programme.en.docx").unlink()
    line = line_of(project, "en: {file: en/results/training-programme.en.docx}")
    assert errors(project) == [
        f"data/results.yml:{line}: training-programme: files.en.file: no such file: "
        "docs/en/results/training-programme.en.docx (expected a path under docs/, like en/results/study.pdf)"
    ]


def test_a_file_over_the_limit_fails_unless_the_output_says_it_is_large_on_purpose(project):
    with open(project / "docs/en/results/training-programme.en.docx", "r+b") as file:
        file.truncate(LIMIT_BYTES + 1)  # sparse: no 20 MB written
    [message] = errors(project)
    assert message.startswith(f"data/results.yml:{line_of(project, 'en: {file: en/results/training-programme')}: ")
    assert "is 20.0 MB" in message and "large: true" in message
    edit(project, "  licence: CC-BY-SA-4.0\n", "  licence: CC-BY-SA-4.0\n  large: true\n")
    results, _ = load(project)
    assert next(r for r in results if r.id == "training-programme").files["en"].size == LIMIT_BYTES + 1


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "kind: study",
            "kind: book",
            "initial-study: kind: unknown kind 'book' (expected one of: study, training_programme",
        ),
        (
            "work_package: 1\n  date: 2019-06-14",
            "work_package: 11\n  date: 2019-06-14",
            "initial-study: work_package: expected a work package's number, from 1 to 10, found 11",
        ),
        ("date: 2019-06-14", "date: 2019-06-31", "initial-study: date: "),
        (
            'status: published\n  title:\n    en: "Initial',
            'status: done\n  title:\n    en: "Initial',
            "initial-study: status: unknown status 'done' (expected one of: planned, published)",
        ),
        (
            "{file: el/results/initial-study.el.pdf}",
            "{file: ../../secrets.txt}",
            "files.el.file: expected a path under docs/, like en/results/study.pdf, found '../../secrets.txt'",
        ),
        (
            '{url: "https://doi.org/10.5281/zenodo.1234567"}',
            '{url: "doi:10.5281/zenodo.1234567"}',
            "files.si.url: expected a web address starting with https://, found 'doi:10.5281/zenodo.1234567'",
        ),
        (
            '{url: "https://doi.org/10.5281/zenodo.1234567"}',
            '{url: "https://doi.org/10.5281/zenodo.0000000"}',
            "files.si.url: 'https://doi.org/10.5281/zenodo.0000000' is the example address of CONTRIBUTING.md",
        ),
        (
            "  files:\n    el:",
            "  files:\n    de:",
            "initial-study: files: unknown language key 'de' (expected one of: en, si, el, tr)",
        ),
        ("id: the-model", "id: initial-study", "initial-study: id: used twice"),
        (
            '{url: "https://doi.org/10.5281/zenodo.1234567"}',
            '{url: "https://doi.org/10.5281/zenodo.1234567", file: si/results/programme.si.pdf}',
            "training-programme: files.si: expected either  file: (a path under docs/) or  url: (an address such as a DOI)",
        ),
        ("kind: study", "kind: Study", "initial-study: kind: unknown kind 'Study': write it in lower case, study"),
        (
            '  status: published\n  title:\n    en: "Initial',
            '  statu: published\n  title:\n    en: "Initial',
            "initial-study: statu: unknown field (did you mean status? expected one of: id, kind",
        ),
    ],
)
def test_bad_entries_say_which_output_which_field_and_what_is_expected(project, old, new, expected):
    edit(project, old, new)
    assert any(expected in message for message in errors(project)), errors(project)


def test_a_published_output_needs_a_file(project):
    edit(project, "  files:\n    el: {file: el/results/initial-study.el.pdf}\n", "")
    assert any("initial-study: files: a published output needs at least one file" in m for m in errors(project))


def test_no_results_file_is_no_results(tmp_path):
    assert load_results(tmp_path / "results.yml", tmp_path, CODES, tmp_path) == ([], [])
