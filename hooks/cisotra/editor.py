"""The browser editor at /admin/ (Sveltia CMS): its configuration, made from the descriptions of the data
files (cisotra.datafiles), and the copy of its script the site serves.

Sveltia CMS reads one YAML configuration: where the content is (collections), what each
entry's form holds (fields), how files are named, where photos go and how they are made
smaller, and which repository it saves to. Everything here comes from the descriptions,
the site's languages and the repository's address, so a field added to a description
appears in the editor without anything written here.

- News posts and newsletter issues are folders of Markdown files per language
  (docs/<language>/news/): one entry per file name, a version per language. A field the
  description marks `shared` (a post's date) is the same in every version: the editor
  copies it. New posts start in the default language; a partner adds the others.
- The data files (data/*.yml) are one entry each. A file that is a list (data/partners.yml)
  is saved as a list at the top of the file (`root`); a file of free keys whose values are
  texts (data/redirects.yml) as key-value pairs. A file of free keys whose values have
  fields of their own (data/participant-groups.yml) cannot be written by Sveltia CMS: it
  is left out (`left_out` says why), and a field naming one of its entries chooses among its keys;
  a report's participants get a number field per group of it, beside the total.
  Cities, topics and synonyms (data/cities.yml, data/tags.yml, data/synonyms.yml) are lists
  for that reason.
- Saving opens a pull request (`editorial_workflow`): nothing reaches the site before a
  person reviews it and the build's checks pass.
- Photos are made smaller and re-encoded in the partner's browser before upload: a
  re-encoded picture carries no EXIF or GPS, so the original never reaches the repository.

The script is vendored byte for byte (assets/editor/, scripts/vendor_editor.py); the site
serves a copy in which two kinds of address are replaced, so the editor loads nothing from
another host:
- the three fonts of a CDN (@font-face rules in the script) by the site's own font files;
- the npm CDN's address of the package itself, from which the script loads its interface
  in the partner's language (de.json …) and checks for a newer version, by the package's own
  files next to the page. Refused by the page's policy instead, the interface file is asked
  for again and again without end (thousands of times a second, seen in Chromium with a
  German browser): every partner whose browser is not in English would have a busy editor.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path

import yaml

from .csp import secured
from .datafiles import DATA_FILES, DataFile
from .fields import Field, File, Kind, ListOf, MapOf, OneOf, Record, Translated
from .images import LIMIT_WIDTH
from .participantgroups import FILE as GROUPS_FILE
from .participantgroups import TOTAL
from .paths import EDITOR_CONFIG, EDITOR_FONTS, EDITOR_PACKAGE, EDITOR_SCRIPT
from .render import html, script_json

SVELTIA_VERSION = "0.221.1"
VENDORED = "assets/editor"  # in the repository: the script, its licence, the fonts and theirs
SCRIPT = "sveltia-cms.js"
BRANCH = "main"
REPO_PLACEHOLDER = "REPO_URL-not-set/cisotra"  # a build without REPO_URL: saving cannot reach any repository

# The fonts Sveltia CMS 0.221.1 loads from a CDN (@font-face rules inside its script), and the
# files of the fontsource npm packages of the same versions that the site serves instead.
PACKAGE_BASE = "`https://unpkg.com/@sveltia/cms`"  # once in the script, as a template literal
FONTS = {
    "https://cdn.jsdelivr.net/fontsource/fonts/source-sans-3:vf@5.3.0/latin-wght-normal.woff2": (
        "@fontsource-variable/source-sans-3",
        "source-sans-3-latin-wght-normal.woff2",
    ),
    "https://cdn.jsdelivr.net/fontsource/fonts/noto-mono@5.3.0/latin-400-normal.woff2": (
        "@fontsource/noto-mono",
        "noto-mono-latin-400-normal.woff2",
    ),
    "https://cdn.jsdelivr.net/fontsource/fonts/material-symbols-outlined:vf@5.3.7/latin-wght-normal.woff2": (
        "@fontsource-variable/material-symbols-outlined",
        "material-symbols-outlined-latin-wght-normal.woff2",
    ),
}


def left_out(data_file: DataFile) -> str | None:
    """Why the editor cannot write a data file, or None. Sveltia CMS writes free keys only with a text
    each (key-value pairs): a mapping of keys to entries with fields (data/participant-groups.yml),
    to names per language or to lists of words is left out, and edited as text."""
    description = data_file.description
    if isinstance(description, MapOf) and not _text_values(description):
        return "a mapping of free keys to values that are not one text: Sveltia CMS stores free keys with texts only"
    return None


def _text_values(description: MapOf) -> bool:
    return description.value.widget(()).get("widget") == "string"


GROUPS = GROUPS_FILE.removesuffix(".yml")  # the name of data/participant-groups.yml among the data files
COLLECTIONS = {"news-post": ("news", "News posts"), "newsletter-issue": ("newsletters", "Newsletter issues")}
# A post's file name starts with its date (cisotra.news); an issue's is its number.
FILE_NAMES = {"news-post": "{{fields.date}}-{{slug}}", "newsletter-issue": "issue-{{fields.number}}"}
NEWS_PHOTOS = "docs/assets/images/news"  # in the repository
PHOTO_QUALITY = 85


def repo_name(repo_url: str | None) -> str | None:
    """'owner/name' of a GitHub repository's address, or None when there is none."""
    if not repo_url:
        return None
    match = re.fullmatch(r"https://github\.com/([\w.-]+)/([\w.-]+?)(?:\.git)?/?", repo_url.strip())
    if not match:
        raise ValueError(f"repo_url {repo_url!r} is not a GitHub repository's address (https://github.com/owner/name)")
    return f"{match.group(1)}/{match.group(2)}"


