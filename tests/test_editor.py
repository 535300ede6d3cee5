"""The browser editor's configuration (cisotra.editor), made from the descriptions of the data files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from fixture import FIXTURE

from cisotra.csp import script_hashes
from cisotra.datafiles import DATA_FILES, DataFile
from cisotra.editor import (
    COLLECTIONS,
    FONTS,
    REPO_PLACEHOLDER,
    config,
    config_text,
    left_out,
    left_out_keys,
    package_files,
    render_page,
    repo_name,
    served_script,
    upload_folders,
)
from cisotra.fields import (
    Choice,
    Field,
    File,
    Kind,
    ListOf,
    MapOf,
    OneOf,
    Record,
    Reference,
    SiteLanguage,
    Text,
    Translated,
    check,
)
from cisotra.images import LIMIT_WIDTH
from cisotra.names import is_safe
from cisotra.news import IMAGE_TYPES
from cisotra.reports import OUTPUTS_FOLDER, REPORT

CODES = ("en", "si", "el", "tr")  # the fixture project's languages, the default first
KEYS = left_out_keys(FIXTURE)


@pytest.fixture(scope="module")
def settings() -> dict:
    return config(CODES, "partner/cisotra", KEYS)


def collection(settings: dict, name: str) -> dict:
    return next(found for found in settings["collections"] if found["name"] == name)


def entry_fields(settings: dict, data_file: DataFile) -> list[dict]:
    """The editor's fields for a data file: a collection's (posts) or a file entry's (data/*.yml)."""
    if data_file.name in COLLECTIONS:
        return collection(settings, COLLECTIONS[data_file.name][0])["fields"]
    files = collection(settings, "data")["files"]
    return next(entry for entry in files if entry["file"] == data_file.path)["fields"]


# ---------------------------------------------------------------------------
# Every field says what its description says


def compare(kind: Kind, field: dict, where: str, found: list[str]) -> None:
    """Each difference between a description (`kind`) and the editor's field made of it, into `found`."""
    if isinstance(kind, Record):
        compare_record(kind, field.get("fields", []), where, found)
    elif isinstance(kind, ListOf):
        if field.get("min", 0) != kind.minimum:
            found.append(f"{where}: min {field.get('min')}, described {kind.minimum}")
        if isinstance(kind.item, Record | OneOf):
            compare(kind.item, field, where, found)
        else:
            compare(kind.item, field.get("field", {}), where + "[]", found)
    elif isinstance(kind, Translated):
        for i, code in enumerate(CODES):
            inner = next((f for f in field.get("fields", []) if f["name"] == code), None)
            if inner is None:
                found.append(f"{where}.{code}: missing")
                continue
            if inner["required"] != (kind.every or (kind.required and i == 0)):
                found.append(f"{where}.{code}: required {inner['required']}")
            compare(kind.text, inner, f"{where}.{code}", found)
    elif isinstance(kind, OneOf):
        record = next((option for option in kind.options if isinstance(option, Record)), None)
        if record is not None:
            compare(record, field, where, found)
    elif isinstance(kind, Choice):
        options = [option["value"] for option in field.get("options", [])]
        if options != list(kind.values):
            found.append(f"{where}: options {options}, described {list(kind.values)}")
    elif isinstance(kind, SiteLanguage):
        options = [option["value"] for option in field.get("options", [])]
        if options != list(CODES):
            found.append(f"{where}: options {options}, the site's languages {list(CODES)}")
    elif isinstance(kind, Reference):
        if field.get("widget") == "select":  # an entry of a file the editor leaves out: its keys
            if field["options"] != KEYS[kind.collection]:
                found.append(f"{where}: options {field['options']}")
        elif field.get("collection") != kind.collection:
            found.append(f"{where}: a relation to {field.get('collection')}")
    elif isinstance(kind, Text) and type(kind) is Text and kind.pattern:
        if field.get("pattern", [None])[0] != f"^(?:{kind.pattern})$":
            found.append(f"{where}: pattern {field.get('pattern')}")


def compare_record(record: Record, fields: list[dict], where: str, found: list[str]) -> None:
    named = {field["name"]: field for field in fields}
    for described in record.fields:
        place = f"{where}.{described.name}" if where else described.name
        field = named.get(described.name)
        if field is None:
            found.append(f"{place}: not in the editor")
            continue
        if field["required"] is not described.required:
            found.append(f"{place}: required {field['required']}, described {described.required}")
        if field.get("hint", "") != described.help:
            found.append(f"{place}: hint {field.get('hint')!r}")
        compare(described.kind, field, place, found)


