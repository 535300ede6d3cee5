"""Every file partners edit that has a description (cisotra.fields): where it is, and what is made from it.

The JSON Schemas in data/schema/ (`./run schemas` writes them; a test says when one is out of
date) and the browser editor's forms are made from this list. The interface strings
(data/strings/) are not in it: their structure is the default language's file (cisotra.strings).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from .activities import ACTIVITIES, CITIES
from .addresses import REDIRECTS
from .consortium import PARTNERS, PROJECT
from .fields import Kind, editor_fields, json_schema
from .funding import FUNDING
from .model import MODEL
from .news import POST, TAGS
from .newsletters import ISSUE
from .participantgroups import PARTICIPANT_GROUPS
from .results import RESULTS
from .synonyms import SYNONYMS

SCHEMA_FOLDER = "data/schema"


@dataclass(frozen=True)
class DataFile:
    name: str  # its schema is data/schema/<name>.schema.json
    path: str  # where it is: data/activities.yml, or the front matter of docs/<language>/news/*.md
    description: Kind
    title: str
    about: str  # what it is, for the schema's reader
    front_matter: bool = False  # the fields at the top of a Markdown file, whose text follows them

    @property
    def schema_path(self) -> str:
        return f"{SCHEMA_FOLDER}/{self.name}.schema.json"

    def schema(self, languages: tuple[str, ...]) -> dict:
        return {"$id": f"{self.name}.schema.json", **json_schema(self.description, languages, self.title, self.about)}

    def schema_text(self, languages: tuple[str, ...]) -> str:
        return json.dumps(self.schema(languages), indent=2, ensure_ascii=False) + "\n"

    def editor_fields(self, languages: tuple[str, ...]) -> list[dict]:
        """The editor's form for the file; a Markdown file's text is its last field, `body`."""
        fields = editor_fields(self.description, languages)
        if self.front_matter:
            fields.append(
                {
                    "name": "body",
                    "label": "Text",
                    "required": True,
                    "widget": "markdown",
                    "hint": "The text, in Markdown: start with the headline as a line beginning with #, then "
                    "paragraphs, with ## for sections.",
                }
            )
        return fields


_CHECKED = (
    "the build checks the same rules and names the file, line and field of each problem. Editors such as VS Code "
    "(with the YAML extension) check the file while it is typed, through the line "
    "'# yaml-language-server: $schema=…' at its top."
)

DATA_FILES = (
    DataFile(
        "activities",
        "data/activities.yml",
        ACTIVITIES,
        "CiSoTRA activities",
        "data/activities.yml: every activity of the project, as planned, and what happened once a partner reports "
        "it; " + _CHECKED,
    ),
    DataFile(
        "cities",
        "data/cities.yml",
        CITIES,
        "CiSoTRA cities",
        "data/cities.yml: the cities of activities and partners, with their country, position and name in every "
        "language; " + _CHECKED,
    ),
    DataFile(
        "results",
        "data/results.yml",
        RESULTS,
        "CiSoTRA results",
        "data/results.yml: the project's outputs, planned or published, with their files per language; " + _CHECKED,
    ),
    DataFile(
        "project",
        "data/project.yml",
        PROJECT,
        "CiSoTRA, the project",
        "data/project.yml: the project's facts, purpose, target groups and contact; " + _CHECKED,
    ),
    DataFile(
        "partners",
        "data/partners.yml",
        PARTNERS,
        "CiSoTRA partners",
        "data/partners.yml: the consortium, one entry per partner, the coordinator first; " + _CHECKED,
    ),
    DataFile(
        "model",
        "data/model.yml",
        MODEL,
        "The CiSoTRA model (WP8)",
        "data/model.yml: the organisations of the model, what each should change, and what they can expect of "
        "each other; " + _CHECKED,
    ),
    DataFile(
        "funding",
        "data/funding.yml",
        FUNDING,
        "EU funding statement and disclaimers",
        "data/funding.yml: the funding statement and disclaimers shown at the foot of every page and in "
        "publications, one wording per language; " + _CHECKED,
    ),
    DataFile(
        "tags",
        "data/tags.yml",
        TAGS,
        "News topics",
        "data/tags.yml: the topics of news posts, each with its name per language; " + _CHECKED,
    ),
    DataFile(
        "participant-groups",
        "data/participant-groups.yml",
        PARTICIPANT_GROUPS,
        "Participant groups",
        "data/participant-groups.yml: the groups a report counts its participants in, each with its name per "
        "language and plural form; " + _CHECKED,
    ),
    DataFile(
        "redirects",
        "data/redirects.yml",
        REDIRECTS,
        "Pages that moved",
        "data/redirects.yml: old address, then new address, as site paths without the language folder; " + _CHECKED,
    ),
    DataFile(
        "synonyms",
        "data/synonyms.yml",
        SYNONYMS,
        "Words that search treats as one",
        "data/synonyms.yml: groups of words of one language that a search treats as one, each group with its "
        "language and its words; " + _CHECKED,
    ),
    DataFile(
        "news-post",
        "docs/<language>/news/*.md",
        POST,
        "A news post's front matter",
        "The fields between the two '---' lines at the top of a news post (docs/<language>/news/); the build "
        "checks the same rules and names the file, line and field of each problem.",
        front_matter=True,
    ),
    DataFile(
        "newsletter-issue",
        "docs/<language>/newsletters/*.md",
        ISSUE,
        "A newsletter issue's front matter",
        "The fields between the two '---' lines at the top of a newsletter issue (docs/<language>/newsletters/); "
        "the build checks the same rules and names the file, line and field of each problem.",
        front_matter=True,
    ),
)
