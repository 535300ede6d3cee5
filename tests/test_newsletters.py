from pathlib import Path

import pytest

from cisotra.context import Context
from cisotra.errors import DataError
from cisotra.newsletterpages import human_size
from cisotra.newsletters import archive, load_issues, visible_issues
from cisotra.placeholders import load_placeholders

CODES = ("en", "si", "de")
ISSUE = """\
---
number: 1
date: 2018-05-01
title: The project starts
summary: What CiSoTRA is.
---

# The project starts
"""


def write(root: Path, relative: str, text: str | bytes) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))


TEMPLATE = (Path(__file__).resolve().parent.parent / "templates" / "newsletter-issue.md").read_text(encoding="utf-8")


def load(root: Path):
    write(root, "templates/newsletter-issue.md", TEMPLATE)
    return load_issues(root / "docs", CODES, load_placeholders(root / "templates"), root)


def problems(root: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load(root)
    return [str(problem) for problem in caught.value.problems]


def test_issues_load_with_their_attachments(tmp_path):
    write(tmp_path, "docs/en/newsletters/files/issue-1.pdf", b"%PDF" + b"x" * 2496)
    attachment = "attachments:\n  - file: files/issue-1.pdf\n    name: The issue as a PDF\n"
    write(tmp_path, "docs/en/newsletters/issue-1.md", ISSUE.replace("---\n\n", attachment + "---\n\n", 1))
    (issue,) = load(tmp_path)
    (pdf,) = issue.attachments
    assert (issue.number, issue.date.isoformat(), pdf.path, pdf.size, pdf.kind) == (
        1,
        "2018-05-01",
        "en/newsletters/files/issue-1.pdf",
        2500,
        "PDF",
    )


def test_the_archive_of_a_language_falls_back_to_english_issue_by_issue(tmp_path):
    write(tmp_path, "docs/en/newsletters/issue-1.md", ISSUE)
    write(
        tmp_path,
        "docs/en/newsletters/issue-2.md",
        ISSUE.replace("number: 1", "number: 2").replace("2018-05-01", "2018-09-01"),
    )
    write(tmp_path, "docs/si/newsletters/issue-1.md", ISSUE.replace("The project starts", "Projekt se začenja"))
    issues = load(tmp_path)
    assert [(i.number, i.code) for i in archive(issues, "si", "en")] == [(2, "en"), (1, "si")]


@pytest.mark.parametrize(
    ("find", "replace", "expected"),
    [
        (
            "date: 2018-05-01\n",
            "",
            "docs/en/newsletters/issue-1.md:2: date: missing (expected the publication date, a day like 2018-05-01)",
        ),
        (
            "title: The project starts\n",
            "",
            "docs/en/newsletters/issue-1.md:2: title: missing (expected the issue's title as text)",
        ),
        (
            "number: 1",
            "number: first",
            "docs/en/newsletters/issue-1.md:2: number: expected the issue's number (1, 2, ...), found 'first'",
        ),
        (
            "summary: What CiSoTRA is.\n",
            "summary: What CiSoTRA is.\nattachments:\n  - file: missing.pdf\n    name: PDF\n",
            "docs/en/newsletters/issue-1.md:7: attachments: no such file: 'missing.pdf' (expected a path from this issue's folder to a file in docs/): upload the file as docs/en/newsletters/missing.pdf, or delete the attachment's lines (its file: and name:)",
        ),
        (
            "summary: What CiSoTRA is.\n",
            "summary: What CiSoTRA is.\nattachments:\n  - file: files/issue-1.pdf\n",
            "docs/en/newsletters/issue-1.md:7: attachments.name: missing (expected a text)",
        ),
        (
            "number: 1",
            "number: 0",
            "docs/en/newsletters/issue-1.md:2: number: expected the issue's number (1, 2, ...), found 0",
        ),
    ],
)
def test_bad_front_matter_is_named_with_file_line_and_field(tmp_path, find, replace, expected):
    assert find in ISSUE
    write(tmp_path, "docs/en/newsletters/issue-1.md", ISSUE.replace(find, replace, 1))
    assert problems(tmp_path) == [expected]


def test_a_translation_that_names_the_english_attachment_is_told_the_three_ways_out(tmp_path):
    # A partner copies the English issue to translate it; its attachment is in the English folder only.
    write(tmp_path, "docs/en/newsletters/files/cisotra-newsletter-4.pdf", b"%PDF" + b"x" * 100)
    attachment = "attachments:\n  - file: files/cisotra-newsletter-4.pdf\n    name: PDF\n"
    for code in ("en", "de"):
        write(tmp_path, f"docs/{code}/newsletters/issue-1.md", ISSUE.replace("---\n\n", attachment + "---\n\n", 1))
    assert problems(tmp_path) == [
        "docs/de/newsletters/issue-1.md:7: attachments: no such file: 'files/cisotra-newsletter-4.pdf' (expected a "
        "path from this issue's folder to a file in docs/): upload the file as "
        "docs/de/newsletters/files/cisotra-newsletter-4.pdf, or use the en one: file: "
        "../../en/newsletters/files/cisotra-newsletter-4.pdf, or delete the attachment's lines (its file: and name:)"
    ]
    # The way the message offers works.
    path = tmp_path / "docs/de/newsletters/issue-1.md"
    text = path.read_text(encoding="utf-8").replace("files/cisotra", "../../en/newsletters/files/cisotra")
    path.write_text(text, encoding="utf-8")
    assert len(load(tmp_path)) == 2


def test_two_issues_with_one_number_are_refused(tmp_path):
    write(tmp_path, "docs/en/newsletters/issue-1.md", ISSUE)
    write(tmp_path, "docs/en/newsletters/issue-1-again.md", ISSUE)
    assert problems(tmp_path) == [
        "docs/en/newsletters/issue-1.md:2: number: issue 1 is also docs/en/newsletters/issue-1-again.md: every issue needs its own number"
    ]


def test_languages_of_an_issue_must_agree_on_number_and_date(tmp_path):
    write(tmp_path, "docs/en/newsletters/issue-1.md", ISSUE)
    write(tmp_path, "docs/de/newsletters/issue-1.md", ISSUE.replace("2018-05-01", "2018-05-02"))
    assert problems(tmp_path) == [
        "docs/de/newsletters/issue-1.md: number/date: this version says issue 1 of 2018-05-02, but docs/en/newsletters/issue-1.md says issue 1 of 2018-05-01: the languages of an issue must agree"
    ]


def test_drafts_and_issues_dated_in_the_future_are_held_back(tmp_path):
    from datetime import date

    write(tmp_path, "docs/en/newsletters/issue-1.md", ISSUE)
    write(
        tmp_path,
        "docs/en/newsletters/issue-2.md",
        ISSUE.replace("number: 1", "number: 2").replace("2018-05-01", "2030-01-01"),
    )
    write(
        tmp_path,
        "docs/en/newsletters/issue-3.md",
        ISSUE.replace("number: 1", "number: 3").replace("---\n\n", "draft: true\n---\n\n", 1),
    )
    issues = load(tmp_path)
    assert [i.number for i in visible_issues(issues, date(2026, 11, 30))] == [1]
    assert [i.number for i in visible_issues(issues, date(2030, 1, 1))] == [2, 1]


def test_the_templates_placeholders_stop_an_issue_that_is_not_a_draft(tmp_path):
    issue = TEMPLATE.replace("{number}", "4").replace("{date}", "2026-12-01")
    write(tmp_path, "docs/en/newsletters/issue-4.md", issue)
    assert load(tmp_path)[0].draft
    write(
        tmp_path,
        "docs/en/newsletters/issue-4.md",
        issue.replace("draft: true   # delete this line when the issue is ready to be published\n", ""),
    )
    found = problems(tmp_path)
    assert (
        found[0]
        == 'docs/en/newsletters/issue-4.md:4: title: still says the template\'s placeholder "Write the title of the issue here": replace it with your own title'
    )
    assert [problem.split(": ")[1] for problem in found] == ["title", "summary", "text", "text", "text", "text"]


def ctx(tag: str) -> Context:
    from datetime import date

    return Context(
        code="x", tag=tag, default_code="en", default_tag="en", strings={}, today=date(2026, 1, 1), prefix=""
    )


def test_sizes_are_written_the_languages_way():
    assert human_size(2500, ctx("en")) == "3\u00a0kB"
    assert human_size(1_234_567, ctx("sl")) == "1,2\u00a0MB"
    assert human_size(1_234_567, ctx("en")) == "1.2\u00a0MB"