def described_files() -> list[DataFile]:
    return [data_file for data_file in DATA_FILES if left_out(data_file) is None]


@pytest.mark.parametrize("data_file", described_files(), ids=lambda data_file: data_file.name)
def test_every_field_says_what_its_description_says(settings, data_file):
    fields = entry_fields(settings, data_file)
    description = data_file.description
    found: list[str] = []
    if isinstance(description, Record):
        compare_record(description, fields, "", found)
        if data_file.front_matter:
            assert fields[-1]["name"] == "body" and fields[-1]["required"] is True
    elif isinstance(description, ListOf):
        assert fields[0]["root"] is True and fields[0]["widget"] == "list"
        compare(description, fields[0], "", found)
    elif isinstance(description, Translated):
        compare(description, {"fields": fields}, "", found)
    elif isinstance(description, MapOf):
        # Free keys with a text each: key-value pairs at the top of the file, the key's help as the hint.
        assert fields[0]["widget"] == "keyvalue" and fields[0]["root"] is True
        assert fields[0]["hint"].startswith(description.key_help)
    else:
        pytest.fail(f"{data_file.name}: a description the test does not know ({type(description).__name__})")
    assert found == []


def test_a_changed_description_changes_the_editor():
    """The comparison above can fail: a field that loses its help, a choice that gains a value."""
    post = next(data_file for data_file in DATA_FILES if data_file.name == "news-post")
    record = post.description
    assert isinstance(record, Record)
    fields = config(CODES, None, KEYS, [post])["collections"][0]["fields"]
    changed = Record((Field("title", Text(), required=False, help="Other help."), *record.fields[1:]))
    found: list[str] = []
    compare_record(changed, fields, "", found)
    assert found == ["title: required True, described False", "title: hint " + repr(record.fields[0].help)]
    choice = Record((Field("kind", Choice(("a", "b")), required=True),))
    found = []
    compare_record(choice, [{"name": "kind", "required": True, "options": [{"value": "a"}]}], "", found)
    assert found == ["kind: options ['a'], described ['a', 'b']"]
    found = []
    compare(ListOf(Text(), minimum=2), {"field": {"widget": "string"}}, "words", found)
    assert found == ["words: min None, described 2"]


def test_every_data_file_is_in_the_editor_or_left_out_with_a_reason(settings):
    files = {entry["file"] for entry in collection(settings, "data")["files"]}
    folders = {found["folder"] for found in settings["collections"] if "folder" in found}
    for data_file in DATA_FILES:
        if left_out(data_file):
            assert data_file.path not in files
        elif data_file.front_matter:
            assert f"docs/{{{{locale}}}}/{COLLECTIONS[data_file.name][0]}" in folders
        else:
            assert data_file.path in files


def test_the_files_left_out_are_the_mappings_of_keys_to_more_than_a_text():
    assert sorted(data_file.name for data_file in DATA_FILES if left_out(data_file)) == ["participant-groups"]
    # The synonyms' old form (language → word → words) could not be written by the editor; its list of groups is.
    words = MapOf(MapOf(ListOf(Text(), single=True), key=Text()))
    assert left_out(DataFile("synonyms", "data/synonyms.yml", words, "t", "a")) is not None
    assert left_out(next(data_file for data_file in DATA_FILES if data_file.name == "synonyms")) is None
    assert left_out(DataFile("redirects", "data/redirects.yml", MapOf(Text()), "t", "a")) is None


def test_the_synonyms_are_a_list_of_groups_with_a_language_and_two_or_more_words(settings):
    """data/synonyms.yml, once a mapping per language the editor could not write, is a list of groups."""
    synonyms = next(data_file for data_file in DATA_FILES if data_file.name == "synonyms")
    assert isinstance(synonyms.description, ListOf) and isinstance(synonyms.description.item, Record)
    (groups,) = entry_fields(settings, synonyms)
    assert groups["root"] is True and groups["widget"] == "list" and groups["summary"] == "{{fields.language}}"
    language, words = groups["fields"]
    described = {field.name: field for field in synonyms.description.item.fields}
    assert language["widget"] == "select" and [option["value"] for option in language["options"]] == list(CODES)
    assert words["widget"] == "list" and words["min"] == 2 and words["field"]["widget"] == "string"
    for field in (language, words):
        assert field["required"] is True and field["hint"] == described[field["name"]].help != ""


