"""The notebooks: stored without outputs (fast), and executed top to bottom (slow).

The slow tests run each notebook with nbclient in a kernel of *this*
interpreter (a kernel spec written to a temporary folder points at
``sys.executable``, so ``make test`` uses the venv). Builds go to a
temporary ``KG_NOTEBOOK_OUT`` and reuse the parse cache of the session's
sample build, so nothing is written into the repository.

``KG_UPDATE_DOC_IMAGES=1 .venv/bin/pytest tests/test_notebooks.py -m slow``
also saves the charts to ``docs/img/`` (the README shows ``timeline.png``).
"""

from __future__ import annotations

import copy
import importlib.util
import json
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
DOC_IMAGES = ROOT / "docs" / "img"


def _checker():
    spec = importlib.util.spec_from_file_location("check_notebooks", ROOT / "tools" / "check_notebooks.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _code(source: str, outputs: list | None = None, count: int | None = None) -> dict:
    return {"cell_type": "code", "metadata": {}, "source": source, "outputs": outputs or [], "execution_count": count}


# ---------------------------------------------------------------------- fast: stored clean


def test_both_notebooks_exist():
    assert {p.name for p in NOTEBOOKS} >= {"explore.ipynb", "your-articles.ipynb"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_stored_without_outputs(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert _checker().problems(nb, path.name) == []
    assert nb["nbformat"] == 4
    assert any(c["cell_type"] == "markdown" for c in nb["cells"]), "notebooks explain each step in Markdown"


@pytest.mark.parametrize(
    ("cells", "n_problems", "fragment"),
    [
        ([_code("import kg")], 0, None),
        ([{"cell_type": "markdown", "metadata": {}, "source": "# 見出し"}, _code("1 + 1")], 0, None),
        ([_code("print('x')", outputs=[{"output_type": "stream", "name": "stdout", "text": "x"}])], 1, "output"),
        ([_code("1", count=7)], 1, "execution count 7"),
        ([_code("g", outputs=[{"output_type": "execute_result", "data": {}, "metadata": {}, "execution_count": 2}],
                count=2), _code("2")], 2, "cell 1"),
    ],
)
def test_checker_finds_outputs_and_counts(cells, n_problems, fragment):
    chk = _checker()
    nb = {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": cells}
    found = chk.problems(nb, "t.ipynb")
    assert len(found) == n_problems
    if fragment:
        assert all(fragment in p and "--fix" in p for p in found)
    assert chk.problems(chk.strip(copy.deepcopy(nb))) == []


def test_checker_command_line(tmp_path, capsys):
    chk = _checker()
    dirty = tmp_path / "dirty.ipynb"
    dirty.write_text(json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": {},
                                 "cells": [_code("1", outputs=[{"output_type": "stream"}], count=1)]}))
    assert chk.main([str(dirty)]) == 1
    assert "dirty.ipynb: cell 1" in capsys.readouterr().err
    assert chk.main(["--fix", str(dirty)]) == 0
    assert chk.main([str(dirty)]) == 0
    assert chk.main([str(p) for p in NOTEBOOKS]) == 0


# ---------------------------------------------------------------------- slow: executed in CI


@pytest.fixture(scope="module")
def notebook_env(sample_build, tmp_path_factory):
    """Environment for the kernel: temp build folder shared by both notebooks, the session's cache."""
    work = tmp_path_factory.mktemp("notebooks")
    figures = DOC_IMAGES if os.environ.get("KG_UPDATE_DOC_IMAGES") else work / "figures"
    return {"KG_NOTEBOOK_OUT": str(work), "KG_CACHE_DIR": str(sample_build.parent / "cache"),
            "KG_SOURCES": str(ROOT / "sources"), "KG_FIGURES": str(figures)}


def run_notebook(path: Path, env: dict[str, str], tmp_path: Path):
    """Execute a notebook top to bottom in a kernel of this interpreter; return the executed notebook."""
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import KernelManager

    spec_dir = tmp_path / "kernels" / "kizuna-test"
    spec_dir.mkdir(parents=True)
    (spec_dir / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Kizuna (test)", "language": "python", "env": env}))
    km = KernelManager(kernel_name="kizuna-test", kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(spec_dir.parent)]))
    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(nb, km=km, timeout=900, allow_errors=False,
                                     resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    return nb


def _outputs(nb, mime: str) -> list[str]:
    return [o["data"][mime] for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
            if mime in o.get("data", {})]


@pytest.mark.slow
def test_explore_notebook_runs(notebook_env, tmp_path):
    nb = run_notebook(ROOT / "notebooks" / "explore.ipynb", notebook_env, tmp_path)
    frames = [h for h in _outputs(nb, "text/html") if "<table" in h]
    assert len(frames) >= 6, "SPARQL, events, actors, communities, path, balance and evidence come as tables"
    viewers = [h for h in _outputs(nb, "text/html") if h.startswith("<iframe srcdoc=")]
    assert len(viewers) == 2, "the ego network and the path are drawn inline"
    assert all("vis-network" in v or "vis.Network" in v or "new vis" in v for v in viewers)
    assert len(_outputs(nb, "image/png")) == 2, "the timeline and the balance chart"
    figures = Path(notebook_env["KG_FIGURES"])
    for name in ("timeline.png", "balance.png"):
        assert (figures / name).stat().st_size > 5000
    assert (Path(notebook_env["KG_NOTEBOOK_OUT"]) / "sample" / "graph.trig").is_file()


@pytest.mark.slow
def test_your_articles_notebook_runs(notebook_env, tmp_path):
    nb = run_notebook(ROOT / "notebooks" / "your-articles.ipynb", notebook_env, tmp_path)
    html = "\n".join(_outputs(nb, "text/html"))
    assert "broken.txt" in html and "E104" in html, "the broken demo file is listed with its reason"
    assert any(h.startswith("<iframe srcdoc=") for h in _outputs(nb, "text/html"))
    assert len(_outputs(nb, "image/png")) == 1, "the side-by-side event type chart"
    built = Path(notebook_env["KG_NOTEBOOK_OUT"]) / "yours"
    summary = json.loads((built / "build.json").read_text(encoding="utf-8"))
    assert summary["documents_read"] == 4, "one text, one HTML and two JSON Lines records"
    assert [s["path"].rsplit("/", 1)[-1] for s in summary["documents_skipped"]] == ["broken.txt"]
