"""Shared fixtures.

``sample_build`` builds ``sources/`` once per test session (GiNZA, slow) into
a temporary folder with a fresh cache, and returns the build folder.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"
GOLD = ROOT.parent / "shared" / "gold"


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory) -> Path:
    """Path of a build folder of the sample sources (built once per session)."""
    from kg.pipeline import build

    base = tmp_path_factory.mktemp("sample")
    out = base / "build"
    build([SOURCES], out, cache_dir=base / "cache")
    return out


@pytest.fixture(scope="session")
def sample_dataset(sample_build):
    """The sample build's graph.trig parsed into an rdflib Dataset (union default graph)."""
    from rdflib import Dataset

    ds = Dataset(default_union=True)
    ds.parse(sample_build / "graph.trig", format="trig")
    return ds
