"""The project's results (outputs): `data/results.yml`, each output described once, with its files per language.

An output the activities document plans but nobody has published yet is listed as
planned, with its work package and, where the document gives one, the date it was
expected; no file is made up for it. A listed file must exist and stay under 20 MB
(unless marked `large: true`); a PDF is read (pypdf) for its number of pages, and a PDF
without a title or language in its metadata, or without tags for screen readers, is
named on the translation-status page for editors to fix.

    - id: initial-study
      kind: study                # study, training_programme, course, model, leaflet, presentation, report
      work_package: 2
      date: 2018-12              # a day or a month: when it was (or is expected to be) published
      status: published          # planned (the default) or published
      licence: CC-BY-4.0         # only when the output states one: its SPDX identifier
      title: {en: "Initial study", si: "Začetna študija"}
      summary: {en: "…"}
      files:
        en: {file: en/results/initial-study.pdf}     # a path under docs/
        si: {url: "https://doi.org/10.5281/zenodo.0"} # or an address elsewhere
"""

from __future__ import annotations

import mimetypes
import re
from dataclasses import dataclass, field
from pathlib import Path

from .casing import miscased
from .dates import Period, make_period
from .errors import DataError, Problem
from .fields import (
    IDENTIFIER,
    Boolean,
    Choice,
    Day,
    Field,
    File,
    Identifier,
    ListOf,
    Record,
    Text,
    Translated,
    Url,
    Where,
)
from .workpackages import WORK_PACKAGE
from .yamlfile import Located, load_file

KINDS = ("study", "training_programme", "course", "model", "leaflet", "presentation", "report")
STATUSES = ("planned", "published")
LIMIT_BYTES = 20_000_000
LICENCE_URLS = {
    "CC-BY-4.0": "https://creativecommons.org/licenses/by/4.0/",
    "CC-BY-SA-4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
    "CC-BY-NC-4.0": "https://creativecommons.org/licenses/by-nc/4.0/",
    "CC-BY-NC-SA-4.0": "https://creativecommons.org/licenses/by-nc-sa/4.0/",
    "CC0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
}
FORMATS = {
    "application/pdf": "PDF",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "DOCX",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "PPTX",
    "application/vnd.oasis.opendocument.text": "ODT",
    "application/vnd.oasis.opendocument.presentation": "ODP",
}
# The examples in CONTRIBUTING.md and in the header of data/results.yml (zenodo.0000000, zenodo.0).
_EXAMPLE_DOI = re.compile(r"zenodo\.0+$")

RESULT_FILE = Record(
    (
        Field(
            "file",
            File(),
            help="A file uploaded to this site: its path under docs/, such as de/results/initial-study.de.pdf. "
            "Keep it under 20 MB.",
        ),
        Field(
            "url",
            Url(),
            help="Or, for a file kept on another site, its address, such as its DOI "
            "(https://doi.org/10.5281/zenodo.…).",
        ),
    ),
    what="a file",
    exactly_one=("file", "url"),
    about="either  file: (a path under docs/) or  url: (an address such as a DOI)",
)
RESULT = Record(
    (
        Field(
            "id",
            Identifier("initial-study"),
            required=True,
            help="A name for the output in lower case with hyphens, such as initial-study; its place on the results "
            "page is results/#initial-study. Never change it once published.",
        ),
        Field(
            "kind",
            Choice(KINDS),
            required=True,
            help="What the output is: a study, a training programme, a course, the model, a leaflet, a presentation "
            "or a report.",
        ),
        Field("work_package", WORK_PACKAGE, required=True, help="The work package that produces it, 1 to 10."),
        Field(
            "date",
            Day(month=True),
            help="When it was published, or is expected to be: a day (2019-06-14) or a month (2019-06).",
        ),
        Field(
            "status",
            Choice(STATUSES),
            help="planned until the output is published (the default), then published, with its files.",
        ),
        Field(
            "licence",
            Text(pattern=r"[A-Za-z0-9.+-]+", expected="an SPDX licence identifier such as CC-BY-4.0"),
            help="Only when the output itself states a licence: its SPDX identifier, such as CC-BY-4.0, CC-BY-SA-4.0 "
            "or CC0-1.0. No licence is assumed.",
        ),
        Field(
            "large",
            Boolean(),
            help="true only if a file must be over 20 MB; larger files make visitors wait.",
        ),
        Field(
            "title",
            Translated(),
            required=True,
            help="Its title in each language; English is required, other languages fall back to it.",
        ),
        Field(
            "summary",
            Translated(Text(multiline=True), required=False),
            help="One or two sentences on what it is, per language.",
        ),
        Field(
            "files",
            Translated(RESULT_FILE, required=False, noun="file", example="en: {file: en/results/study.en.pdf}"),
            help="One file per language it exists in: a file uploaded under docs/<language>/results/, or the address "
            "of a file kept elsewhere. Each language's results page shows its own, else the English one.",
        ),
    ),
    what="an output",
)
RESULTS = ListOf(RESULT, label_by="id", expected="a list of outputs, each starting with '- id:'")
FIELDS = tuple(f.name for f in RESULT.fields)


@dataclass(frozen=True)
class ResultFile:
    code: str  # the language the file is in
    docs_path: str | None = None  # under docs/, for a file in the repository
    url: str | None = None  # for a file elsewhere (a DOI, a repository)
    media_type: str | None = None
    size: int | None = None  # bytes
    pages: int | None = None  # for a PDF

    @property
    def format(self) -> str | None:
        if self.media_type is None:
            return None
        return FORMATS.get(self.media_type, self.media_type.split("/")[-1].upper())


