"""The browser's query engine, tested where it runs: its own tests (tests/js/*.test.mjs) under Node's built-in test runner, on the index this suite's fixture writes.

`./run test` runs them here; a failing JavaScript test fails this test with Node's report.
They also run alone: `node --import ./tests/js/esm.mjs --test tests/js/*.test.mjs` (the
fixture is then written with .venv's Python).
"""

from __future__ import annotations

import os
import re
import subprocess

import pytest
import searchfixture

from sitebuild import ROOT


def test_the_query_engine_passes_its_own_tests_under_node(tmp_path):
    executable = searchfixture.node()
    if executable is None:
        pytest.skip(f"the search engine's JavaScript tests: {searchfixture.node.missing}")
    searchfixture.write_all(tmp_path)
    files = sorted(str(path) for path in searchfixture.JS_TESTS.glob("*.test.mjs"))
    assert files
    result = subprocess.run(
        searchfixture.node_command(executable, "--test", "--test-reporter=spec", *files),
        cwd=ROOT,
        env={**os.environ, "CISOTRA_SEARCH_FIXTURE": str(tmp_path), "NO_COLOR": "1"},
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    passed = re.search(r"^. pass (\d+)$", result.stdout, re.M)
    assert passed and int(passed.group(1)) >= 30, result.stdout[-2000:]
