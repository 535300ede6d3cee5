"""The browser editor (/admin/, Sveltia CMS) on the built site, with a local copy of the repository.

Sveltia CMS works on a local folder through the File System Access API ("Work with Local
Repository", offered on 127.0.0.1). Headless Chromium shows no folder picker, so the picker is
replaced by the browser's own private file system (OPFS), filled with the project's docs/ and
data/ and an empty .git folder. What the editor saves lands there and is read back.

Nothing may leave the site: every request to another host is refused and recorded. The page's
policy refuses what Sveltia CMS tries on its own (its update check, GitHub's status page); those
violations are expected by name, any other fails. Axe's findings in Sveltia CMS's own interface
are printed, not asserted: the page is ours, the interface is not (see the report in README).
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from PIL import Image

from cisotra.fields import check
from cisotra.names import is_safe
from cisotra.news import POST
from cisotra.photometadata import revealing_data
from cisotra.photoparts import hidden_parts
from cisotra.yamlfile import load_text
from editor_page import OUR_PAGE_RULES, REFUSED, Editor
from sitecheck import LANGUAGES


@pytest.fixture
def editor(browser, served_site, site):
    base, _ = served_site
    opened = Editor(browser, base, site.project)
    yield opened
    opened.context.close()


def test_the_editor_lists_the_collections_and_posts_and_nothing_leaves_the_site(editor, site):
    from axe_playwright_python.sync_playwright import Axe

    page = editor.page
    assert editor.response.status == 200
    views = {"the sign-in page": Axe().run(page)}
    editor.open_local_repository()
    for name in ("News posts", "Newsletter issues", "Project data"):
        assert page.get_by_text(name, exact=True).count() >= 1, name
    posts = {path.stem for path in (site.project / "docs").glob("*/news/*.md") if path.stem != "index"}
    assert posts
    page.get_by_text("News posts", exact=True).first.click()
    page.get_by_text(f"has {len(posts)} entries").wait_for()
    views["the list of posts"] = Axe().run(page)
    # One of the posts, by its English title, opens with its languages: Slovenian, not Sinhala.
    title = yaml.safe_load((site.project / "docs/en/news" / (min(posts) + ".md")).read_text().split("---")[1])["title"]
    page.get_by_text(title, exact=True).first.click()
    page.locator("section[data-key-path=title] input").first.wait_for()
    views["a post"] = Axe().run(page)
    names = "(code) => new Intl.DisplayNames(['en'], {type: 'language'}).of(code)"
    assert page.evaluate(names, "si") == "Slovenian" and page.evaluate(names, "el") == "Greek"
    page.get_by_role("button", name=re.compile("English.* Content Options")).first.click()
    page.get_by_text("Copy from…").first.click()
    page.get_by_role("menuitem", name="Greek").wait_for()
    items = page.get_by_role("menuitem").all_inner_texts()
    assert {"Slovenian", "German", "Italian", "Greek", "Turkish"} <= set(items) and "Sinhala" not in items, items
    assert editor.elsewhere == [], editor.elsewhere  # nothing asked of another host
    assert all(urlsplit(url).netloc == editor.own for url in editor.requests)
    assert any(url.endswith("admin/fonts/source-sans-3-latin-wght-normal.woff2") for url in editor.requests)
    assert editor.violations() <= REFUSED, editor.violations()
    assert editor.errors == []
    ours = []
    for view, results in views.items():
        for violation in results.response["violations"]:
            targets = [node["target"] for node in violation["nodes"]][:3]
            print(f"axe, {view}: {violation['id']} ({violation['impact']}): {targets}")
            if violation["id"] in OUR_PAGE_RULES:
                ours.append((view, violation["id"]))
    assert ours == []


def test_a_partner_whose_browser_speaks_german_gets_the_editor_in_german_from_the_site(browser, served_site, site):
    """Sveltia CMS loads its interface in the browser's language; refused, it would ask again without end."""
    base, _ = served_site
    editor = Editor(browser, base, site.project, locale="de-DE")
    try:
        editor.open_local_repository()
        editor.page.get_by_text("Sammlungen").first.wait_for()
        editor.page.wait_for_timeout(1000)  # time for any repeated request to show
        asked = [url for url in editor.requests if url.endswith("/locales/de.json")]
        assert len(asked) == 1 and asked[0].startswith(base + "admin/"), asked
        assert editor.elsewhere == [] and editor.violations() <= REFUSED, editor.violations()
    finally:
        editor.context.close()


@pytest.mark.parametrize(
    "title",
    ["Συνάντηση στην Αθήνα: Ιούνιος 2019", "İstanbul'da ılık bir toplantı: Şubat ayı"],
    ids=["greek", "turkish"],
)
def test_a_title_in_any_alphabet_names_the_post_as_the_build_accepts(editor, title):
    editor.open_local_repository()
    before = set(editor.names("docs/en/news"))
    editor.new_post(title)
    (made,) = set(editor.names("docs/en/news")) - before
    print(f"{title!r} → {made}")
    assert made.startswith("2026-12-07-") and len(made) > len("2026-12-07-x.md")
    assert is_safe(f"en/news/{made}", LANGUAGES)
    text = editor.read(f"docs/en/news/{made}").decode("utf-8")
    _, front, body = text.split("---\n", 2)
    _, problems = check(load_text(front, Path(made)), POST, Path(made), tuple(LANGUAGES))
    assert problems == []  # the build's own check of a post's fields
    assert body.strip() == "The partners met."


def test_a_photo_is_made_smaller_and_loses_its_gps_position_before_it_is_saved(editor, tmp_path):
    photo = tmp_path / "Foto Srečanje 1.JPG"
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (46.0, 14.0, 30.0), 3: "E", 4: (15.0, 16.0, 0.0)}
    Image.new("RGB", (2400, 1200), (200, 30, 30)).save(photo, "JPEG", exif=exif)
    assert revealing_data(photo)  # the original tells where it was taken
    editor.open_local_repository()
    editor.new_post("A post with a photo", photo)
    (name,) = editor.names("docs/assets/images/news")
    assert name == "foto-srecanje-1.webp" and is_safe(f"assets/images/news/{name}")
    saved = editor.read(f"docs/assets/images/news/{name}")
    (tmp_path / name).write_bytes(saved)
    assert hidden_parts(saved) == [] and revealing_data(tmp_path / name) == []  # the repository's own check
    with Image.open(io.BytesIO(saved)) as image:
        assert image.format == "WEBP" and image.size == (2000, 1000)
    post = editor.read("docs/en/news/2026-12-07-a-post-with-a-photo.md").decode("utf-8")
    assert "image: ../../assets/images/news/foto-srecanje-1.webp" in post
