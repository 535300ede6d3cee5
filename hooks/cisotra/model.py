"""The CiSoTRA model (WP8) as a connectivity scheme: organisations, what they can expect of each other, what each must change.

The activities document describes the model but not its content, so data/model.yml starts
empty and the WP8 page says so; once partners fill it in, the page shows the scheme as an
SVG drawn at build time (no script) and, below it, the same content as text: every
organisation, what it should change, and every connection with what one can expect of
the other.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from .errors import DataError, Problem
from .fields import INVALID, Field, Identifier, ListOf, Record, Reference, Text, Translated, Where
from .render import html
from .yamlfile import Located, load_file

NODE = Record(
    (
        Field(
            "id",
            Identifier("youth-services"),
            required=True,
            help="A short key for the organisation or sector, in lower case with hyphens; connections name it.",
        ),
        Field(
            "name",
            Translated(),
            required=True,
            help="Its name in each language; English is required, other languages fall back to it.",
        ),
        Field(
            "change",
            Translated(Text(multiline=True), required=False),
            help="What it should change in its work, per language.",
        ),
    ),
    what="an organisation",
)
CONNECTION = Record(
    (
        Field(
            "from",
            Reference("data", expected="an organisation's id from nodes:", file="model", key="nodes.*.id"),
            required=True,
            help="The organisation that can expect something: an id from nodes.",
        ),
        Field(
            "to",
            Reference("data", expected="an organisation's id from nodes:", file="model", key="nodes.*.id"),
            required=True,
            help="The organisation it can expect it of: an id from nodes.",
        ),
        Field(
            "expects",
            Translated(Text(multiline=True)),
            required=True,
            help="What the first can expect of the second, per language; English is required.",
        ),
    ),
    what="a connection",
)
MODEL = Record(
    (
        Field(
            "nodes",
            ListOf(NODE, label_by="id", expected="a list of organisations, each starting with '- id:'"),
            label="Organisations",
            help="One entry per organisation or sector that works with unaccompanied minors and young adults.",
        ),
        Field(
            "connections",
            ListOf(
                CONNECTION, label_by="{from} → {to}", expected="a list of connections, each with from:, to:, expects:"
            ),
            label="Connections",
            help="What one organisation can expect of another: one entry per pair and direction.",
        ),
    ),
    what="the model",
    about="nodes:  and  connections:  (lists)",
)
SIZE = 640  # SVG user units, square
NODE_RADIUS = 58


@dataclass(frozen=True)
class Node:
    id: str
    name: dict[str, str]
    change: dict[str, str]  # what the organisation should change in its work


@dataclass(frozen=True)
class Connection:
    source: str  # node ids
    target: str
    expects: dict[str, str]  # what `source` can expect of `target`


@dataclass(frozen=True)
class Model:
    nodes: list[Node]
    connections: list[Connection]

    def text(self, texts: dict[str, str], code: str, default_code: str) -> tuple[str, str]:
        """(text, its language code): a language without its own text falls back to the default."""
        return (texts[code], code) if code in texts else (texts.get(default_code, ""), default_code)


def load_model(path: Path, codes: tuple[str, ...], shown_root: Path) -> Model:
    """`codes` lists the default language first; its names and texts are required."""
    shown = path.relative_to(shown_root)
    if not path.exists():
        return Model([], [])
    data = load_file(path, shown) or Located()
    problems: list[Problem] = []
    checked = MODEL.check(data, Where(shown, getattr(data, "line", 1), "", problems, codes))
    if checked is INVALID:
        raise DataError(problems)
    # What ties entries together, on the ids as written (a malformed one is already named above).
    seen: dict[str, int] = {}
    for item in _entries(data, "nodes"):
        ident = item.get("id")
        if not isinstance(ident, str):
            continue
        if ident in seen:
            problems.append(
                Problem(shown, item.line_of("id"), f"{ident}: id", f"used twice (first on line {seen[ident]})")
            )
        else:
            seen[ident] = item.line_of("id")
    for item in _entries(data, "connections"):
        label = f"{item.get('from')} → {item.get('to')}"
        for key in ("from", "to"):
            value = item.get(key)
            if isinstance(value, str) and value not in seen:
                problems.append(
                    Problem(
                        shown,
                        item.line_of(key),
                        f"{label}: {key}",
                        f"unknown organisation {value!r} (expected an id of nodes: {', '.join(seen) or 'none yet'})",
                    )
                )
    if problems:
        raise DataError(problems)
    nodes = [Node(node["id"], node["name"], node.get("change", {})) for node in checked.get("nodes", [])]
    connections = [Connection(c["from"], c["to"], c["expects"]) for c in checked.get("connections", [])]
    return Model(nodes, connections)


def _entries(data: Located, key: str) -> list[Located]:
    listed = data.get(key)
    return [item for item in listed if isinstance(item, Located)] if isinstance(listed, list) else []


# ---------------------------------------------------------------------------


def render_scheme(model: Model, code: str, default_code: str, default_tag: str, title: str, description: str) -> Markup:
    """The scheme as an SVG: organisations on a circle, arrows for what one can expect of another."""
    count = len(model.nodes)
    centre = SIZE / 2
    radius = SIZE / 2 - NODE_RADIUS - 16
    places = {
        node.id: (
            round(centre + radius * math.sin(2 * math.pi * index / count), 1),
            round(centre - radius * math.cos(2 * math.pi * index / count), 1),
        )
        for index, node in enumerate(model.nodes)
    }
    edges = []
    for connection in model.connections:
        (x1, y1), (x2, y2) = places[connection.source], places[connection.target]
        length = math.hypot(x2 - x1, y2 - y1) or 1
        # From the edge of one circle to the edge of the other, so the arrowhead shows.
        dx, dy = (x2 - x1) / length, (y2 - y1) / length
        edges.append(
            {
                "x1": round(x1 + dx * NODE_RADIUS, 1),
                "y1": round(y1 + dy * NODE_RADIUS, 1),
                "x2": round(x2 - dx * (NODE_RADIUS + 6), 1),
                "y2": round(y2 - dy * (NODE_RADIUS + 6), 1),
                "expects": model.text(connection.expects, code, default_code)[0],
            }
        )
    nodes = []
    for node in model.nodes:
        x, y = places[node.id]
        name, name_code = model.text(node.name, code, default_code)
        lines = _wrap(name, 14)[:4]
        first = y - (len(lines) - 1) * 9
        nodes.append(
            {
                "id": node.id,
                "x": x,
                "y": y,
                "lang": None if name_code == code else default_tag,
                "lines": [(line, round(first + index * 18, 1)) for index, line in enumerate(lines)],
            }
        )
    return html(
        "model-scheme.svg",
        size=SIZE,
        radius=NODE_RADIUS,
        title=title,
        description=description,
        edges=edges,
        nodes=nodes,
    )


def render_text(model: Model, code: str, default_code: str, default_tag: str, labels: dict[str, str]) -> Markup:
    """The scheme's content as lists: the text equivalent of the figure, complete."""

    def pair(texts: dict[str, str]) -> tuple[str, str | None]:
        text, text_code = model.text(texts, code, default_code)
        return text, None if text_code == code else default_tag

    names = {node.id: pair(node.name) for node in model.nodes}
    organisations = [{"id": node.id, "name": names[node.id], "change": pair(node.change)} for node in model.nodes]
    connections = [
        {"source": names[c.source], "target": names[c.target], "expects": pair(c.expects)} for c in model.connections
    ]
    return html("model-text.html", labels=labels, organisations=organisations, connections=connections)


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]
