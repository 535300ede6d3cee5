"""The code follows the project's ruff configuration (pyproject.toml), checked like any other test."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def ruff(*args: str) -> subprocess.CompletedProcess:
    executable = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if executable is None:
        pytest.skip("ruff is not installed (it is in requirements-dev.txt)")
    return subprocess.run(
        [executable, *args, "hooks", "tests", "bench", "scripts"], cwd=ROOT, capture_output=True, text=True
    )


def test_ruff_finds_nothing():
    result = ruff("check")
    assert result.returncode == 0, result.stdout + result.stderr


def test_code_is_formatted():
    result = ruff("format", "--check")
    assert result.returncode == 0, result.stdout + result.stderr
