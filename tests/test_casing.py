"""Paths that name an existing file in other capital letters, as written in links, image: fields and data."""

from pathlib import Path

from cisotra.casing import case_mismatch, exact_file, miscased
from cisotra.links import check_markdown_links, scan_pages
from cisotra.sources import SourceRules, check_sources


def write(root: Path, relative: str, text: str = "x") -> None:
    (root / relative).parent.mkdir(parents=True, exist_ok=True)
    (root / relative).write_text(text, encoding="utf-8")


def test_a_path_is_found_by_its_exact_letters_only(tmp_path):
    write(tmp_path, "assets/images/news/foto.jpg")
    assert exact_file(tmp_path, "assets/images/news/foto.jpg")
    assert not exact_file(tmp_path, "assets/images/news/Foto.JPG")
    assert case_mismatch(tmp_path, "Assets/images/NEWS/Foto.JPG") == "assets/images/news/foto.jpg"
    assert case_mismatch(tmp_path, "assets/images/news/foto.jpg") is None
    assert case_mismatch(tmp_path, "assets/images/news/other.jpg") is None
    assert case_mismatch(tmp_path, "../outside.jpg") is None


def test_a_miscased_path_is_named_with_the_file_as_it_is_and_the_path_to_write(tmp_path):
    write(tmp_path, "assets/images/news/foto.jpg")
    assert miscased(tmp_path, "el/news", "../../assets/images/news/Foto.JPG") == (
        "'../../assets/images/news/Foto.JPG' differs from the file docs/assets/images/news/foto.jpg only in capital "
        "letters; addresses on the published site tell capital letters apart, so it would lead nowhere. Write "
        "'../../assets/images/news/foto.jpg'"
    )
    assert miscased(tmp_path, "el/news", "../../assets/images/news/foto.jpg") is None


def test_a_link_or_image_in_other_capital_letters_is_stopped_at_its_line(tmp_path):
    from PIL import Image

    docs = tmp_path / "docs"
    write(tmp_path, "docs/en/about.md", "# About\n")
    write(tmp_path, "docs/tr/results/rapor.tr.pdf")
    (docs / "assets/images/news").mkdir(parents=True)
    Image.new("RGB", (2, 2)).save(docs / "assets/images/news/foto.jpg")
    write(
        tmp_path,
        "docs/tr/news/2026-12-01-x.md",
        "---\ntitle: x\n---\n\n# Başlık\n\n![Foto](../../assets/images/news/Foto.JPG)\n\n[Hakkında](../About.md#ekip)\n"
        '<a href="../results/Rapor.TR.pdf">Rapor</a>\n',
    )
    pages = check_markdown_links(scan_pages(docs, ("en", "tr")), docs, tmp_path)
    files = check_sources(tmp_path, docs, ("en", "tr"), SourceRules("http://127.0.0.1:8000/", ["attr_list"]))
    same = (
        "only in capital letters; addresses on the published site tell capital letters apart, so it would lead nowhere."
    )
    assert [str(problem) for problem in pages + files] == [
        f"docs/tr/news/2026-12-01-x.md:9: link: '../About.md#ekip' differs from the file docs/en/about.md {same} "
        "Write '../about.md#ekip'",
        "docs/tr/news/2026-12-01-x.md:7: image: '../../assets/images/news/Foto.JPG' differs from the file "
        f"docs/assets/images/news/foto.jpg {same} Write '../../assets/images/news/foto.jpg'",
        "docs/tr/news/2026-12-01-x.md:10: link: '../results/Rapor.TR.pdf' differs from the file "
        f"docs/tr/results/rapor.tr.pdf {same} Write '../results/rapor.tr.pdf'",
    ]


def test_a_posts_image_and_an_issues_attachment_in_other_capital_letters_are_named_at_their_field(tmp_path):
    from zoneinfo import ZoneInfo

    import pytest

    from cisotra.errors import DataError
    from cisotra.news import load_posts
    from cisotra.newsletters import load_issues
    from cisotra.placeholders import load_placeholders

    docs = tmp_path / "docs"
    write(tmp_path, "docs/assets/images/news/foto.jpg")
    write(tmp_path, "docs/el/newsletters/files/teuchos-1.pdf")
    write(
        tmp_path,
        "docs/el/news/2026-11-01-x.md",
        '---\ntitle: "Τίτλος"\ndate: 2026-11-01\nsummary: "Περίληψη."\n'
        'image: ../../assets/images/news/Foto.jpg\nimage_alt: "Φωτογραφία"\n---\n\n# Τίτλος\n',
    )
    write(
        tmp_path,
        "docs/el/newsletters/issue-1.md",
        '---\nnumber: 1\ndate: 2026-11-01\ntitle: "Τεύχος"\nsummary: "Περίληψη."\n'
        'attachments:\n  - file: files/Teuchos-1.PDF\n    name: "PDF"\n---\n\n# Τεύχος\n',
    )
    placeholders = load_placeholders(tmp_path / "templates")
    with pytest.raises(DataError) as post:
        load_posts(docs, ("el",), ZoneInfo("Europe/Athens"), None, None, placeholders, tmp_path)
    with pytest.raises(DataError) as issue:
        load_issues(docs, ("el",), placeholders, tmp_path)
    assert [str(problem) for problem in post.value.problems] == [
        "docs/el/news/2026-11-01-x.md:5: image: '../../assets/images/news/Foto.jpg' differs from the file "
        "docs/assets/images/news/foto.jpg only in capital letters; addresses on the published site tell capital "
        "letters apart, so it would lead nowhere. Write '../../assets/images/news/foto.jpg'"
    ]
    assert [str(problem) for problem in issue.value.problems] == [
        "docs/el/newsletters/issue-1.md:7: attachments: 'files/Teuchos-1.PDF' differs from the file "
        "docs/el/newsletters/files/teuchos-1.pdf only in capital letters; addresses on the published site tell "
        "capital letters apart, so it would lead nowhere. Write 'files/teuchos-1.pdf'"
    ]
