"""The checks of partners' files as one call, and the pages it remembers as clean between builds."""

from pathlib import Path

from PIL import Image

from cisotra.sources import SourceRules, check_sources

CODES = ("en", "el")


def write(root: Path, relative: str, text: str) -> None:
    (root / relative).parent.mkdir(parents=True, exist_ok=True)
    (root / relative).write_text(text, encoding="utf-8")


def messages(root: Path, rules: SourceRules) -> list[str]:
    return [str(problem) for problem in check_sources(root, root / "docs", CODES, rules)]


def test_a_page_remembered_as_clean_is_checked_again_when_it_or_the_files_it_may_link_change(tmp_path):
    rules = SourceRules("http://127.0.0.1:8000/", ["attr_list"], cache=tmp_path / "cache")
    write(tmp_path, "docs/el/about.md", "# Σχετικά\n\n![Φωτογραφία](../assets/images/Foto.JPG)\n")
    assert messages(tmp_path, rules) == []  # no such file in any letters: MkDocs' own check names it
    assert (tmp_path / "cache" / "clean-pages.txt").is_file()
    assert messages(tmp_path, rules) == []

    (tmp_path / "docs/assets/images").mkdir(parents=True)
    Image.new("RGB", (2, 2)).save(tmp_path / "docs/assets/images/foto.jpg")
    assert messages(tmp_path, rules) == [
        "docs/el/about.md:3: image: '../assets/images/Foto.JPG' differs from the file docs/assets/images/foto.jpg "
        "only in capital letters; addresses on the published site tell capital letters apart, so it would lead "
        "nowhere. Write '../assets/images/foto.jpg'"
    ]

    write(tmp_path, "docs/el/about.md", "# Σχετικά\n\n<script>alert(1)</script>\n")
    assert messages(tmp_path, rules) == [
        "docs/el/about.md:3: html: <script> is not allowed in a page: a page cannot run scripts. Remove it; for "
        "something interactive, ask the maintainers"
    ]


def test_the_same_text_under_another_site_url_is_checked_again(tmp_path):
    write(tmp_path, "docs/en/about.md", "[news](https://example.org/cisotra/news/)\n")
    assert messages(tmp_path, SourceRules("http://127.0.0.1:8000/", cache=tmp_path / "cache")) == []
    (problem,) = messages(tmp_path, SourceRules("https://example.org/cisotra/", cache=tmp_path / "cache"))
    assert problem.startswith(
        "docs/en/about.md:1: link: 'https://example.org/cisotra/news/' is this site's own address"
    )
