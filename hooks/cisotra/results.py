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
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .casing import miscased
from .dates import Period, PeriodError, make_period
from .errors import DataError, Problem
from .yamlfile import Located, load_file

KINDS = ("study", "training_programme", "course", "model", "leaflet", "presentation", "report")
STATUSES = ("planned", "published")
FIELDS = ("id", "kind", "work_package", "date", "status", "licence", "large", "title", "summary", "files")
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
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_URL = re.compile(r"^https?://\S+$")
# The examples in CONTRIBUTING.md and in the header of data/results.yml (zenodo.0000000, zenodo.0).
_EXAMPLE_DOI = re.compile(r"zenodo\.0+$")


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
        raise DataError([Problem(shown, 1, None, "expected a list of outputs, each starting with '- id:'")])
    problems: list[Problem] = []
    warnings: list[Problem] = []
    results = []
    seen: dict[str, int] = {}
    for item in data:
        if not isinstance(item, Located):
            problems.append(Problem(shown, None, None, f"expected an output (a mapping of fields), found {item!r}"))
            continue
        result = _result(item, shown, docs, codes, shown_root, problems, warnings)
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


def _result(item, shown, docs, codes, root, problems, warnings) -> Result | None:
    count = len(problems)
    ident = item.get("id") if isinstance(item.get("id"), str) and _ID.match(item["id"]) else None

    def problem(key: str, message: str, line: int | None = None) -> None:
        problems.append(
            Problem(shown, line or item.line_of(key.split(".")[0]), f"{ident}: {key}" if ident else key, message)
        )

    if ident is None:
        problem("id", f"expected lower-case letters, digits and hyphens, found {item.get('id')!r}")
    for key in item:
        if key not in FIELDS:
            problem(str(key), f"unknown field (expected one of: {', '.join(FIELDS)})")
    kind = item.get("kind")
    if kind not in KINDS:
        problem("kind", f"expected one of: {', '.join(KINDS)}, found {kind!r}")
    work_package = item.get("work_package")
    if isinstance(work_package, bool) or not isinstance(work_package, int) or not 1 <= work_package <= 10:
        problem("work_package", f"expected a number from 1 to 10, found {work_package!r}")
    period = None
    if item.get("date") is not None:
        try:
            period = make_period(str(item["date"]), None)
        except PeriodError as error:
            problem("date", str(error))
    status = item.get("status", "planned")
    if status not in STATUSES:
        problem("status", f"expected planned or published, found {status!r}")
    licence = item.get("licence")
    if licence is not None and (not isinstance(licence, str) or not re.match(r"^[A-Za-z0-9.+-]+$", licence)):
        problem("licence", f"expected an SPDX licence identifier such as CC-BY-4.0, found {licence!r}")
    large = item.get("large", False)
    titles = _texts(item, "title", codes, problem, required=True)
    summaries = _texts(item, "summary", codes, problem, required=False)
    files = {}
    listed = item.get("files") or {}
    if not isinstance(listed, Mapping):
        problem("files", "expected one entry per language, such as  en: {file: en/results/study.pdf}")
        listed = {}
    for code, entry in listed.items():
        line = listed.line_of(code) if isinstance(listed, Located) else None
        if code not in codes:
            problem(f"files.{code}", f"unknown language (expected one of: {', '.join(codes)})", line)
            continue
        found = _file(
            code,
            entry,
            docs,
            root,
            bool(large),
            lambda key, message, line=line: problem(key, message, line),
            warnings,
            shown,
            line,
        )
        if found is not None:
            files[code] = found
    if status == "published" and not files:
        problem("files", "a published output needs at least one file or address (or  status: planned)")
    if len(problems) > count or ident is None:
        return None
    return Result(ident, kind, work_package, titles, summaries, period, status, licence, files)


def _file(code, entry, docs: Path, root: Path, large: bool, problem, warnings, shown: Path, line) -> ResultFile | None:
    if not isinstance(entry, Mapping) or len(set(entry) & {"file", "url"}) != 1:
        problem(f"files.{code}", "expected either  file: (a path under docs/) or  url: (an address such as a DOI)")
        return None
    if "url" in entry:
        if not isinstance(entry["url"], str) or not _URL.match(entry["url"]):
            problem(f"files.{code}.url", f"expected an address starting with https://, found {entry['url']!r}")
            return None
        if _EXAMPLE_DOI.search(entry["url"]):
            problem(
                f"files.{code}.url",
                f"{entry['url']!r} is the example address of CONTRIBUTING.md and the template, not a real one: "
                "write the output's own address (its DOI or where the file is kept)",
            )
            return None
        return ResultFile(code, url=entry["url"])
    relative = str(entry["file"])
    target = (docs / relative).resolve()
    wrong_case = miscased(docs, "", relative)
    if wrong_case:
        problem(f"files.{code}.file", wrong_case)
        return None
    if not target.is_relative_to(docs.resolve()) or not target.is_file():
        problem(
            f"files.{code}.file",
            f"no such file: docs/{relative} (expected a path under docs/, like en/results/study.pdf)",
        )
        return None
    size = target.stat().st_size
    if size > LIMIT_BYTES and not large:
        problem(
            f"files.{code}.file",
            f"docs/{relative} is {size / 1_000_000:.1f} MB: files over 20 MB make visitors wait; make it smaller, "
            "or add  large: true  to the output if it must be this large",
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


def _texts(item: Located, key: str, codes, problem, required: bool) -> dict[str, str]:
    value = item.get(key)
    if value is None:
        if required:
            problem(key, f"missing (expected a text per language, at least {codes[0]})")
        return {}
    if not isinstance(value, Mapping) or (required and codes[0] not in value):
        problem(key, f"expected a text per language, at least {codes[0]}")
        return {}
    texts = {}
    for code, text in value.items():
        if code not in codes:
            problem(key, f"unknown language {code!r} (expected one of: {', '.join(codes)})")
        elif isinstance(text, str) and text.strip():
            texts[code] = text.strip()
    return texts
