"""A partner's three tasks in the browser editor (/admin/), with the keyboard alone, and the site built from what it wrote.

In one browser context, on the built real site, with Sveltia CMS's "Work with Local Repository" mode
(tests/browser/editor_page.py): a news post in English and Turkish with a photo; an activity reported
as held, with its minutes uploaded as a file; a city and an associated partner there. Tab and Shift+Tab
move, arrows choose, Enter and Space act, and text is typed; the system's file dialog, which a page
cannot draw, is the one thing set by the test (after Enter on the editor's Upload button). Axe checks
each form: no serious or critical violation.

The files the editor wrote (every file of its folder that differs from the project's, or is new) are
then copied into a scratch copy of the project and built strict, and the built site is checked: the
post in both languages, the activity held with its minutes at their address, the partner listed as
associated and counted nowhere. The data files it wrote match their JSON Schemas, and saving
data/activities.yml or data/partners.yml kept every other entry's values as they were (an online
place, a report's participants by group), a box left unticked written as false aside.

Which activity is reported is read from data/activities.yml (the first whose days are past and
that has no report), and what the site should say from the data: nothing here is today's content.
"""

from __future__ import annotations

import base64
import io
import json
import time
from datetime import timedelta
from pathlib import Path
from urllib.parse import urljoin

import jsonschema
import pytest
import yaml
from bs4 import BeautifulSoup
from PIL import Image
from sitedata import expected

from cisotra.datafiles import DATA_FILES
from cisotra.fields import check
from cisotra.images import LIMIT_WIDTH
from cisotra.names import is_safe
from cisotra.news import POST
from cisotra.paths import activity_path, news_index_path, partners_path, post_path
from cisotra.photometadata import revealing_data
from cisotra.photoparts import hidden_parts
from cisotra.reports import OUTPUTS_FOLDER
from cisotra.results import _pdf as pdf_notes
from cisotra.yamlfile import load_file, load_text
from editor_page import (
    EVERY_FILE,
    PDF_PREVIEW,
    REFUSED,
    Editor,
    arrow_to,
    focused,
    isolated,
    tab_to,
    to_button,
    to_label,
)
from sitebuild import TEST_MOMENT, build, copy_project
from sitecheck import LANGUAGES

# One browser session and one build serve every test here: on one worker.
pytestmark = pytest.mark.xdist_group("editor-partner-tasks")

POST_DAY = TEST_MOMENT.date() - timedelta(days=14)  # published, before the moment every test build happens
TITLE = {
    "en": "Test post from the browser editor",
    "tr": "Tarayıcı düzenleyicisinden deneme: İstanbul'da ılık bir kış günü, ağaçlar ve şarkılar",
}
SUMMARY = {"en": "A test post written with the keyboard alone.", "tr": "Yalnızca klavyeyle yazılmış bir deneme yazısı."}
ALT = {"en": "A blue surface", "tr": "Mavi bir yüzey"}
HEADLINE = {"en": "A test headline", "tr": "Bir deneme başlığı"}
TEXT = {"en": "The text of the test post.", "tr": "Deneme yazısının metni; ğ, ş, ı ve İ ile."}
PARTICIPANTS = 24
CITY = {"id": "suite-check-vienna", "country": "AT", "at": [48.21, 16.37]}
CITY_NAMES = {"en": "Vienna", "si": "Dunaj", "de": "Wien", "it": "Vienna", "el": "Βιέννη", "tr": "Viyana"}
PARTNER = {"id": "test-association-vienna", "acronym": "TAV", "name": "Test Association Vienna"}
# Sveltia CMS's own interface; axe's findings of lesser impact there are printed, not asserted.
SERIOUS = {"serious", "critical"}


def photo(folder: Path) -> Path:
    """A camera's photo: 3000×2000 JPEG that says where it was taken (EXIF GPS)."""
    path = folder / "Toplantı Fotoğrafı.jpg"
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (41.0, 0.0, 30.0), 3: "E", 4: (28.0, 58.0, 0.0)}
    Image.new("RGB", (3000, 2000), (30, 90, 160)).save(path, "JPEG", exif=exif)
    assert revealing_data(path)
    return path


