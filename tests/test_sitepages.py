"""The front matter of every page is described and checked, and no page is published where the site makes one.

On the fixture project (tests/fixtures/site/): each mistake a partner can make in a page's front matter
stops the check with the file, the line and the field; a page at a generated address is refused with
the page it would collide with. The real site's pages all pass.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fixture import make_fixture

import _site
from cisotra.errors import DataError
from cisotra.fields import Text, Where
from cisotra.sitepages import FIELDS, check_page_fields, site_pages
from cisotra.yamlfile import DateText
from sitebuild import ROOT, build


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_fixture(tmp_path / "site")


def problems(project: Path) -> list[str]:
    """Every problem the build's check finds, as printed ('docs/en/partners.md:2: title: …')."""
    with pytest.raises(DataError) as raised:
        _site.load_standalone(project)
    return [str(problem) for problem in raised.value.problems]


def set_field(project: Path, page: str, key: str, value: str) -> int:
    """Write `key: value` into a page's front matter (replacing the key's line); the line it is on."""
    file = project / "docs" / page
    text = file.read_text(encoding="utf-8")
    text, count = re.subn(rf"(?m)^{key}: .*$", f"{key}: {value}", text, count=1)
    if not count:
        text = text.replace("---\n", f"---\n{key}: {value}\n", 1)
    file.write_text(text, encoding="utf-8")
    return text.split("\n").index(f"{key}: {value}") + 1


def add_page(project: Path, page: str, title: str = "A page") -> str:
    file = project / "docs" / page
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(f'---\ntitle: "{title}"\n---\n\n# {title}\n\nText.\n', encoding="utf-8")
    return f"docs/{page}"


def test_the_fixture_passes_as_it_is(project):
    _site.load_standalone(project)


def test_every_page_of_the_real_site_passes():
    docs = ROOT / "docs"
    pages = site_pages(docs)
    assert len(pages) > 50  # every language's about, partners, timeline, work packages …
    assert check_page_fields(docs, ROOT) == []
    _site.load_standalone(ROOT)  # the addresses too, against the real data's generated pages


def test_every_key_the_real_pages_use_is_described():
    used = set()
    for path in site_pages(ROOT / "docs"):
        head = path.read_text(encoding="utf-8").split("\n---", 1)[0]
        used |= set(re.findall(r"(?m)^([a-z_]+):", head))
    assert used <= set(FIELDS), used - set(FIELDS)


# F9: a newsletter issue's title written as a date passed the check, then stopped the build with a traceback.
def test_an_issue_title_that_yaml_reads_as_a_date_is_refused(project):
    line = set_field(project, "en/newsletters/issue-1.md", "title", "2020-01-01")
    assert (
        f"docs/en/newsletters/issue-1.md:{line}: title: expected the issue's title as text, found 2020-01-01, "
        'which YAML reads as a date: put it in quotation marks, like  title: "2020-01-01"'
    ) in problems(project)


def test_a_post_summary_that_is_a_number_or_a_list_is_refused_in_greek_and_turkish(project):
    line = set_field(project, "tr/news/2020-06-01-turkish-only.md", "title", "2020")
    found = problems(project)
    assert any(
        p.startswith(f"docs/tr/news/2020-06-01-turkish-only.md:{line}: title: ") and "which YAML reads as a number" in p
        for p in found
    ), found
    project = make_fixture(project.parent / "again")
    line = set_field(project, "el/newsletters/issue-1.md", "summary", "[Συνάντηση, Αθήνα]")
    found = problems(project)
    assert any(
        p.startswith(f"docs/el/newsletters/issue-1.md:{line}: summary: expected ") and "found a list" in p
        for p in found
    ), found


def test_a_title_in_quotation_marks_that_looks_like_a_date_is_text(project):
    set_field(project, "en/newsletters/issue-1.md", "title", '"2020-01-01"')
    set_field(project, "tr/index.md", "title", '"İstanbul 2019"')
    _site.load_standalone(project)


