"""Links in Markdown: found, checked against the pages each language has, and pointed at the default language where needed."""

from pathlib import Path

from cisotra.links import (
    BuiltPage,
    check_built_links,
    check_markdown_links,
    markdown_links,
    only_in_default_language,
    replace_links,
    scan_pages,
)

TEXT = """\
# Title

See [the meeting](../news/2018-05-15-x.md#agenda "Meeting") and [the timeline](../timeline.md).

```
[not a link](nowhere.md)
```

[ref]: ../about.md
Mail [us](mailto:a@b.c), [web](https://example.org/x.md), [anchor](#top).
"""


def write(root: Path, relative: str, text: str = "# x\n") -> None:
    (root / relative).parent.mkdir(parents=True, exist_ok=True)
    (root / relative).write_text(text, encoding="utf-8")


def test_links_are_found_with_their_lines_outside_code_blocks():
    links = list(markdown_links(TEXT))
    assert [(link.line, link.target, link.is_page) for link in links] == [
        (3, "../news/2018-05-15-x.md#agenda", True),
        (3, "../timeline.md", True),
        (9, "../about.md", True),
        (10, "mailto:a@b.c", False),
        (10, "https://example.org/x.md", False),
        (10, "#top", False),
    ]
    assert links[0].fragment == "agenda" and links[0].path == "../news/2018-05-15-x.md"


def test_a_links_target_can_be_replaced_and_marked():
    first = next(markdown_links(TEXT))
    changed = replace_links(TEXT, {first: ("../../news/x/#agenda", '{: hreflang="en" } (in English)')})
    assert 'See [the meeting](../../news/x/#agenda "Meeting"){: hreflang="en" } (in English) and' in changed


def test_a_link_to_a_page_no_language_has_is_named_with_file_line_and_fix(tmp_path):
    docs = tmp_path / "docs"
    write(tmp_path, "docs/en/news/2018-05-15-x.md")
    write(tmp_path, "docs/el/news/2019-01-01-y.md")
    write(
        tmp_path,
        "docs/tr/newsletters/issue-4.md",
        "# Sayı 4\n\n[yazı](../news/2018-05-15-x.md) [yok](../news/2019-01-01-y.md)\n",
    )
    problems = check_markdown_links(scan_pages(docs, ("en", "el", "tr")), docs, tmp_path)
    assert [str(problem) for problem in problems] == [
        "docs/tr/newsletters/issue-4.md:3: link: '../news/2019-01-01-y.md' leads to no page: there is no docs/tr/news/2019-01-01-y.md and no docs/en/news/2019-01-01-y.md (only docs/el/ has it). Check the file name; a link is written from this file's folder, like ../timeline.md or, from a post to another post, 2018-05-15-first-project-meeting-naples.md"
    ]


def test_a_misspelt_link_is_told_the_page_it_probably_meant(tmp_path):
    docs = tmp_path / "docs"
    write(tmp_path, "docs/en/news/2019-10-08-fourth-project-meeting-celje.md")
    write(tmp_path, "docs/en/news/2020-01-01-x.md", "# X\n\n[Celje](2019-10-08-fourth-meeting-celje.md)\n")
    (problem,) = check_markdown_links(scan_pages(docs, ("en",)), docs, tmp_path)
    assert str(problem).startswith(
        "docs/en/news/2020-01-01-x.md:3: link: '2019-10-08-fourth-meeting-celje.md' leads to no page: there is no docs/en/news/2019-10-08-fourth-meeting-celje.md. Did you mean 2019-10-08-fourth-project-meeting-celje.md? "
    )


def test_links_to_pages_only_the_default_language_publishes_are_found():
    published = {("en", "news/a.md"), ("en", "about.md"), ("si", "about.md"), ("si", "news/b.md")}
    text = "[a](../news/a.md) [b](../news/b.md) [about](../about.md)"
    found = only_in_default_language(
        text, "newsletters/issue-1.md", "si", "en", lambda code, path: (code, path) in published
    )
    assert [(link.target, target) for link, target in found] == [("../news/a.md", "news/a.md")]


def test_built_links_and_anchors_are_checked_with_the_source_line():
    pages = [
        BuiltPage(
            "si/news/x/",
            "si",
            "docs/si/news/x.md",
            ["../../timeline/#year-2019", "../../timeline/#year-2030", "../missing/"],
        ),
        BuiltPage("si/timeline/", "si", "docs/si/timeline.md", []),
    ]
    pages[1].ids = {"year-2019"}
    files = {"si/news/x/index.html", "si/timeline/index.html"}
    source = "---\ntitle: x\n---\n\n[2030](../timeline.md#year-2030)\n[gone](../missing.md)\n"
    problems = check_built_links(pages, lambda path: path in files, lambda _: source, {"si": "Slovenščina"})
    assert [str(problem) for problem in problems] == [
        "docs/si/news/x.md:5: link: '../../timeline/#year-2030' in the Slovenščina version of this page: that page has no anchor #year-2030 (anchors are made from headings; check the spelling). Link to another page with the path of its .md file, like ../timeline.md#year-2019",
        "docs/si/news/x.md:6: link: '../missing/' in the Slovenščina version of this page: the site has no such page or file. Link to another page with the path of its .md file, like ../timeline.md#year-2019",
    ]