@dataclass(frozen=True)
class Result:
    id: str
    kind: str
    work_package: int
    title: dict[str, str]
    summary: dict[str, str] = field(default_factory=dict)
    period: Period | None = None
    status: str = "planned"
    licence: str | None = None  # only what the output itself states: no licence is assumed
    files: dict[str, ResultFile] = field(default_factory=dict)

    def text(self, which: str, code: str, default_code: str) -> tuple[str, str]:
        texts = self.title if which == "title" else self.summary
        return (texts[code], code) if code in texts else (texts.get(default_code, ""), default_code)

    def file_for(self, code: str, default_code: str) -> ResultFile | None:
        """The file in the visitor's language, else the default language's, else any."""
        return self.files.get(code) or self.files.get(default_code) or next(iter(self.files.values()), None)

    @property
    def licence_url(self) -> str | None:
        return LICENCE_URLS.get(self.licence) if self.licence else None


def load_results(
    path: Path, docs: Path, codes: tuple[str, ...], shown_root: Path
) -> tuple[list[Result], list[Problem]]:
    """(results, warnings for editors): errors raise DataError with file, line and field."""
    if not path.exists():
        return [], []
    shown = path.relative_to(shown_root)
    data = load_file(path, shown) or []
    if not isinstance(data, list):
        raise DataError([Problem(shown, 1, None, f"expected {RESULTS.expected}")])
    problems: list[Problem] = []
    warnings: list[Problem] = []
    results = []
    seen: dict[str, int] = {}
    for item in data:
        if not isinstance(item, Located):
            problems.append(Problem(shown, None, None, f"expected an output (a mapping of fields), found {item!r}"))
            continue
        result = _result(item, shown, docs, codes, problems, warnings)
        if result is None:
            continue
        if result.id in seen:
            problems.append(
                Problem(shown, item.line_of("id"), f"{result.id}: id", f"used twice (first on line {seen[result.id]})")
            )
            continue
        seen[result.id] = item.line_of("id")
        results.append(result)
    if problems:
        raise DataError(problems)
    return results, warnings


def _result(item: Located, shown: Path, docs: Path, codes, problems: list[Problem], warnings) -> Result | None:
    """One output, checked against its description, then its files against docs/; None if it has problems."""
    count = len(problems)
    raw_id = item.get("id")
    ident = raw_id if isinstance(raw_id, str) and IDENTIFIER.match(raw_id) else None
    where = Where(shown, item.line, f"{ident}: " if ident else "", problems, codes)
    checked = RESULT.check(item, where)
    status = checked.get("status", "planned")
    large = checked.get("large", False)
    files = {}
    listed = item.get("files")
    for code, entry in checked.get("files", {}).items():
        place = where.field("files", listed.line_of(code)).field(code, listed.line_of(code))
        found = _file(code, entry, docs, large, place, warnings)
        if found is not None:
            files[code] = found
    if status == "published" and not item.get("files"):
        where.field("files", item.line_of("files")).problem(
            "a published output needs at least one file or address (or  status: planned)"
        )
    if len(problems) > count or ident is None:
        return None
    period = make_period(checked["date"], None) if "date" in checked else None
    return Result(
        ident,
        checked["kind"],
        checked["work_package"],
        checked["title"],
        checked.get("summary", {}),
        period,
        status,
        checked.get("licence"),
        files,
    )


def _file(code: str, entry: dict, docs: Path, large: bool, where: Where, warnings) -> ResultFile | None:
    """A file checked against docs/: it exists, with these capital letters, and is not too large."""
    if "url" in entry:
        if _EXAMPLE_DOI.search(entry["url"]):
            where.field("url", None).problem(
                f"{entry['url']!r} is the example address of CONTRIBUTING.md and the template, not a real one: "
                "write the output's own address (its DOI or where the file is kept)"
            )
            return None
        return ResultFile(code, url=entry["url"])
    relative = entry["file"]
    place = where.field("file", None)
    target = (docs / relative).resolve()
    wrong_case = miscased(docs, "", relative)
    if wrong_case:
        place.problem(wrong_case)
        return None
    if not target.is_relative_to(docs.resolve()) or not target.is_file():
        place.problem(f"no such file: docs/{relative} (expected a path under docs/, like en/results/study.pdf)")
        return None
    size = target.stat().st_size
    if size > LIMIT_BYTES and not large:
        place.problem(
            f"docs/{relative} is {size / 1_000_000:.1f} MB: files over 20 MB make visitors wait; make it smaller, "
            "or add  large: true  to the output if it must be this large"
        )
        return None
    media_type = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
    pages = None
    if media_type == "application/pdf":
        pages, notes = _pdf(target)
        warnings.extend(Problem(Path("docs") / relative, None, "pdf", note) for note in notes)
    return ResultFile(
        code, docs_path=target.relative_to(docs.resolve()).as_posix(), media_type=media_type, size=size, pages=pages
    )


def _pdf(path: Path) -> tuple[int | None, list[str]]:
    """(pages, what an editor should fix): a title and a language in the metadata, tags for screen readers."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(path)
        catalog = reader.trailer["/Root"]
        notes = []
        if not (reader.metadata and str(reader.metadata.get("/Title") or "").strip()):
            notes.append("has no title in its metadata (screen readers and search engines show the file name instead)")
        if not str(catalog.get("/Lang") or "").strip():
            notes.append("does not say its language (screen readers may read it with the wrong voice)")
        mark = catalog.get("/MarkInfo")
        if not (mark and mark.get("/Marked") and "/StructTreeRoot" in catalog):
            notes.append("is not tagged (screen readers cannot follow its headings and reading order)")
        return len(reader.pages), notes
    except (PdfReadError, OSError, KeyError, ValueError) as error:
        return None, [f"could not be read as a PDF ({error})"]