def minutes(folder: Path) -> Path:
    """A small PDF with what the build asks of a PDF (cisotra.results): a title, a language, tags."""
    from pypdf import PdfWriter
    from pypdf.generic import BooleanObject, DictionaryObject, NameObject, TextStringObject

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.add_metadata({"/Title": "Minutes (test)"})
    structure = writer._add_object(DictionaryObject({NameObject("/Type"): NameObject("/StructTreeRoot")}))
    writer._root_object.update(
        {
            NameObject("/Lang"): TextStringObject("en"),
            NameObject("/MarkInfo"): DictionaryObject({NameObject("/Marked"): BooleanObject(True)}),
            NameObject("/StructTreeRoot"): structure,
        }
    )
    path = folder / "Minutes of the Meeting.pdf"
    writer.write(path)
    assert pdf_notes(path) == (1, [])  # nothing for the build's "Files to fix"
    return path


def activity_to_report(project: Path) -> dict:
    """The first activity whose days are past at the build's moment and that has no report."""
    today = TEST_MOMENT.date().isoformat()
    activities = yaml.safe_load((project / "data/activities.yml").read_text(encoding="utf-8"))
    for activity in activities:
        last = str(activity.get("end", activity["start"]))  # a day, or a month (2018-06)
        if "report" not in activity and last < today[: len(last)]:
            return activity
    raise AssertionError("data/activities.yml has no past activity without a report")


# ---------------------------------------------------------------------------
# The partner's tasks


