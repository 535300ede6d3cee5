"""The build's order is written in one place (hooks/pipeline.py): every step of steps/ is there once, and
nothing else in the site's code sets an order of its own."""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path

import pipeline

HOOKS = Path(__file__).resolve().parent.parent / "hooks"
LISTS = (
    "CONFIG",
    "FILES",
    "PAGES_FROM_DATA",
    "ENV",
    "PAGE_MARKDOWN",
    "PAGE_CONTENT",
    "PAGE_CONTEXT",
    "POST_PAGE",
    "POST_TEMPLATE",
    "PASS_END",
    "BUILD_END",
)


def listed():
    return [step for name in LISTS for step in getattr(pipeline, name)]


def test_each_step_runs_once_and_belongs_to_a_module_of_steps():
    steps = listed()
    assert len(steps) > 30
    assert len(steps) == len(set(steps)), "a step is listed twice"
    assert all(step.__module__.startswith("steps.") for step in steps)


def test_every_module_of_steps_takes_part_in_the_build():
    modules = {path.stem for path in (HOOKS / "steps").glob("*.py") if path.stem != "__init__"}
    used = {step.__module__.removeprefix("steps.") for step in listed()} | {"generated", "preview"}
    assert modules <= used, modules - used


def test_every_public_function_of_steps_taking_the_build_is_listed_or_used_by_a_step():
    """A step written but left out of the pipeline would silently do nothing."""
    steps = set(listed())
    sources = "\n".join(path.read_text(encoding="utf-8") for path in (HOOKS / "steps").glob("*.py"))
    for path in sorted((HOOKS / "steps").glob("*.py")):
        module = importlib.import_module(f"steps.{path.stem}")
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if function.__module__ != module.__name__ or name.startswith("_"):
                continue
            takes_the_build = list(inspect.signature(function).parameters)[:1] == ["site"]
            if takes_the_build and function not in steps:
                uses = sources.count(f"{name}(") + (HOOKS / "pipeline.py").read_text(encoding="utf-8").count(name)
                assert uses > 1, f"steps/{path.name}: {name} is neither in the pipeline nor used by a step"


def test_only_the_engines_events_have_priorities():
    """The order is the pipeline's: no module but the one hook MkDocs loads places itself among events."""
    found = []
    for path in sorted(HOOKS.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Name) and node.id == "event_priority":
                found.append(path.relative_to(HOOKS).as_posix())
                break
    assert found == ["mkdocs_events.py"]


def test_the_core_knows_nothing_of_mkdocs():
    for path in sorted((HOOKS / "cisotra").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imports = [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names] + [
            node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
        ]
        assert not [name for name in imports if name.split(".")[0] in ("mkdocs", "material", "mkdocs_static_i18n")], (
            path
        )