# F10: an ordinary page's title written as a list.
def test_a_page_title_that_is_a_list_is_refused(project):
    line = set_field(project, "en/partners.md", "title", "[x, y]")
    found = problems(project)
    assert any(
        p.startswith(f"docs/en/partners.md:{line}: title: expected the page's title as text, found a list")
        for p in found
    )


# F11: a page's description written as a mapping was published as Python's spelling of it.
def test_a_page_description_that_is_a_mapping_is_refused(project):
    line = set_field(project, "el/index.md", "description", "{a: 1}")
    found = problems(project)
    assert any(
        p.startswith(f"docs/el/index.md:{line}: description: expected ") and "found a mapping" in p for p in found
    )


def test_a_misspelt_key_names_the_allowed_ones(project):
    line = set_field(project, "en/partners.md", "titel", '"Partners"')
    expected = (
        f"docs/en/partners.md:{line}: titel: unknown field (did you mean title? expected one of: {', '.join(FIELDS)})"
    )
    assert expected in problems(project)


def test_the_blocks_a_page_asks_for_are_checked(project):
    line = set_field(project, "en/work-packages/wp1.md", "work_package", "11")
    found = problems(project)
    assert (
        f"docs/en/work-packages/wp1.md:{line}: work_package: expected a work package's number, from 1 to 10, found 11"
        in found
    )


# F17, F18: MkDocs' own `template:` showed a page as the 404 page, or stopped the build with a traceback.
@pytest.mark.parametrize("template", ['"../../../../etc/passwd"', '"sitemap.xml"', '"404.html"'])
def test_a_page_cannot_choose_its_template(project, template):
    line = set_field(project, "en/partners.md", "template", template)
    found = problems(project)
    assert [p for p in found if p.startswith("docs/en/partners.md")] == [
        f"docs/en/partners.md:{line}: template: a page cannot choose its template: the site gives every page its "
        "frame (another template would show this page as another, or stop the build); delete this line"
    ]


# F16: a page at the leaflet's address was overwritten by the leaflet without a word.
@pytest.mark.parametrize(
    ("page", "address", "what"),
    [
        ("en/leaflet.md", "/leaflet/", "the leaflet"),
        ("tr/leaflet/index.md", "/tr/leaflet/", "the leaflet"),
        ("el/news/index.md", "/el/news/", "a page of the news section"),
        ("en/news/tags/meeting.md", "/news/tags/meeting/", "a page of the news section"),
        ("si/newsletters/index.md", "/si/newsletters/", "the newsletter archive"),
        ("en/clean-photo.md", "/clean-photo/", "the page that cleans photos"),
        ("en/translation-status.md", "/translation-status/", "the translation status page"),
        ("el/activities/meeting-planned.md", "/el/activities/meeting-planned/", "the page of activity meeting-planned"),
        ("en/search.md", "/search/", "the search index"),
    ],
)
def test_a_page_at_an_address_the_site_makes_is_refused(project, page, address, what):
    shown = add_page(project, page)
    found = [p for p in problems(project) if p.startswith(shown)]
    assert len(found) == 1, found
    assert found[0].startswith(f"{shown}: name: this page would be published at {address}, where the site makes {what}")


def test_a_page_beside_the_generated_ones_is_welcome(project):
    add_page(project, "en/leaflets.md")
    add_page(project, "tr/haberler.md", "Haberler")
    add_page(project, "el/activities.md", "Δραστηριότητες")
    add_page(project, "si/translation-status.md")  # the status page is made in the default language only
    _site.load_standalone(project)


def test_only_text_refuses_what_the_engine_reads_otherwise():
    kind = Text(only_text=True)
    found = []
    where = Where(Path("x.md"), 2, "title", found)
    assert kind.check("Ἀθῆναι", where) == "Ἀθῆναι"
    for value in (True, 3, 2.5, ["x"], DateText("2020-01-01")):
        kind.check(value, where)
    assert len(found) == 5
    assert Text().check(2019, Where(Path("d.yml"), 1, "x", [])) == "2019"  # data files: the site reads them alone