class Partner:
    """A partner at the editor with the keyboard alone; what axe finds on each form is kept."""

    def __init__(self, editor: Editor) -> None:
        self.editor = editor
        self.page = editor.page
        self.keys = editor.page.keyboard
        self.axe: dict[str, list[dict]] = {}
        self.timings: dict[str, float] = {}

    def press(self, key: str, wait: int = 300) -> None:
        self.keys.press(key)
        self.page.wait_for_timeout(wait)

    def type(self, text: str) -> None:
        self.keys.type(text)

    def check_form(self, task: str) -> None:
        from axe_playwright_python.sync_playwright import Axe

        self.axe[task] = Axe().run(self.page).response["violations"]

    def upload(self, path: Path) -> None:
        """In the editor's file dialog: Upload, the system's dialog, Insert."""
        to_button(self.page, "Upload")
        with self.page.expect_file_chooser() as chooser:
            self.keys.press("Enter")
        chooser.value.set_files(path)
        self.page.wait_for_timeout(1000)
        to_button(self.page, "Insert")
        self.press("Enter", 800)

    def open_the_local_repository(self) -> None:
        to_button(self.page, "Work with Local Repository")
        self.keys.press("Enter")
        self.page.get_by_text("Project data").first.wait_for()

    def open_data_file(self, title: str) -> None:
        """From anywhere: the collection "Project data" in the list of collections, then the file."""
        tab_to(self.page, lambda seen: seen["role"] == "treeitem")
        arrow_to(self.page, "Project data")
        self.press("Enter", 800)
        tab_to(self.page, lambda seen: seen["role"] == "row")
        arrow_to(self.page, title)
        self.press("Enter", 1500)

    def write_post(self, picture: Path) -> None:
        started = time.monotonic()
        # "+" (Create Entry or Assets): a menu; its first item, News posts, has the focus.
        to_button(self.page, "Create Entry or Assets")
        self.press("Enter")
        assert focused(self.page)["role"] == "menuitem"
        arrow_to(self.page, "News posts")
        self.press("Enter", 1500)
        to_label(self.page, "Title")
        self.type(TITLE["en"])
        to_label(self.page, "Date")
        self.type(POST_DAY.strftime("%m%d%Y"))  # the browser's date field, in the en-US order of the context
        to_label(self.page, "Summary")
        self.type(SUMMARY["en"])
        to_button(self.page, "Browse")
        self.press("Enter", 800)
        self.upload(picture)
        to_label(self.page, "Image description")
        self.type(ALT["en"])
        to_button(self.page, f"Add {isolated('Topics')}")
        self.press("Enter")
        tab_to(self.page, lambda seen: seen["role"] == "radio")  # the topics, one radio button each
        self.press("ArrowRight", 200)  # the second: meeting
        to_label(self.page, "Text")
        self.type(f"# {HEADLINE['en']}\n{TEXT['en']}")
        # Turkish: the language menu at the top of the form, then "Enable Turkish".
        tab_to(self.page, lambda seen: seen["name"] == "Switch Locale", back=True)
        self.press("Enter")  # the languages, with a filter that has the focus
        choose_option(self.page, "Turkish")
        self.press("Enter", 600)
        to_button(self.page, f"Enable {isolated('Turkish')}")
        self.press("Enter", 800)
        to_label(self.page, "Title")
        self.type(TITLE["tr"])
        to_label(self.page, "Summary")
        self.type(SUMMARY["tr"])
        to_label(self.page, "Image description")
        self.type(ALT["tr"])
        to_label(self.page, "Text")
        self.type(f"# {HEADLINE['tr']}\n{TEXT['tr']}")
        self.check_form("the post")
        self.press("Control+s", 3000)
        self.timings["the post"] = time.monotonic() - started

    def report_activity(self, ident: str, document: Path) -> None:
        started = time.monotonic()
        self.open_data_file("CiSoTRA activities")
        to_button(self.page, "Collapse All")
        self.press("Enter")
        tab_to(self.page, lambda seen: seen["name"] == "Expand" and seen["item"] == ident, limit=400)
        self.press("Enter")
        # Expanded, and its fields drawn (on a busy machine they come after the button says Collapse).
        self.page.wait_for_function(
            "() => document.activeElement.getAttribute('aria-label') === 'Collapse'"
            " && document.activeElement.closest('.item[role=group]').querySelectorAll('[data-key-path]').length > 5"
        )
        # Past every field of the activity (about 150 stops: each text has one per language, each field a menu).
        tab_to(self.page, lambda seen: seen["label"] == f"Add {isolated('Report')}", limit=400)
        self.press("Space")
        tab_to(self.page, lambda seen: seen["label"] == "held")  # the first status
        self.press("Space", 200)
        tab_to(self.page, lambda seen: seen["label"] == "(None)")  # the format, none chosen
        self.press("ArrowRight", 200)  # in person
        # Participants is a record (the total and a number per group): added like the report, then its total.
        tab_to(self.page, lambda seen: seen["label"] == f"Add {isolated('Participants')}")
        self.press("Space")
        to_label(self.page, "Total")
        self.type(str(PARTICIPANTS))
        to_button(self.page, f"Add {isolated('Outputs')}")
        self.press("Enter")
        to_button(self.page, "Browse")
        self.press("Enter", 800)
        self.upload(document)
        self.check_form("the report")
        self.press("Control+s", 3000)
        self.timings["the report"] = time.monotonic() - started

    def add_city_and_partner(self) -> None:
        started = time.monotonic()
        self.open_data_file("CiSoTRA cities")
        to_button(self.page, "Collapse All")
        self.press("Enter")
        to_button(self.page, f"Add {isolated('CiSoTRA cities')}", limit=300)
        self.press("Enter")
        to_label(self.page, "Id", back=True)
        self.type(CITY["id"])
        to_label(self.page, "Country")
        self.type(CITY["country"])
        for degrees in CITY["at"]:
            to_button(self.page, f"Add {isolated('Position')}")
            self.press("Enter")
            tab_to(self.page, lambda seen: seen["label"] == "degrees" and seen["value"] == "")
            self.type(str(degrees))
        for code, name in CITY_NAMES.items():
            to_label(self.page, code)
            self.type(name)
        self.check_form("the city")
        self.press("Control+s", 3000)
        self.open_data_file("CiSoTRA partners")
        to_button(self.page, "Collapse All")
        self.press("Enter")
        to_button(self.page, f"Add {isolated('CiSoTRA partners')}", limit=300)
        self.press("Enter")
        to_label(self.page, "Id", back=True)
        self.type(PARTNER["id"])
        to_label(self.page, "Acronym")
        self.type(PARTNER["acronym"])
        to_label(self.page, f"Add {isolated('Name')}")
        self.press("Space")
        to_label(self.page, "en")
        self.type(PARTNER["name"])
        to_label(self.page, "City")
        self.press("Enter")  # its list of cities, with a filter
        choose_option(self.page, CITY["id"])
        self.press("Enter")
        tab_to(self.page, lambda seen: seen["label"] == "(None)")  # the role, none chosen: a member
        self.press("ArrowRight", 100)
        self.press("ArrowRight", 200)  # associated
        assert focused(self.page)["label"] == "associated"
        self.check_form("the partner")
        self.press("Control+s", 3000)
        self.timings["the city and the partner"] = time.monotonic() - started


