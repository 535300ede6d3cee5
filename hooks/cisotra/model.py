"""The CiSoTRA model (WP8) as a connectivity scheme: organisations, what they can expect of each other, what each must change.

The activities document describes the model but not its content, so data/model.yml starts
empty and the WP8 page says so; once partners fill it in, the page shows the scheme as an
SVG drawn at build time (no script) and, below it, the same content as text: every
organisation, what it should change, and every connection with what one can expect of
the other.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from html import escape
from pathlib import Path

from .errors import DataError, Problem
from .yamlfile import Located, load_file

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
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
    if not isinstance(data, Mapping) or set(data) - {"nodes", "connections"}:
        raise DataError([Problem(shown, 1, None, "expected  nodes:  and  connections:  (lists)")])
    nodes: list[Node] = []
    seen: dict[str, int] = {}
    for item in data.get("nodes") or []:
        if not isinstance(item, Located) or not isinstance(item.get("id"), str) or not _ID.match(item["id"]):
            line = item.line if isinstance(item, Located) else None
            problems.append(
                Problem(shown, line, "nodes", "each organisation needs an  id:  of lower-case letters and hyphens")
            )
            continue
        ident = item["id"]
        if ident in seen:
            problems.append(
                Problem(shown, item.line_of("id"), f"{ident}: id", f"used twice (first on line {seen[ident]})")
            )
            continue
        seen[ident] = item.line_of("id")
        name = _texts(item, "name", codes, shown, ident, problems, required=True)
        change = _texts(item, "change", codes, shown, ident, problems, required=False)
        nodes.append(Node(ident, name, change))
    connections = []
    for item in data.get("connections") or []:
        if not isinstance(item, Located):
            problems.append(Problem(shown, None, "connections", "each connection needs  from:,  to:  and  expects:"))
            continue
        label = f"{item.get('from')} → {item.get('to')}"
        for key in ("from", "to"):
            if item.get(key) not in seen:
                problems.append(
                    Problem(
                        shown,
                        item.line_of(key),
                        f"{label}: {key}",
                        f"unknown organisation {item.get(key)!r} (expected an id of nodes: {', '.join(seen) or 'none yet'})",
                    )
                )
        expects = _texts(item, "expects", codes, shown, label, problems, required=True)
        if item.get("from") in seen and item.get("to") in seen:
            connections.append(Connection(item["from"], item["to"], expects))
    if problems:
        raise DataError(problems)
    return Model(nodes, connections)


def _texts(
    item: Located, key: str, codes, shown: Path, label: str, problems: list[Problem], required: bool
) -> dict[str, str]:
    value = item.get(key)
    if value is None and not required:
        return {}
    if not isinstance(value, Mapping) or (required and codes[0] not in value):
        problems.append(
            Problem(shown, item.line_of(key), f"{label}: {key}", f"expected a text per language, at least {codes[0]}")
        )
        return {}
    unknown = [code for code in value if code not in codes]
    if unknown:
        problems.append(Problem(shown, item.line_of(key), f"{label}: {key}", f"unknown language {', '.join(unknown)}"))
    return {code: str(text).strip() for code, text in value.items() if code in codes and str(text).strip()}


# ---------------------------------------------------------------------------


def render_scheme(model: Model, code: str, default_code: str, default_tag: str, title: str, description: str) -> str:
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
        start = (round(x1 + dx * NODE_RADIUS, 1), round(y1 + dy * NODE_RADIUS, 1))
        end = (round(x2 - dx * (NODE_RADIUS + 6), 1), round(y2 - dy * (NODE_RADIUS + 6), 1))
        expects, _ = model.text(connection.expects, code, default_code)
        edges.append(
            f'<line class="cisotra-model__edge" x1="{start[0]}" y1="{start[1]}" x2="{end[0]}" y2="{end[1]}" '
            f'marker-end="url(#cisotra-arrow)"><title>{escape(expects)}</title></line>'
        )
    shapes = []
    for node in model.nodes:
        x, y = places[node.id]
        name, name_code = model.text(node.name, code, default_code)
        lang = "" if name_code == code else f' lang="{default_tag}"'
        lines = _wrap(name, 14)[:4]
        first = y - (len(lines) - 1) * 9
        spans = "".join(
            f'<tspan x="{x}" y="{round(first + index * 18, 1)}">{escape(line)}</tspan>'
            for index, line in enumerate(lines)
        )
        shapes.append(
            f'<g class="cisotra-model__node" id="model-{node.id}"><circle cx="{x}" cy="{y}" r="{NODE_RADIUS}"/>'
            f'<text text-anchor="middle"{lang}>{spans}</text></g>'
        )
    return (
        f'<svg class="cisotra-model" viewBox="0 0 {SIZE} {SIZE}" role="img" aria-labelledby="model-title model-description" '
        'xmlns="http://www.w3.org/2000/svg">'
        f'<title id="model-title">{escape(title)}</title><desc id="model-description">{escape(description)}</desc>'
        '<defs><marker id="cisotra-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>'
        f'<g class="cisotra-model__edges">{"".join(edges)}</g><g class="cisotra-model__nodes">{"".join(shapes)}</g>'
        "</svg>"
    )


def render_text(model: Model, code: str, default_code: str, default_tag: str, labels: dict[str, str]) -> str:
    """The scheme's content as lists: the text equivalent of the figure, complete."""
    names = {node.id: model.text(node.name, code, default_code) for node in model.nodes}

    def named(ident: str) -> str:
        text, text_code = names[ident]
        return escape(text) if text_code == code else f'<span lang="{default_tag}">{escape(text)}</span>'

    organisations = []
    for node in model.nodes:
        change, change_code = model.text(node.change, code, default_code)
        lang = "" if change_code == code else f' lang="{default_tag}"'
        should = f"<p>{escape(labels['change'])}: <span{lang}>{escape(change)}</span></p>" if change else ""
        organisations.append(f'<li id="model-text-{node.id}"><strong>{named(node.id)}</strong>{should}</li>')
    connections = []
    for connection in model.connections:
        expects, expects_code = model.text(connection.expects, code, default_code)
        lang = "" if expects_code == code else f' lang="{default_tag}"'
        connections.append(
            f"<li>{named(connection.source)} → {named(connection.target)}: <span{lang}>{escape(expects)}</span></li>"
        )
    return (
        f'<h3 id="model-organisations">{escape(labels["organisations"])}</h3><ul class="cisotra-model__list">{"".join(organisations)}</ul>'
        f'<h3 id="model-connections">{escape(labels["connections"])}</h3><ul class="cisotra-model__list">{"".join(connections)}</ul>'
    )


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]