def config(
    codes: tuple[str, ...],
    repo: str | None,
    keys: Mapping[str, Iterable[str]],
    data_files: Iterable[DataFile] = DATA_FILES,
) -> dict:
    """The editor's configuration; `codes` the language folders, the default first; `repo` 'owner/name';
    `keys` the entries of each file the editor leaves out ({'cities': ['celje', …]}), offered to choose
    from where another file names one."""
    files = list(data_files)
    collections = [_folder_collection(data_file, codes) for data_file in files if data_file.name in COLLECTIONS]
    collections.append(
        {
            "name": "data",
            "label": "Project data",
            "editor": {"preview": False},
            "files": [
                _file_entry(data_file, codes)
                for data_file in files
                if not data_file.front_matter and left_out(data_file) is None
            ],
        }
    )
    names = {collection["name"] for collection in collections}
    for collection in collections:
        for fields in [collection.get("fields", [])] + [entry["fields"] for entry in collection.get("files", [])]:
            _offer_keys(fields, names, keys)
            _add_groups(fields, keys.get(GROUPS, ()))
    return {
        "backend": {
            "name": "github",
            "repo": repo or REPO_PLACEHOLDER,
            "branch": BRANCH,
            # GitHub's OAuth sign-in needs a server that keeps a client secret, which GitHub Pages
            # cannot be: partners sign in with a fine-grained personal access token (README).
            "auth_methods": ["token"],
        },
        "publish_mode": "editorial_workflow",
        # Uploads of data files (a result's PDF) are written as paths under docs/, after a / that Sveltia CMS
        # always writes and the build reads as docs/ (fields.File); a data file may have its own folder (_file_entry).
        "media_folder": "docs/assets/files",
        "public_folder": "assets/files",
        "media_libraries": {
            "default": {
                "config": {
                    # Names become addresses: lower-case ASCII, as the build's name check wants.
                    "slugify_filename": True,
                    "transformations": {
                        # A canvas re-encode keeps the picture and nothing else: no EXIF, no GPS.
                        # WebP is the one format Sveltia CMS 0.221.1 converts to; the build accepts it.
                        "raster_image": {
                            "format": "webp",
                            "quality": PHOTO_QUALITY,
                            "width": LIMIT_WIDTH,
                            "height": LIMIT_WIDTH,
                        }
                    },
                }
            },
            # The asset dialog lists stock photo sites unless told not to: a partner's pictures are
            # the project's own, and those sites are other hosts, which the page's policy refuses.
            "stock_assets": {"providers": []},
        },
        # An optional field left empty is left out of the file, as a partner would write it: the
        # build reads `author: ''` as an empty text, which it refuses.
        "output": {"omit_empty_optional_fields": True},
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-", "lowercase": True},
        "i18n": {
            "structure": "multiple_folders",
            "locales": list(codes),
            "default_locale": codes[0],
            # A new post starts in the default language; the partner adds the languages it has.
            "initial_locales": "default",
        },
        "collections": collections,
    }