# The option a list's filter (which has the focus) has chosen: the filter names its list (aria-controls) but
# not the option (no aria-activedescendant), so a screen reader does not say it; a sighted partner sees it.
CHOSEN_OPTION = """() => {
  const list = document.getElementById(document.activeElement.getAttribute("aria-controls"));
  const option = list?.querySelector("[role=option][aria-selected=true]");
  return option ? option.innerText.trim().split("\\n") : [];  // an icon's word on either side of the name
}"""


def choose_option(page, name: str, limit: int = 12) -> None:
    """In an open list of options with a filter: ArrowDown until `name` is chosen."""
    for _ in range(limit):
        if name in page.evaluate(CHOSEN_OPTION):
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"option {name!r} never chosen; last {page.evaluate(CHOSEN_OPTION)!r}")


# ---------------------------------------------------------------------------
# What the editor wrote, and the site built from it


def written_files(editor: Editor, project: Path) -> dict[str, bytes]:
    """Every file of the editor's folder (but .git/) that is new or differs from the project's."""
    found = {}
    for path, encoded in editor.page.evaluate(EVERY_FILE).items():
        data = base64.b64decode(encoded)
        original = project / path
        if not original.is_file() or original.read_bytes() != data:
            found[path] = data
    return found


@pytest.fixture(scope="module")
def session(browser, served_site, site, tmp_path_factory):
    """The three tasks done in the editor: (what it wrote, the partner, the activity reported)."""
    base, _ = served_site
    folder = tmp_path_factory.mktemp("partner-files")
    picture, document = photo(folder), minutes(folder)
    ident = activity_to_report(site.project)["id"]
    editor = Editor(browser, base, site.project)
    partner = Partner(editor)
    try:
        partner.open_the_local_repository()
        partner.write_post(picture)
        partner.report_activity(ident, document)
        partner.add_city_and_partner()
        files = written_files(editor, site.project)
        assert editor.elsewhere == [] and editor.errors == [], (editor.elsewhere, editor.errors)
        assert editor.violations() <= REFUSED | {PDF_PREVIEW}, editor.violations()
    finally:
        editor.context.close()
    print("timings:", {task: f"{seconds:.1f} s" for task, seconds in partner.timings.items()})
    print("written:", sorted(files))
    return files, partner, ident


@pytest.fixture(scope="module")
def rebuilt(session, site, tmp_path_factory):
    """The project with the editor's files, built strict."""
    files, _, _ = session
    project = copy_project(tmp_path_factory.mktemp("edited"), source=site.project)
    for path, data in files.items():
        (project / path).parent.mkdir(parents=True, exist_ok=True)
        (project / path).write_bytes(data)
    started = time.monotonic()
    result = build(project)
    print(f"build: {time.monotonic() - started:.1f} s")
    assert result.returncode == 0, result.log[-5000:]
    return result


def post_name(files: dict[str, bytes]) -> str:
    (name,) = {Path(path).name for path in files if path.startswith("docs/en/news/")}
    return name


# ---------------------------------------------------------------------------
# The editor's files


def test_axe_finds_nothing_serious_on_the_forms(session):
    _, partner, _ = session
    assert set(partner.axe) == {"the post", "the report", "the city", "the partner"}
    serious = []
    for form, violations in partner.axe.items():
        for violation in violations:
            targets = [node["target"] for node in violation["nodes"]][:3]
            print(f"axe, {form}: {violation['id']} ({violation['impact']}): {targets}")
            if violation["impact"] in SERIOUS:
                serious.append((form, violation["id"], targets))
    assert serious == []


