"""What is made from the one description of each data file: JSON Schemas that match the real data, and editor fields
that Sveltia CMS and Decap CMS accept."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import jsonschema
import pytest

from cisotra.datafiles import DATA_FILES, DataFile
from cisotra.fields import Choice, Field, ListOf, Record, Translated
from cisotra.frontmatter import read_markdown
from cisotra.yamlfile import load_file

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import schemas  # noqa: E402

CODES = schemas.site_codes(ROOT)
BY_NAME = {data_file.name: data_file for data_file in DATA_FILES}
YAML_FILES = [data_file for data_file in DATA_FILES if not data_file.front_matter]


def test_the_site_has_its_six_languages_the_default_first():
    assert CODES[0] == "en" and set(CODES) == {"en", "si", "de", "it", "el", "tr"}


def test_every_data_file_but_the_interface_strings_is_described():
    described = {data_file.path for data_file in YAML_FILES}
    on_disk = {f"data/{path.name}" for path in (ROOT / "data").glob("*.yml")}
    # data/synonyms.yml, where it exists, is described on its own branch; the strings by the default language's file.
    assert on_disk - described <= {"data/synonyms.yml"}, on_disk - described


@pytest.mark.parametrize("data_file", DATA_FILES, ids=lambda data_file: data_file.name)
def test_the_committed_schema_is_what_the_description_makes(data_file: DataFile):
    committed = ROOT / data_file.schema_path
    assert committed.is_file(), f"{data_file.schema_path} is missing: run ./run schemas"
    assert committed.read_text(encoding="utf-8") == data_file.schema_text(CODES), (
        f"{data_file.schema_path} differs from what the description of {data_file.path} makes: run ./run schemas"
    )


def test_run_schemas_check_finds_a_stale_schema(tmp_path, monkeypatch):
    assert schemas.main(["--check"]) == 0
    monkeypatch.setattr(schemas, "site_codes", lambda root: CODES)  # mkdocs.yml's languages, read above
    assert schemas.main(["--check"], root=tmp_path) == 1  # none written yet
    assert schemas.main([], root=tmp_path) == 0
    assert schemas.main(["--check"], root=tmp_path) == 0
    assert (tmp_path / "data/schema/results.schema.json").read_text("utf-8") == (
        ROOT / "data/schema/results.schema.json"
    ).read_text("utf-8")


def test_no_schema_is_left_over_from_a_file_no_longer_described():
    made = {Path(data_file.schema_path).name for data_file in DATA_FILES}
    assert {path.name for path in (ROOT / "data" / "schema").glob("*.json")} == made


@pytest.mark.parametrize("data_file", YAML_FILES, ids=lambda data_file: data_file.name)
def test_the_real_data_matches_its_schema_and_names_it_for_editors(data_file: DataFile):
    path = ROOT / data_file.path
    if not path.exists():
        pytest.skip(f"{data_file.path} does not exist in this project")
    # The site's own reading: numbers are numbers at every depth, dates stay text.
    data = json.loads(json.dumps(load_file(path)))
    if data is None:  # a file of comments only: an empty mapping or list to its readers
        data = {}
    jsonschema.Draft202012Validator(data_file.schema(CODES)).validate(data)
    # The line that names the schema for editors such as VS Code is kept by hand-editing and lost when
    # the browser editor saves the file (it writes no comments): if it is there, it names the right schema.
    first_line = path.read_text(encoding="utf-8").split("\n", 1)[0]
    if "$schema=" in first_line:
        assert first_line == f"# yaml-language-server: $schema=schema/{data_file.name}.schema.json"


@pytest.mark.parametrize(("name", "folder"), [("news-post", "news"), ("newsletter-issue", "newsletters")])
def test_every_real_front_matter_matches_its_schema(name, folder):
    validator = jsonschema.Draft202012Validator(BY_NAME[name].schema(CODES))
    pages = [path for path in sorted((ROOT / "docs").glob(f"*/{folder}/*.md")) if path.name != "index.md"]
    assert pages
    for path in pages:
        meta = read_markdown(path, path.relative_to(ROOT)).meta
        errors = [error.message for error in validator.iter_errors(json.loads(json.dumps(meta)))]
        assert not errors, (path, errors)


def test_a_schema_refuses_what_the_build_refuses():
    activities = jsonschema.Draft202012Validator(BY_NAME["activities"].schema(CODES))
    entry = {"id": "meeting-7-celje", "type": "meeting", "work_package": 1, "start": "2026-12", "title": {"en": "M"}}
    assert activities.is_valid([entry])
    for change in ({"work_package": 11}, {"type": "party"}, {"title": {"sl": "M"}}, {"place": {}}, {"colour": "red"}):
        assert not activities.is_valid([{**entry, **change}]), change
    results = jsonschema.Draft202012Validator(BY_NAME["results"].schema(CODES))
    output = {"id": "study", "kind": "study", "work_package": 2, "title": {"en": "S"}}
    assert results.is_valid([{**output, "files": {"de": {"file": "de/results/study.de.pdf"}}}])
    assert not results.is_valid([{**output, "files": {"de": {"file": "a.pdf", "url": "https://example.org/a.pdf"}}}])
    redirects = jsonschema.Draft202012Validator(BY_NAME["redirects"].schema(CODES))
    assert redirects.is_valid({"partners/": "project/partners/"}) and not redirects.is_valid({"/partners/": "x/"})


# ---------------------------------------------------------------------------
# The editor's fields
#
# The options each field type accepts, as both CMSs define them: Sveltia CMS 0.221.1 (the
# properties of its field definitions in schema/sveltia-cms.json of the npm package @sveltia/cms,
# which refuses any other) that Decap CMS 3.19.1 also knows (decap-cms-core's
# src/constants/configSchema.js for every field, each decap-cms-widget-*'s src/schema.js for its
# own). `root` alone is Sveltia's: Decap cannot edit a file that is a list.

COMMON = {"name", "label", "widget", "required", "hint", "i18n"}
ACCEPTED = {
    "string": COMMON | {"pattern"},
    "text": COMMON | {"pattern"},
    "number": COMMON | {"pattern", "value_type", "min", "max", "step"},
    "boolean": COMMON,
    "datetime": COMMON | {"pattern", "format", "date_format", "time_format", "picker_utc"},
    "select": COMMON | {"pattern", "options", "multiple", "min", "max"},
    "list": COMMON
    | {"field", "fields", "pattern", "min", "max", "summary", "collapsed", "label_singular", "root"}
    | {"allow_add", "allow_remove", "allow_reorder", "minimize_collapsed"},
    "object": COMMON | {"fields", "collapsed"},
    "relation": COMMON
    | {"pattern", "collection", "file", "value_field", "search_fields", "display_fields"}
    | {"multiple", "min", "max", "filters"},
    "markdown": COMMON | {"pattern", "minimal", "buttons", "editor_components", "modes"},
    "image": COMMON | {"pattern"},
    "file": COMMON | {"pattern"},
}
REQUIRED = {"select": {"options"}, "relation": {"collection", "value_field", "search_fields"}, "object": {"fields"}}


def cms_problems(fields: list[dict], where: str = "") -> list[str]:
    """What Sveltia CMS or Decap CMS would refuse in a list of field definitions."""
    found = []
    names = [field.get("name") for field in fields]
    if not fields:
        found.append(f"{where}: an empty list of fields (Decap wants at least one)")
    if len(set(names)) != len(names):
        found.append(f"{where}: a name used twice in {names}")
    for field in fields:
        at = f"{where}.{field.get('name')}"
        widget = field.get("widget")
        if not isinstance(field.get("name"), str) or not field["name"]:
            found.append(f"{at}: no name")
        if widget not in ACCEPTED:
            found.append(f"{at}: widget {widget!r}")
            continue
        if unknown := set(field) - ACCEPTED[widget]:
            found.append(f"{at}: {widget} does not take {sorted(unknown)}")
        if missing := REQUIRED.get(widget, set()) - set(field):
            found.append(f"{at}: {widget} needs {sorted(missing)}")
        if not isinstance(field.get("required", True), bool):
            found.append(f"{at}: required is {field['required']!r}")
        if not all(isinstance(field.get(key, ""), str) for key in ("label", "hint", "summary", "value_field")):
            found.append(f"{at}: a label, hint, summary or value_field that is not a text")
        if "pattern" in field:
            pattern = field["pattern"]
            if not (isinstance(pattern, list) and len(pattern) == 2 and all(isinstance(p, str) for p in pattern)):
                found.append(f"{at}: pattern is not [regular expression, message]")
            else:
                re.compile(pattern[0])
        if widget == "select" and not all(
            isinstance(option, dict) and set(option) == {"label", "value"} for option in field["options"]
        ):
            found.append(f"{at}: options are not {{label, value}}")
        if widget == "relation" and not (field["collection"] and field["search_fields"]):
            found.append(f"{at}: a relation to no collection")
        if widget == "number" and field.get("value_type", "int") not in ("int", "float"):
            found.append(f"{at}: value_type {field['value_type']!r}")
        if widget == "list" and ("field" in field) == ("fields" in field):
            found.append(f"{at}: a list needs field or fields, not both")
        for key in ("min", "max", "step"):
            if key in field and not isinstance(field[key], int | float):
                found.append(f"{at}: {key} is not a number")
        if isinstance(field.get("field"), dict):
            found += cms_problems([field["field"]], at)
        if "fields" in field:
            found += cms_problems(field["fields"], at)
    return found


@pytest.mark.parametrize("data_file", DATA_FILES, ids=lambda data_file: data_file.name)
def test_editor_fields_are_what_sveltia_and_decap_accept(data_file: DataFile):
    fields = data_file.editor_fields(CODES)
    assert cms_problems(fields, data_file.name) == []


def walk(fields: list[dict]):
    for field in fields:
        yield field
        if isinstance(field.get("field"), dict):
            yield from walk([field["field"]])
        yield from walk(field.get("fields", []))


def described_fields(kind, seen=None):
    """Every Field of a description, at any depth."""
    if isinstance(kind, Record):
        for entry in kind.fields:
            yield entry
            yield from described_fields(entry.kind)
    for inner in ("item", "value", "text"):
        if hasattr(kind, inner):
            yield from described_fields(getattr(kind, inner))
    for option in getattr(kind, "options", ()):
        if not isinstance(kind, Choice):
            yield from described_fields(option)


@pytest.mark.parametrize("data_file", DATA_FILES, ids=lambda data_file: data_file.name)
def test_the_editor_says_what_the_description_says(data_file: DataFile):
    fields = list(walk(data_file.editor_fields(CODES)))
    by_name: dict[str, list[dict]] = {}
    for field in fields:
        by_name.setdefault(field["name"], []).append(field)
    for entry in described_fields(data_file.description):
        assert isinstance(entry, Field)
        assert entry.help, f"{data_file.name}: {entry.name} has no help for partners"
        shown = by_name[entry.name]
        # The hint is the help, required is the check's, a choice offers its values.
        assert any(field.get("hint") == entry.help and field["required"] == entry.required for field in shown)
        if isinstance(entry.kind, Choice):
            assert any(
                [option["value"] for option in field.get("options", [])] == list(entry.kind.values) for field in shown
            )
        if isinstance(entry.kind, Translated):
            (field,) = [field for field in shown if field.get("hint") == entry.help]
            assert field["widget"] == "object" and [sub["name"] for sub in field["fields"]] == list(CODES)
            assert [sub["required"] for sub in field["fields"]] == [
                entry.kind.every or (entry.kind.required and index == 0) for index in range(len(CODES))
            ]


def test_the_forms_have_the_shape_of_the_files():
    # A file that is a list is one list saved at the top of the file (Sveltia's `root`).
    (activities,) = BY_NAME["activities"].editor_fields(CODES)
    assert activities["widget"] == "list" and activities["root"] is True and activities["summary"] == "{{fields.id}}"
    assert isinstance(BY_NAME["activities"].description, ListOf)
    # One entry per language: one object per language, in the site's order.
    assert [field["name"] for field in BY_NAME["funding"].editor_fields(CODES)] == list(CODES)
    # Cities and topics, which other files name by id, are lists too: the editor cannot store a mapping of
    # free keys whose values have fields.
    for name, fields in (("cities", ["id", "country", "at", "name"]), ("tags", ["id", "name"])):
        (entries,) = BY_NAME[name].editor_fields(CODES)
        assert isinstance(BY_NAME[name].description, ListOf) and entries["root"] is True
        assert [field["name"] for field in entries["fields"]] == fields and entries["summary"] == "{{fields.id}}"
    # Posts and issues end with their text.
    assert BY_NAME["news-post"].editor_fields(CODES)[-1] == {
        **BY_NAME["news-post"].editor_fields(CODES)[-1],
        "name": "body",
        "widget": "markdown",
    }
    post = {field["name"]: field for field in BY_NAME["news-post"].editor_fields(CODES)}
    assert post["image"]["widget"] == "image" and post["date"]["widget"] == "datetime"
    assert (
        post["activity"]["field"]["widget"] == "relation" and post["activity"]["field"]["value_field"] == "items.*.id"
    )
    # References to them are chosen from their lists by id, searched by the name in the default language.
    partner = {field["name"]: field for field in BY_NAME["partners"].editor_fields(CODES)[0]["fields"]}
    for reference, file in ((post["tags"]["field"], "tags"), (partner["city"], "cities")):
        assert (reference["widget"], reference["file"], reference["value_field"]) == ("relation", file, "items.*.id")
        assert reference["search_fields"] == [f"items.*.name.{CODES[0]}"]