def test_a_page_that_stops_the_check_publishes_nothing(project):
    line = set_field(project, "en/partners.md", "template", '"404.html"')
    add_page(project, "en/leaflet.md")
    result = build(project)
    assert result.returncode != 0
    assert f"docs/en/partners.md:{line}: template: a page cannot choose its template" in result.log
    assert "docs/en/leaflet.md: name: this page would be published at /leaflet/" in result.log
    assert "Traceback" not in result.log
    assert not (result.site / "partners" / "index.html").exists()


# A page is found where the engine finds it: two files for one address, settings without front matter.
@pytest.mark.parametrize(
    ("page", "other"),
    [
        ("en/newsletters/issue-1/index.md", "docs/en/newsletters/issue-1.md"),
        ("el/news/2019-05-22-meeting-in-celje/index.md", "docs/el/news/2019-05-22-meeting-in-celje.md"),
    ],
)
def test_a_page_at_the_address_of_a_post_or_an_issue_is_refused(project, page, other):
    shown = add_page(project, page)
    found = [p for p in problems(project) if p.startswith(shown)]
    address = "/" + page.removeprefix("en/").removesuffix("index.md")
    assert found == [
        f"{shown}: name: this page would be published at {address}, the address of {other}: one would be written "
        "over the other; give one of them another name"
    ]


@pytest.mark.parametrize(
    ("start", "found"),
    [
        # MkDocs takes these lines as the page's settings: one of them can choose the template.
        ("template: 404.html\ntitle: Atk\n", "this first line, 'template: 404.html', would be taken as a hidden"),
        # A space before --- (or a no-break space after it): no front matter to MkDocs, so all of it is text.
        (" ---\ntitle: Atk\n---\n", "this first line has a space or another character around its ---"),
        ("---\u00a0\ntitle: Atk\n---\n", "this first line has a space or another character around its ---"),
        # Not fields (comments only, a list): MkDocs publishes the block as text, a refresh to another host included.
        (
            '---\n# <meta http-equiv="refresh" content="1;url=https://evil.example/">\n---\n',
            "the lines between the two --- lines are not fields",
        ),
        ("---\n- title\n---\n", "the lines between the two --- lines are not fields"),
    ],
)
def test_a_page_that_starts_as_the_engine_would_not_read_it_is_refused(project, start, found):
    (project / "docs/en/atk.md").write_text(start + "\n# Atk\n\nText.\n", encoding="utf-8")
    assert [p for p in problems(project) if p.startswith("docs/en/atk.md")] == [
        next(p for p in problems(project) if p.startswith("docs/en/atk.md:1: " + found))
    ]


@pytest.mark.parametrize(
    "text",
    [
        "---\ntitle: A\n---\n\n# A\n",
        "---  \ntitle: A\n...\t\n# A\n",
        " ---\ntitle: A\n---\n\n<script>x</script>\n",
        "---\u00a0\ntitle: A\n---\n\n# A\n",
        "---\ntitle: A\n--- \u00a0\n# A\n",
        "\ufeff---\ntitle: A\n---\n# A\n",
        "---\ntitle: A\n---",
        "# A\n---\ntitle: A\n---\n",
        "---\n# <b>only a comment</b>\n---\n\n# A\n",
        "---\r\n# a comment\r\n---\r\n# A\n".replace("\r\n", "\n"),
        "---\n- a list\n---\n# A\n",
        "---\n~\n---\n# A\n",
    ],
)
def test_front_matter_is_found_exactly_where_the_engine_finds_it(text):
    from mkdocs.utils.meta import get_data

    from cisotra.frontmatter import front_matter_lines
    from cisotra.markdownlines import markdown_body

    engine_body, engine_meta = get_data(text.removeprefix("\ufeff"))
    taken = front_matter_lines(text)
    assert (taken is not None) == bool(engine_meta), text
    # What the engine renders is what the checks read (front matter blanked, lines kept).
    assert markdown_body(text).strip("\n") == engine_body.strip("\n") if taken else markdown_body(text) == text


def test_a_front_matter_closed_on_the_files_last_line_is_named_as_such(project):
    (project / "docs/en/atk.md").write_text("---\ntitle: Atk\n---", encoding="utf-8")
    assert "docs/en/atk.md:1: the closing --- of the front matter is the file's last line" in "\n".join(
        problems(project)
    )