def test_the_post_is_written_in_english_and_turkish_with_its_photo_made_safe(session, tmp_path):
    files, _, _ = session
    name = post_name(files)
    assert name.startswith(POST_DAY.isoformat() + "-") and is_safe(f"en/news/{name}", LANGUAGES)
    assert f"docs/tr/news/{name}" in files
    (image,) = [path for path in files if path.startswith("docs/assets/images/news/")]
    assert is_safe(image.removeprefix("docs/")) and image.endswith(".webp")
    saved = files[image]
    (tmp_path / "photo.webp").write_bytes(saved)
    assert hidden_parts(saved) == [] and revealing_data(tmp_path / "photo.webp") == []
    with Image.open(io.BytesIO(saved)) as opened:
        assert opened.format == "WEBP" and max(opened.size) == LIMIT_WIDTH
    metas = {}
    for code in ("en", "tr"):
        _, front, body = files[f"docs/{code}/news/{name}"].decode("utf-8").split("---\n", 2)
        meta = load_text(front, Path(name))
        _, problems = check(meta, POST, Path(name), tuple(LANGUAGES))
        assert problems == []  # the build's own check of a post's fields
        assert meta["title"] == TITLE[code] and meta["summary"] == SUMMARY[code] and meta["image_alt"] == ALT[code]
        assert meta["image"] == "../../" + image.removeprefix("docs/")
        assert body.strip() == f"# {HEADLINE[code]}\n\n{TEXT[code]}"
        metas[code] = meta
    assert str(metas["en"]["date"]) == str(metas["tr"]["date"]) == POST_DAY.isoformat()
    assert metas["en"]["tags"] == metas["tr"]["tags"] == ["meeting"]  # shared: copied into the translation


def test_the_report_and_its_minutes_are_written_where_the_build_reads_them(session):
    files, _, ident = session
    (document,) = [path for path in files if path.endswith(".pdf")]
    assert document.startswith(f"docs/{OUTPUTS_FOLDER}/") and is_safe(document.removeprefix("docs/"))
    activities = yaml.safe_load(files["data/activities.yml"])
    (activity,) = [a for a in activities if a["id"] == ident]
    report = activity["report"]
    assert report["status"] == "held" and report["participants"] == {"total": PARTICIPANTS}
    assert report["format"] == "in_person"
    # As Sveltia CMS writes it: the / names docs/ (cisotra.fields.File).
    assert report["outputs"] == ["/" + document.removeprefix("docs/")]


def unticked_left_out(value: object) -> object:
    """A value with every `false` of a mapping left out: Sveltia CMS writes a box left unticked
    (an online place's, a partner's coordinator) as false, which the build reads as not given."""
    if isinstance(value, dict):
        return {key: unticked_left_out(inner) for key, inner in value.items() if inner is not False}
    if isinstance(value, list):
        return [unticked_left_out(inner) for inner in value]
    return value


def changed_entries(written: list[dict], before: list[dict], own: set[str]) -> dict[str, dict]:
    """What differs, by entry and field ((the project's, the editor's)), between a file the editor wrote
    and the project's, apart from the entries the tasks changed or added (`own`, by id)."""
    kept = [unticked_left_out(entry) for entry in written if entry["id"] not in own]
    was = [unticked_left_out(entry) for entry in before if entry["id"] not in own]
    assert [entry["id"] for entry in kept] == [entry["id"] for entry in was]
    return {
        a["id"]: {key: (b.get(key), a.get(key)) for key in {*a, *b} if a.get(key) != b.get(key)}
        for a, b in zip(kept, was, strict=True)
        if a != b
    }


@pytest.mark.parametrize(("name", "own"), [("activities", "reported"), ("partners", "added")])
def test_saving_a_data_file_keeps_every_other_entry_as_it_was(session, site, name, own):
    # Each value of every other entry, as loaded: an online place ({online: true}), a report's participants.
    files, _, ident = session
    written = yaml.safe_load(files[f"data/{name}.yml"])
    before = yaml.safe_load((site.project / f"data/{name}.yml").read_text(encoding="utf-8"))
    changed = changed_entries(written, before, {ident} if own == "reported" else {PARTNER["id"]})
    print(f"data/{name}.yml, changed by the editor:", changed)
    assert changed == {}


def test_the_city_and_the_associated_partner_are_written(session):
    files, _, _ = session
    cities = yaml.safe_load(files["data/cities.yml"])
    assert cities[-1] == {**CITY, "name": CITY_NAMES}
    partners = yaml.safe_load(files["data/partners.yml"])
    added = partners[-1]
    assert added["id"] == PARTNER["id"] and added["acronym"] == PARTNER["acronym"]
    assert added["name"] == {"en": PARTNER["name"]} and added["city"] == CITY["id"]
    assert added["role"] == "associated"


def test_every_data_file_the_editor_wrote_matches_its_schema(session, tmp_path):
    files, _, _ = session
    by_path = {data_file.path: data_file for data_file in DATA_FILES}
    written = [path for path in files if path.startswith("data/")]
    assert {"data/activities.yml", "data/cities.yml", "data/partners.yml"} <= set(written)
    for path in written:
        (tmp_path / Path(path).name).write_bytes(files[path])
        # The site's own reading: numbers are numbers at every depth, dates stay text.
        data = json.loads(json.dumps(load_file(tmp_path / Path(path).name)))
        jsonschema.Draft202012Validator(by_path[path].schema(tuple(LANGUAGES))).validate(data)


