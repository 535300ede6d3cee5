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
from sitecheck import LANGUAGES

# The repository's folder, in the browser's private file system, handed out by the folder picker.
LOCAL_REPOSITORY = """
window.showDirectoryPicker = async () =>
  (await navigator.storage.getDirectory()).getDirectoryHandle("repo", {create: true});
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.effectiveDirective} ${event.blockedURI}`);
});
"""
FILL = """async (files) => {
  const repo = await (await navigator.storage.getDirectory()).getDirectoryHandle("repo", {create: true});
  await repo.getDirectoryHandle(".git", {create: true});
  for (const [path, text] of Object.entries(files)) {
    const parts = path.split("/");
    let folder = repo;
    for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part, {create: true});
    const writer = await (await folder.getFileHandle(parts.at(-1), {create: true})).createWritable();
    await writer.write(text);
    await writer.close();
  }
}"""
READ = """async (path) => {
  let folder = await (await navigator.storage.getDirectory()).getDirectoryHandle("repo");
  const parts = path.split("/");
  for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part);
  const file = await (await folder.getFileHandle(parts.at(-1))).getFile();
  return Array.from(new Uint8Array(await file.arrayBuffer()));
}"""
LIST = """async (path) => {
  let folder = await (await navigator.storage.getDirectory()).getDirectoryHandle("repo");
  for (const part of path.split("/")) folder = await folder.getDirectoryHandle(part);
  const names = [];
  for await (const [name] of folder.entries()) names.push(name);
  return names.sort();
}"""
# What Sveltia CMS 0.221.1 fetches by itself and the page's policy refuses: GitHub's status, which
# it shows when GitHub has an outage. Caught by the script; the editor works without it.
REFUSED = {"connect-src https://www.githubstatus.com/api/v2/status.json"}
# Axe rules about what the site writes into the page (its language, its title), asserted; the rest
# is about Sveltia CMS's interface, printed. (Its viewport too: Sveltia CMS sets its own, with
# maximum-scale=1, which axe reports as meta-viewport.)
OUR_PAGE_RULES = {"html-has-lang", "html-lang-valid", "document-title", "meta-refresh"}


class Editor:
    """The editor's page in its own browser context, working on a local copy of the repository."""

    def __init__(self, browser, base: str, project: Path, locale: str = "en-US") -> None:
        self.own = urlsplit(base).netloc
        self.context = browser.new_context(
            viewport={"width": 1280, "height": 900}, service_workers="block", locale=locale
        )
        self.elsewhere: list[str] = []
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._only_the_site)
        self.context.add_init_script(LOCAL_REPOSITORY)
        self.page = self.context.new_page()
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.response = self.page.goto(base + "admin/", wait_until="load")
        files = {
            path.relative_to(project).as_posix(): path.read_text(encoding="utf-8")
            for folder in ("docs", "data")
            for path in sorted((project / folder).rglob("*"))
            if path.suffix in (".md", ".yml")
        }
        self.page.evaluate(FILL, files)
        self.local = (
            self.page.locator("button")
            .filter(has_text="Local Repository")
            .or_(self.page.locator("button").filter(has_text="lokalem Repository"))
        )
        self.local.first.wait_for()

    def open_local_repository(self) -> None:
        self.local.first.click()
        self.page.get_by_text("Project data").first.wait_for()

    def _only_the_site(self, route) -> None:
        if urlsplit(route.request.url).netloc == self.own:
            route.continue_()
        else:
            self.elsewhere.append(route.request.url)
            route.abort()

    def violations(self) -> set[str]:
        return set(self.page.evaluate("window.__cspViolations"))

    def field(self, name: str, control: str = "input"):
        return self.page.locator(f"section[data-key-path={name}] {control}").first

    def new_post(self, title: str, photo: Path | None = None) -> None:
        self.page.get_by_text("News posts", exact=True).first.click()
        self.page.get_by_role("button", name="New").first.click()
        for _ in range(3):  # a new entry's form may still be set up when it first shows
            self.field("title").fill(title)
            self.page.wait_for_timeout(300)
            if self.field("title").input_value() == title:
                break
        self.field("date").fill("2026-12-07")
        self.field("summary", "textarea").fill("The partners met.")
        self.field("body", "[contenteditable]").fill("The partners met.")
        if photo:
            self.field("image", "input[type=file]").set_input_files(photo)
            self.page.locator("section[data-key-path=image] img[src^='blob:']").first.wait_for(state="attached")
        self.page.get_by_role("button", name="Save").first.click()
        self.page.get_by_role("button", name="New").first.wait_for()

    def read(self, path: str) -> bytes:
        return bytes(self.page.evaluate(READ, path))

    def names(self, path: str) -> list[str]:
        return self.page.evaluate(LIST, path)


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
