"""The browser editor's vendored files (assets/editor/) are the pinned npm packages' own, byte for byte.

The npm packages are installed by `npm ci --ignore-scripts --prefix tests/tools` (CI does it); without
them the comparison is skipped with the reason. What the site serves instead of the CDN's fonts is
checked with or without them.
"""

from __future__ import annotations

import json
import re

import pytest

from cisotra.editor import FONTS, PACKAGE_BASE, SCRIPT, SVELTIA_VERSION, VENDORED, vendored_files
from sitebuild import ROOT

TOOLS = ROOT / "tests" / "tools"
PACKAGES = TOOLS / "node_modules"


def installed() -> None:
    if not (PACKAGES / "@sveltia" / "cms" / "package.json").is_file():
        pytest.skip("the npm packages are not installed: npm ci --ignore-scripts --prefix tests/tools")


def test_the_vendored_files_are_the_pinned_packages_files_byte_for_byte():
    installed()
    files = vendored_files(PACKAGES)
    locales = [copy for copy in files.values() if copy.startswith("locales/")]
    assert "locales/de.json" in locales and "locales/tr.json" in locales
    assert len(files) == 3 + len(locales) + 2 * len(FONTS)
    different = [copy for source, copy in files.items() if source.read_bytes() != (ROOT / VENDORED / copy).read_bytes()]
    assert different == [], "run scripts/vendor_editor.py"


def test_the_installed_packages_are_the_versions_the_script_names():
    installed()
    pinned = json.loads((TOOLS / "package.json").read_text(encoding="utf-8"))["dependencies"]
    assert pinned["@sveltia/cms"] == SVELTIA_VERSION
    package = json.loads((PACKAGES / "@sveltia/cms/package.json").read_text(encoding="utf-8"))
    assert package["version"] == SVELTIA_VERSION
    for url, (name, _) in FONTS.items():
        version = re.search(r"@(\d+\.\d+\.\d+)/", url).group(1)
        assert pinned[name] == version, f"{name}: the script loads {version}"
        found = json.loads((PACKAGES / name / "package.json").read_text(encoding="utf-8"))["version"]
        assert found == version


def test_the_script_loads_exactly_the_fonts_and_package_files_the_site_serves_instead():
    script = (ROOT / VENDORED / SCRIPT).read_text(encoding="utf-8")
    assert set(re.findall(r"https://cdn\.jsdelivr\.net/[^\s\"'`)]+", script)) == set(FONTS)
    assert script.count(PACKAGE_BASE) == 1
    # The interface in a language: `${base}@${version}/locales/${locale}.json`, base the package's address.
    assert re.search(r"=`\$\{(\w+)\}@\$\{\w+\}/locales`", script)
    version = json.loads((ROOT / VENDORED / "package.json").read_text(encoding="utf-8"))["version"]
    assert version == SVELTIA_VERSION
    for _, name in FONTS.values():
        assert (ROOT / VENDORED / "fonts" / name).stat().st_size > 10_000
    # The script runs alone: the one chunk it may load (react-dom, for preview templates that are
    # React components) is not used by the site's configuration.
    assert re.findall(r"chunks/[\w-]*", script) == ["chunks/"]