# ---------------------------------------------------------------------------
# The site built from them


def page(built, path: str) -> BeautifulSoup:
    return BeautifulSoup((built.site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_the_post_is_on_the_site_in_english_and_turkish_and_listed_in_the_other_languages(session, rebuilt):
    files, _, _ = session
    stem = post_name(files).removesuffix(".md")
    data = expected(rebuilt.project)
    for code in ("en", "tr"):
        prefix = data.language(code).prefix
        shown = page(rebuilt, post_path(stem, prefix))
        assert TITLE[code] in shown.title.get_text()
        assert HEADLINE[code] in shown.select_one("article").get_text(" ", strip=True)
        images = [img["src"] for img in shown.select("article img")]
        assert images, code
        for src in images:
            assert (rebuilt.site / post_path(stem, prefix) / src).resolve().is_file(), src
    english = data.language("en").prefix
    for code in ("si", "de", "it", "el"):
        prefix = data.language(code).prefix
        listing = page(rebuilt, news_index_path(prefix))
        (link,) = [a for a in listing.select(".cisotra-post__title a") if a.get_text() == TITLE["en"]]
        # Not written in this language: the first version there is (English), marked as English.
        assert link["lang"] == "en" and link["hreflang"] == "en"
        assert urljoin("/" + news_index_path(prefix), link["href"]) == "/" + post_path(stem, english)
        assert link.find_parent("li").select_one(".cisotra-post__lang")
    turkish = page(rebuilt, news_index_path(data.language("tr").prefix))
    (link,) = [a for a in turkish.select(".cisotra-post__title a") if a.get_text() == TITLE["tr"]]
    assert not link.get("lang")


def test_the_activity_says_it_was_held_and_links_its_minutes_where_they_are(session, rebuilt):
    files, _, ident = session
    (document,) = [path for path in files if path.endswith(".pdf")]
    data = expected(rebuilt.project)
    strings = data.project.strings.table("en")
    address = activity_path(data.language("en").prefix, ident)
    shown = page(rebuilt, address)
    assert shown.select_one(".cisotra-activity__status").get_text(strip=True) == strings["activity.status.held"]
    links = [
        a["href"] for a in shown.select(".cisotra-activity__links a") if a.get_text() == strings["activity.output"]
    ]
    assert len(links) == 1
    target = urljoin("/" + address, links[0]).lstrip("/")
    assert target == document.removeprefix("docs/")
    assert (rebuilt.site / target).read_bytes() == files[document]


def test_the_associated_partner_is_listed_apart_and_counted_nowhere(site, rebuilt):
    before, after = expected(site.project).project.consortium, expected(rebuilt.project).project.consortium
    assert [p.id for p in after.members] == [p.id for p in before.members]
    assert after.countries == before.countries
    assert [p.id for p in after.associated] == [p.id for p in before.associated] + [PARTNER["id"]]
    partners = page(rebuilt, partners_path(expected(rebuilt.project).language("en").prefix))
    listed = [li.get_text(" ", strip=True) for li in partners.select(".cisotra-associated-partners li")]
    assert any(PARTNER["acronym"] in line and PARTNER["name"] in line for line in listed), listed
    home = BeautifulSoup((rebuilt.site / "index.html").read_text(encoding="utf-8"), "html.parser")
    original = BeautifulSoup((site.site / "index.html").read_text(encoding="utf-8"), "html.parser")
    # The map's member countries, drawn as before (each country's outline).
    partner_countries = ".cisotra-map__country--partner"
    assert [c["d"] for c in home.select(partner_countries)] == [c["d"] for c in original.select(partner_countries)]
    assert len(home.select(".cisotra-map__pin")) == len(after.members)
    graph = [
        item
        for script in home.select('script[type="application/ld+json"]')
        for item in json.loads(script.string).get("@graph", [])
    ]
    (organisation,) = [item for item in graph if str(item.get("@id", "")).endswith("#consortium")]
    assert len(organisation["member"]) == len(after.members)
    assert PARTNER["name"] not in json.dumps(organisation, ensure_ascii=False)
