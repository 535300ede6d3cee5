from pathlib import Path

import pytest

from cisotra.errors import DataError, Problem
from cisotra.yamlfile import load_text

FILE = Path("data/example.yml")


def test_mappings_remember_the_line_of_each_key():
    data = load_text("a: 1\nb:\n  c: 2\n", FILE)
    assert data.line == 1
    assert data.line_of("b") == 2
    assert data["b"].line_of("c") == 3


def test_dates_stay_text_so_the_site_can_judge_them():
    data = load_text("start: 2018-05-15\nbad: 2018-13-01\n", FILE)
    assert data == {"start": "2018-05-15", "bad": "2018-13-01"}


def test_a_syntax_error_names_file_and_line():
    with pytest.raises(DataError) as caught:
        load_text("a: 1\nb: [unclosed\nc: 3\n", FILE)
    (problem,) = caught.value.problems
    assert problem.file == FILE
    assert problem.line == 3
    assert problem.message.startswith("this is not valid YAML (")


def test_a_duplicate_key_is_an_error_not_a_silent_overwrite():
    with pytest.raises(DataError) as caught:
        load_text("title: one\ntitle: two\n", FILE)
    assert str(caught.value.problems[0]) == (
        "data/example.yml:2: this is not valid YAML (duplicate key 'title' (first on line 1): a field is written "
        "once; delete one of the two lines, keeping the right value)"
    )


def test_problems_print_as_file_line_field_message_and_as_github_annotations():
    problem = Problem(Path("data/activities.yml"), 12, "seminar-2018-si: start", "'2018-13' has no month 13\n100%")
    assert str(problem) == "data/activities.yml:12: seminar-2018-si: start: '2018-13' has no month 13\n100%"
    assert problem.github_annotation() == (
        "::error file=data/activities.yml,line=12::seminar-2018-si: start: '2018-13' has no month 13%0A100%25"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'title: "Sixth meeting\ndate: 2020-10-15\nsummary: "A summary."\n',
            'data/example.yml:1: the quotation mark " opened on this line is not closed: add " at the end of the text',
        ),
        (
            "title: 'Sixth meeting\ndate: 2020-10-15\n",
            "data/example.yml:1: the quotation mark ' opened on this line is not closed: add ' at the end of the text",
        ),
        (
            "title: x\ntags:\n\t- meeting\n",
            "data/example.yml:3: this line contains a tab character; YAML indents with spaces only: replace the tab with spaces, as many as the lines around it are indented (the line above has none)",
        ),
        (
            "files:\n  en:\n\t  file: x.pdf\n",
            "data/example.yml:3: this line contains a tab character; YAML indents with spaces only: replace the tab with spaces, as many as the lines around it are indented (the line above has 2)",
        ),
        (
            'title: "CiSoTRA\'s "workshops for minors": what is planned"\ndate: 2020-10-15\n',
            'data/example.yml:1: the quotation mark " before “workshops for minors” ends the text early: inside a '
            'text in double quotes write a quotation mark as \\" (title: "The \\"CiSoTRA model\\" meeting"), or use '
            "typographic quotes “…” or «…»",
        ),
        (
            "title: 'CiSoTRA's workshops'\n",
            "data/example.yml:1: the apostrophe before “s workshops'” ends the text early: inside single quotes "
            "write an apostrophe twice (title: 'The project''s plan'), or put the text in double quotes",
        ),
        (
            "title: Meeting: Naples\n",
            'data/example.yml:1: this value contains a colon followed by a space, which YAML reads as a new field: put the whole text in double quotes, like title: "Meeting: Naples"',
        ),
    ],
)
def test_a_syntax_error_names_its_likely_cause_on_the_line_where_it_is(text, expected):
    with pytest.raises(DataError) as caught:
        load_text(text, FILE)
    assert [str(problem) for problem in caught.value.problems] == [expected]


def test_a_line_indented_like_no_other_is_named():
    with pytest.raises(DataError) as caught:
        load_text("title: x\ndate: 2018-05-15\n  tags: [meeting]\nsummary: y\n", FILE)
    assert [str(p) for p in caught.value.problems] == [
        "data/example.yml:3: this line is indented differently from the lines above it: fields start at the beginning of the line, and what belongs to a field is indented by two spaces under it"
    ]


def test_quotes_closed_on_their_line_or_escaped_are_not_blamed():
    with pytest.raises(DataError) as caught:
        load_text("a: \"said \\\"yes\\\"\"\nb: 'it''s'\nc: [unclosed\n", FILE)
    assert str(caught.value.problems[0]).startswith("data/example.yml:4: this is not valid YAML (")


@pytest.mark.parametrize("text", ["? [a, b]\n: x\n", "search:\n  exclude: 0b_\n", "hide: [0x_]\n"])
def test_yaml_that_pyyamls_constructors_give_up_on_is_a_problem_not_a_traceback(text):
    with pytest.raises(DataError) as caught:
        load_text(text, FILE)
    assert str(caught.value.problems[0]).startswith("data/example.yml: this is not YAML the site can read (")


@pytest.mark.parametrize(
    ("text", "line", "marker"),
    [
        # The first line added under the `{}` of a file with no entries yet (data/redirects.yml), as
        # CONTRIBUTING.md section 8 says: the parser only says it did not find a document start.
        ("# Pages that moved.\n\n{}\nabout/: project/about/\n", 3, "{}"),
        ("# Pages that moved.\nabout/: project/about/\n{}\n", 3, "{}"),
        ("[]\n- id: x\n", 1, "[]"),
    ],
)
def test_an_empty_files_marker_left_above_its_first_entry_is_named_with_what_to_delete(text, line, marker):
    with pytest.raises(DataError) as caught:
        load_text(text, FILE)
    assert [str(problem) for problem in caught.value.problems] == [
        f"data/example.yml:{line}: this line is {marker}, which means the file has no entries yet, but entries are "
        f"written in it too: delete the line {marker} when you add the first entry (a file with no entries is its "
        "comments alone)"
    ]


def test_a_file_of_comments_alone_is_empty_and_an_empty_marker_alone_is_fine():
    assert load_text("# Pages that moved.\n#\n#   about/: project/about/\n", FILE) is None
    assert load_text("# Pages that moved.\n{}\n", FILE) == {}