def config_text(settings: dict) -> str:
    """The configuration as YAML: the same settings give the same text."""
    header = f"# Made by the build from the descriptions of the data files (hooks/cisotra/editor.py); Sveltia CMS {SVELTIA_VERSION}\n"
    return header + yaml.safe_dump(settings, allow_unicode=True, sort_keys=False, width=120)


def served_script(original: str) -> str:
    """The script as the site serves it: the fonts and the package's files from the admin page's own
    folder, nothing else changed."""
    for url, replacement in replacements().items():
        if original.count(url) != 1:
            raise ValueError(f"{SCRIPT}: expected the address {url} once, found it {original.count(url)} times")
        original = original.replace(url, replacement)
    return original


def replacements() -> dict[str, str]:
    """Each address of another host in the script → the site's file the served copy names instead."""
    return {
        **{url: EDITOR_FONTS + name for url, (_, name) in FONTS.items()},
        PACKAGE_BASE: f"`{EDITOR_PACKAGE}`",
    }


def package_files(version: str = SVELTIA_VERSION) -> dict[str, str]:
    """The package's files the script asks for, its copy's path under VENDORED → where the site serves it
    (relative to the editor's page): its package.json (the version check finds its own version) and
    its interface in each language it has."""
    return {
        "package.json": f"{EDITOR_PACKAGE}/package.json",
        "locales": f"{EDITOR_PACKAGE}@{version}/locales",
    }


# ---------------------------------------------------------------------------
# Collections


def _folder_collection(data_file: DataFile, codes: tuple[str, ...]) -> dict:
    folder, label = COLLECTIONS[data_file.name]
    record = data_file.description
    assert isinstance(record, Record)  # a front matter is a record
    collection = {
        "name": folder,
        "label": label,
        "folder": f"docs/{{{{locale}}}}/{folder}",
        "extension": "md",
        "format": "frontmatter",
        "create": True,
        "slug": FILE_NAMES[data_file.name],
        "i18n": True,
        "summary": "{{fields.title}}",
        "sortable_fields": ["date", "title"],
        "fields": [_translated(field, record) for field in data_file.editor_fields(codes)],
    }
    if data_file.name == "news-post":
        # A post's photo is written as a path from the post's folder (../../assets/images/news/a.webp).
        collection["media_folder"] = "/" + NEWS_PHOTOS
        collection["public_folder"] = "../../" + NEWS_PHOTOS.removeprefix("docs/")
    return collection


def _translated(field: dict, record: Record) -> dict:
    """A field of a text with versions per language: its own per version, or copied (`shared`)."""
    described: Field | None = next((f for f in record.fields if f.name == field["name"]), None)
    if described and described.shared:
        return _copied(field)
    return {**field, "i18n": True}


def _copied(field: dict) -> dict:
    """A shared field and what it holds: Sveltia CMS copies a list's items (a post's topics) into a new
    translation only when the items' own field says so too (seen in 0.221.1: the list alone copies nothing)."""
    found = {**field, "i18n": "duplicate"}
    if "field" in field:
        found["field"] = _copied(field["field"])
    if "fields" in field:
        found["fields"] = [_copied(inner) for inner in field["fields"]]
    return found


def _offer_keys(fields: list[dict], collections: set[str], keys: Mapping[str, Iterable[str]]) -> None:
    """A field naming an entry of a file the editor leaves out (a city) chooses among that file's keys."""
    for field in fields:
        if field.get("widget") == "relation" and field["collection"] not in collections:
            other = field["collection"]
            for option in ("collection", "file", "value_field", "search_fields"):
                field.pop(option, None)
            field["widget"] = "select"
            field["options"] = sorted(keys.get(other, ()))
        for inner in (*field.get("fields", ()), *([field["field"]] if "field" in field else ())):
            _offer_keys([inner], collections, keys)


