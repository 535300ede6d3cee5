"""Safe names for pages and uploaded files, transliterated from every language of the site."""

from pathlib import Path

import pytest

from cisotra.names import check_names, is_safe, safe_file_name, slug

CODES = ("en", "si", "de", "it", "el", "tr")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Srečanje v Celju", "srecanje-v-celju"),
        ("Συνάντηση στην Αθήνα", "synantisi-stin-athina"),
        ("Θεσσαλονίκη: εργαστήριο", "thessaloniki-ergastirio"),
        ("ΕΥΡΩΠΗ και Ψυχολογία", "evropi-kai-psychologia"),
        ("Çalıştay İstanbul’da ŞUBAT", "calistay-istanbul-da-subat"),
        ("Große Straße, Köln", "grosse-strasse-koln"),
        ("Incontro a Napoli — l’accoglienza", "incontro-a-napoli-l-accoglienza"),
        ("  partner_meeting  2 ", "partner-meeting-2"),
    ],
)
def test_a_name_is_made_of_the_words_transliterated(text, words):
    assert slug(text) == words


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("2026-12-01-Srečanje v Celju.md", "2026-12-01-srecanje-v-celju.md"),
        ("Foto 1.JPG", "foto-1.jpg"),
        ("initial-study.EL.pdf", "initial-study.el.pdf"),
        ("Αρχική μελέτη.el.pdf", "archiki-meleti.el.pdf"),
        ("report.v2.pdf", "report-v2.pdf"),
        ("README", "readme"),
    ],
)
def test_a_file_name_keeps_its_extension_and_language(name, safe):
    assert safe_file_name(name, CODES) == safe
    assert is_safe(safe, CODES) and not is_safe(name, CODES)


def test_safe_names_stay_as_they_are():
    for path in (
        "en/news/2018-05-15-first-project-meeting-naples.md",
        "el/results/initial-study.el.pdf",
        "assets/images/eu-emblem.png",
    ):
        assert is_safe(path, CODES)
    assert not is_safe("en/News/x.md", CODES)


def test_a_page_or_file_with_an_unsafe_name_is_named_with_the_name_to_use(tmp_path):
    docs = tmp_path / "docs"
    for relative in (
        "si/news/2026-12-01-Srečanje v Celju.md",
        "assets/images/news/Εργαστήριο Αθήνα.JPG",
        "en/results/study.en.pdf",
        "assets/javascripts/snowball/COPYING.txt",  # the site's own code: named by its developers
    ):
        (docs / relative).parent.mkdir(parents=True, exist_ok=True)
        (docs / relative).write_text("x", encoding="utf-8")
    assert [str(problem) for problem in check_names(docs, CODES, tmp_path)] == [
        "docs/assets/images/news/Εργαστήριο Αθήνα.JPG: name: this name has spaces, "
        "capital letters and letters outside a-z; names of pages and files become their addresses and may only "
        "have lower-case letters a-z, digits and hyphens. Rename it to 'docs/assets/images/news/ergastirio-athina.jpg' "
        "(on GitHub: upload it again under that name, then open the old one and delete it), and change the links "
        "to it",
        "docs/si/news/2026-12-01-Srečanje v Celju.md: name: this name has spaces, "
        "capital letters and letters outside a-z; names of pages and files become their addresses and may only "
        "have lower-case letters a-z, digits and hyphens. Rename it to 'docs/si/news/2026-12-01-srecanje-v-celju.md' "
        "(on GitHub: open the file, click the pencil, and edit its name at the top), and change the links to it",
    ]


def test_the_real_sites_files_have_safe_names():
    root = Path(__file__).resolve().parent.parent
    assert check_names(root / "docs", CODES, root) == []
