"""Check that notebooks are stored without outputs (or strip them with ``--fix``).

Notebooks in the repository are sources, not results: every code cell must
have no outputs and no execution count, so diffs stay readable and no build
output, path or personal data is committed. CI executes them instead
(``tests/test_notebooks.py``).

Usage::

    .venv/bin/python tools/check_notebooks.py                 # check notebooks/*.ipynb, exit 1 on a problem
    .venv/bin/python tools/check_notebooks.py a.ipynb b.ipynb # check these
    .venv/bin/python tools/check_notebooks.py --fix           # strip outputs and counts in place
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GLOB = "notebooks/*.ipynb"

__all__ = ["problems", "strip", "main"]


def problems(nb: dict, name: str = "notebook") -> list[str]:
    """What keeps a notebook (parsed JSON) from being stored clean; empty when it is clean.

    Examples
    --------
    >>> clean = {"cells": [{"cell_type": "code", "source": "1", "outputs": [], "execution_count": None}]}
    >>> problems(clean)
    []
    >>> dirty = {"cells": [{"cell_type": "markdown", "source": "# t"},
    ...                    {"cell_type": "code", "source": "1", "outputs": [{"output_type": "stream"}],
    ...                     "execution_count": 3}]}
    >>> problems(dirty, "x.ipynb")  # doctest: +NORMALIZE_WHITESPACE
    ['x.ipynb: cell 2 has 1 output(s); expected none. Run `python tools/check_notebooks.py --fix`',
     'x.ipynb: cell 2 has execution count 3; expected null. Run `python tools/check_notebooks.py --fix`']
    """
    fix = "Run `python tools/check_notebooks.py --fix`"
    out = []
    if not isinstance(nb.get("cells"), list):
        return [f"{name}: no 'cells' list; expected a Jupyter notebook (nbformat 4)"]
    for i, cell in enumerate(nb["cells"], start=1):
        if cell.get("cell_type") != "code":
            continue
        if cell.get("outputs"):
            out.append(f"{name}: cell {i} has {len(cell['outputs'])} output(s); expected none. {fix}")
        if cell.get("execution_count") is not None:
            out.append(f"{name}: cell {i} has execution count {cell['execution_count']}; expected null. {fix}")
    return out


def strip(nb: dict) -> dict:
    """The notebook with every code cell's outputs and execution count removed (in place, returned).

    Examples
    --------
    >>> nb = {"cells": [{"cell_type": "code", "source": "1", "outputs": [{"output_type": "stream"}],
    ...                  "execution_count": 1}]}
    >>> problems(strip(nb))
    []
    """
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
    return nb


def main(argv: list[str] | None = None) -> int:
    """Check (or ``--fix``) the given notebooks, default ``notebooks/*.ipynb``; 0 when all are clean."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="notebooks (default: notebooks/*.ipynb)")
    parser.add_argument("--fix", action="store_true", help="strip outputs and execution counts in place")
    args = parser.parse_args(argv)
    paths = args.paths or sorted(ROOT.glob(DEFAULT_GLOB))
    found: list[str] = []
    for path in paths:
        try:
            nb = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            found.append(f"{path}: cannot read it as JSON ({err}); expected a Jupyter notebook")
            continue
        issues = problems(nb, str(path))
        if issues and args.fix:
            path.write_text(json.dumps(strip(nb), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
            print(f"{path}: stripped")
        else:
            found.extend(issues)
    for line in found:
        print(line, file=sys.stderr)
    if not found:
        print(f"{len(paths)} notebook(s) stored without outputs")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