def test_an_entry_of_a_list_file_is_chosen_by_its_id(settings):
    """A post's topics and an activity's city name entries of data/tags.yml and data/cities.yml, lists the
    editor writes itself: the choice is among their ids, found by the English name."""
    tags = next(field for field in collection(settings, "news")["fields"] if field["name"] == "tags")
    assert tags["field"] | {"name": None, "label": None} == {
        "name": None,
        "label": None,
        "widget": "relation",
        "collection": "data",
        "file": "tags",
        "value_field": "items.*.id",
        "search_fields": ["items.*.name.en"],
        "i18n": "duplicate",  # a post's topics are the same in every version
    }
    files = {entry["name"] for entry in collection(settings, "data")["files"]}
    assert {"tags", "cities"} <= files


# ---------------------------------------------------------------------------
# Languages, file names, photos, the repository


def test_posts_are_folders_per_language_and_a_shared_field_is_copied_into_every_version(settings):
    assert settings["i18n"]["locales"] == list(CODES)
    assert settings["i18n"]["default_locale"] == "en"
    assert settings["i18n"]["initial_locales"] == "default"  # a partner adds the languages a post has
    for data_file in DATA_FILES:
        if not data_file.front_matter:
            continue
        found = collection(settings, COLLECTIONS[data_file.name][0])
        assert found["folder"] == f"docs/{{{{locale}}}}/{COLLECTIONS[data_file.name][0]}"
        assert found["i18n"] is True
        record = data_file.description
        assert isinstance(record, Record)
        shared = {f.name for f in record.fields if f.shared}
        assert shared, "a post's date is the same in every version"
        assert {f["name"] for f in found["fields"] if f["i18n"] == "duplicate"} == shared
        assert all(f["i18n"] is True for f in found["fields"] if f["name"] not in shared)


def test_a_shared_list_copies_its_items_into_a_new_translation(settings):
    """Sveltia CMS 0.221.1 copies a list's items (a post's topics) into a translation added later only when
    the items' field is marked too: seen in the browser, the Turkish version of a post came without them."""
    posts = collection(settings, "news")
    topics = next(field for field in posts["fields"] if field["name"] == "tags")
    assert topics["i18n"] == "duplicate" and topics["field"]["i18n"] == "duplicate"
    title = next(field for field in posts["fields"] if field["name"] == "title")
    assert title["i18n"] is True


def test_an_activitys_output_is_uploaded_to_the_outputs_folder_and_written_as_the_build_reads_it(settings):
    """The report's outputs go to docs/assets/reports/ (reports.OUTPUTS_FOLDER, CONTRIBUTING.md), not the folder
    of every other upload; the editor writes the public folder, a /, and the file's name, which the build reads
    as the path under docs/."""
    activities = next(entry for entry in collection(settings, "data")["files"] if entry["name"] == "activities")
    assert activities["media_folder"] == f"/docs/{OUTPUTS_FOLDER}"
    assert settings["media_folder"] != activities["media_folder"].lstrip("/")
    written = f"{activities['public_folder']}/minutes-naples.pdf"  # as Sveltia CMS 0.221.1 writes an upload
    checked, problems = check(
        {"report": {"status": "held", "outputs": [written]}}, Record((Field("report", REPORT),)), Path("a.yml")
    )
    assert problems == [] and checked["report"]["outputs"] == [f"{OUTPUTS_FOLDER}/minutes-naples.pdf"]
    # A data file without such a folder keeps the folder of every upload.
    results = next(entry for entry in collection(settings, "data")["files"] if entry["name"] == "results")
    assert "media_folder" not in results


def test_the_upload_folders_are_read_from_anywhere_in_a_description():
    assert upload_folders(REPORT) == {OUTPUTS_FOLDER}
    assert upload_folders(ListOf(Record((Field("f", OneOf((Text(), File(folder="x/y")))),)))) == {"x/y"}
    assert upload_folders(Record((Field("f", File(from_page=True, folder="x")), Field("g", File())))) == set()