def _add_groups(fields: list[dict], groups: Iterable[str]) -> None:
    """The form of a count by group (cisotra.reports.GroupCounts: an object whose one field is the total)
    gets a whole-number field per group of data/participant-groups.yml, which the editor leaves out."""
    for field in fields:
        inner = field.get("fields", ())
        if field.get("widget") == "object" and [each["name"] for each in inner] == [TOTAL]:
            field["fields"] = [*inner, *(_group_field(key, inner[0]) for key in groups)]
        for each in (*field.get("fields", ()), *([field["field"]] if "field" in field else ())):
            _add_groups([each], groups)


def _group_field(key: str, total: dict) -> dict:
    return {
        **total,
        "name": key,
        "label": key.replace("_", " ").capitalize(),
        "hint": f"How many of them were {key.replace('_', ' ')} (a group of data/participant-groups.yml).",
    }


def _file_entry(data_file: DataFile, codes: tuple[str, ...]) -> dict:
    entry = {"name": data_file.name, "label": data_file.title, "file": data_file.path}
    description = data_file.description
    folders = upload_folders(description)
    if len(folders) == 1:
        # The data file's uploads go where its description says partners put them (an activity's outputs:
        # docs/assets/reports/). Set on the file, not on the field: Sveltia CMS 0.221.1 ignores a field's own
        # folder inside a list (seen in the browser: the upload went to the folder of every upload).
        (folder,) = folders
        entry["media_folder"] = f"/docs/{folder}"
        entry["public_folder"] = f"/{folder}"  # written /assets/reports/a.pdf, read as under docs/ (fields.File)
    if isinstance(description, MapOf) and _text_values(description):
        # Free keys with a text each (data/redirects.yml): key-value pairs at the top of the file.
        entry["fields"] = [
            {
                "name": "entries",
                "label": data_file.title,
                "widget": "keyvalue",
                "root": True,
                "required": False,
                "hint": f"{description.key_help} {description.expected}",
            }
        ]
        return entry
    entry["fields"] = data_file.editor_fields(codes)
    if isinstance(description, ListOf):
        entry["fields"][0]["label"] = data_file.title
    return entry


def upload_folders(kind: Kind) -> set[str]:
    """The folders under docs/ that a description's files are uploaded to (fields.File's `folder`)."""
    if isinstance(kind, File):
        return {kind.folder} if kind.folder and not kind.from_page else set()
    inner: list[Kind] = []
    if isinstance(kind, Record):
        inner = [f.kind for f in kind.fields]
    elif isinstance(kind, ListOf):
        inner = [kind.item]
    elif isinstance(kind, OneOf):
        inner = list(kind.options)
    elif isinstance(kind, MapOf):
        inner = [kind.value]
    elif isinstance(kind, Translated):
        inner = [kind.text]
    return set().union(*(upload_folders(each) for each in inner))


# ---------------------------------------------------------------------------
# The page


def render_page(lang: str, title: str, tags: Mapping[str, str]) -> str:
    """The editor's page with its own Content-Security-Policy; `tags` the folder codes that are not
    language tags ({'si': 'sl'}), for the names of the languages."""
    page = html(
        "editor.html", lang=lang, title=title, config=EDITOR_CONFIG, script=EDITOR_SCRIPT, tags=script_json(tags)
    )
    return secured(str(page), editor=True)


def left_out_keys(root: Path) -> dict[str, list[str]]:
    """The keys of the data files the editor leaves out, read from their files ({} for a missing file)."""
    found = {}
    for data_file in DATA_FILES:
        if left_out(data_file):
            path = root / data_file.path
            values = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else None
            found[data_file.name] = sorted(str(key) for key in values) if isinstance(values, dict) else []
    return found


def vendored_files(packages: Path) -> dict[Path, str]:
    """Each file of the installed npm packages (`packages`: a node_modules folder) → its copy's path under
    VENDORED: the script, its licence, its package.json and interface files (locales/), each font and its
    licence."""
    found = {
        packages / "@sveltia/cms/dist" / SCRIPT: SCRIPT,
        packages / "@sveltia/cms/LICENSE.txt": "LICENSE.txt",
        packages / "@sveltia/cms/package.json": "package.json",
    }
    for locale in sorted((packages / "@sveltia/cms/locales").glob("*.json")):
        found[locale] = f"locales/{locale.name}"
    for package, name in FONTS.values():
        found[packages / package / "files" / name] = f"fonts/{name}"
        found[packages / package / "LICENSE"] = f"fonts/{name.removesuffix('.woff2')}.LICENSE.txt"
    return found
