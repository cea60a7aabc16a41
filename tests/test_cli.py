"""Every command has help with an example and is documented in the README."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import COMMAND_MODULES, cli

README = Path(__file__).resolve().parent.parent / "README.md"


@pytest.mark.parametrize("name", sorted(COMMAND_MODULES))
def test_command_has_help(name):
    r = CliRunner().invoke(cli, [name, "--help"])
    assert r.exit_code == 0, r.output
    assert "Usage:" in r.output


@pytest.mark.parametrize("name", sorted(COMMAND_MODULES))
def test_command_documented_in_readme(name):
    assert f"kg {name}" in README.read_text(encoding="utf-8")


def test_version():
    r = CliRunner().invoke(cli, ["--version"])
    assert r.exit_code == 0 and "kg" in r.output


def test_import_is_cheap():
    import subprocess
    import sys

    code = "import sys, kg; heavy = {'spacy', 'rdflib', 'pyvis', 'pandas', 'pyoxigraph', 'networkx'}; " \
           "print(sorted(heavy & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