def test_a_post_is_named_from_its_date_field_in_the_safe_form_the_build_accepts(settings):
    posts = collection(settings, "news")
    date = next(field for field in posts["fields"] if field["name"] == "date")
    assert posts["slug"] == "{{fields.date}}-{{slug}}" and date["required"] is True
    assert date["format"] == "YYYY-MM-DD"
    assert settings["slug"] == {
        "encoding": "ascii",
        "clean_accents": True,
        "sanitize_replacement": "-",
        "lowercase": True,
    }
    # What Sveltia CMS 0.221.1 made of a Greek title in the browser (tests/browser/test_admin_editor.py makes it again).
    assert is_safe("en/news/2026-12-07-synantisi-stin-athina-ioynios-2019.md", CODES)
    issues = collection(settings, "newsletters")
    assert issues["slug"] == "issue-{{fields.number}}"


def test_photos_are_re_encoded_in_the_browser_to_a_size_and_format_the_build_accepts(settings):
    library = settings["media_libraries"]["default"]["config"]
    assert library["slugify_filename"] is True
    raster = library["transformations"]["raster_image"]
    assert raster["width"] == LIMIT_WIDTH and raster["height"] == LIMIT_WIDTH
    assert "." + raster["format"] in IMAGE_TYPES
    posts = collection(settings, "news")
    # The post's image is a path from its folder, docs/<language>/news/.
    assert posts["media_folder"] == "/docs/assets/images/news"
    assert posts["public_folder"] == "../../assets/images/news"
    assert settings["media_libraries"]["stock_assets"] == {"providers": []}  # no stock photo sites offered


def test_saving_opens_a_pull_request_on_the_repository_of_repo_url(settings):
    assert settings["backend"] == {
        "name": "github",
        "repo": "partner/cisotra",
        "branch": "main",
        "auth_methods": ["token"],
    }
    assert settings["publish_mode"] == "editorial_workflow"
    assert config(CODES, None, KEYS)["backend"]["repo"] == REPO_PLACEHOLDER
    assert repo_name("https://github.com/partner/cisotra") == "partner/cisotra"
    assert repo_name("https://github.com/partner/cisotra.git/") == "partner/cisotra"
    assert repo_name(None) is None
    with pytest.raises(ValueError, match="not a GitHub repository"):
        repo_name("https://gitlab.com/partner/cisotra")


def test_an_optional_field_left_empty_is_left_out_of_the_file(settings):
    """The build refuses an empty text (author: ''): the editor writes no line for it."""
    assert settings["output"] == {"omit_empty_optional_fields": True}


def test_the_configuration_text_is_the_same_for_the_same_descriptions_and_reads_back(settings):
    text = config_text(settings)
    assert text == config_text(config(CODES, "partner/cisotra", KEYS))
    assert yaml.safe_load(text) == settings


# ---------------------------------------------------------------------------
# The served script and the page


def test_the_served_script_names_the_sites_fonts_and_package_files_and_nothing_else_changed():
    original = "a" + "".join(f"url({url})b" for url in FONTS) + "let base=`https://unpkg.com/@sveltia/cms`;c"
    served = served_script(original)
    fonts = "".join(f"url(fonts/{name})b" for _, name in FONTS.values())
    assert served == "a" + fonts + "let base=`sveltia-cms`;c"
    with pytest.raises(ValueError, match="expected the address"):
        served_script("no fonts here")


def test_the_package_files_are_where_the_served_script_asks_for_them():
    """`${base}/package.json` and `${base}@${version}/locales/de.json`, base the served script's."""
    assert package_files("0.221.1") == {
        "package.json": "sveltia-cms/package.json",
        "locales": "sveltia-cms@0.221.1/locales",
    }


def test_the_page_has_its_own_policy_first_and_names_the_configuration():
    page = render_page("en", "The editor", {"si": "sl"})
    head = page.split("<head>", 1)[1].lstrip()
    assert head.startswith('<meta http-equiv="Content-Security-Policy"')
    policy = re.search(r'content="([^"]+)"', head).group(1).replace("&#39;", "'")
    (digest,) = script_hashes(page)
    assert f"script-src 'self' '{digest}';" in policy
    assert "connect-src 'self' data: blob: https://api.github.com;" in policy
    assert "font-src 'self';" in policy and "default-src 'self';" in policy
    assert '<meta name="robots" content="noindex">' in page
    assert '<html lang="en">' in page
    assert '<link href="config.yml" type="application/yaml" rel="cms-config-url">' in page
    assert 'const tags = {"si": "sl"};' in page
    assert '<script src="sveltia-cms.js"></script>' in page


def test_a_title_is_escaped_in_the_page():
    assert "<b>" not in render_page("en", "<b>x</b>", {})
