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


MINI = Path(__file__).parent / "fixtures" / "mini" / "graph.trig"


def write_mini_build(folder: Path) -> Path:
    """Write the hand-made mini build (``fixtures/mini/graph.trig`` plus the ontology) into ``folder``."""
    from rdflib import Dataset

    from kg.ontology import add_ontology

    ds = Dataset()
    ds.parse(MINI, format="trig")
    add_ontology(ds)
    ds.serialize(folder / "graph.trig", format="trig")
    return folder


@pytest.fixture(scope="module")
def mini_build(tmp_path_factory) -> Path:
    """A build folder of the mini fixture, one per test module."""
    return write_mini_build(tmp_path_factory.mktemp("mini"))


def event_signatures(events, mentions) -> set[tuple]:
    """Events as comparable tuples: (type, actor texts, target texts, negated)."""
    return {
        (e.etype, tuple(sorted(mentions[i].text for i in e.actors)),
         tuple(sorted(mentions[i].text for i in e.targets)), e.negated)
        for e in events
    }


def tokens(*pieces: tuple[str, str]) -> list[tuple[int, int, str, str]]:
    """(start, end, text, tag) tokens laid end to end from (text, tag) pieces."""
    out, pos = [], 0
    for text, tag in pieces:
        out.append((pos, pos + len(text), text, tag))
        pos += len(text)
    return out
