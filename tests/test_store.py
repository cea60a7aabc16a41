"""The persisted Oxigraph store: built once, reused, rebuilt when graph.trig changes."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from rdflib import Dataset

from kg.errors import KGError, QueryError
from kg.store import STAMP, is_fresh, open_store, persist, store_path

from .conftest import MINI, write_mini_build

COUNT_EVENTS = "SELECT (COUNT(*) AS ?n) WHERE { ?e a <https://w3id.org/kizuna/ontology#Event> }"


def _events(store) -> int:
    return int(next(iter(store.query(COUNT_EVENTS, use_default_graph_as_union=True)))[0].value)


@pytest.fixture
def build(tmp_path) -> Path:
    return write_mini_build(tmp_path)


def test_persist_and_open(build):
    path = persist(build / "graph.trig", build)
    assert path == store_path(build) and path.is_dir()
    assert json.loads((path / STAMP).read_text())["size"] == (build / "graph.trig").stat().st_size
    assert is_fresh(build)
    store = open_store(build)
    assert _events(store) == 7
    assert len(list(store.named_graphs())) == 4  # 2 documents, background, ontology


def test_open_builds_missing_store(build):
    assert not is_fresh(build)
    assert _events(open_store(build)) == 7
    assert is_fresh(build)


def test_rebuilt_when_trig_changes(build):
    persist(build / "graph.trig", build)
    ds = Dataset()
    ds.parse(MINI, format="trig")  # without the ontology, fewer triples
    ds.serialize(build / "graph.trig", format="trig")
    st = (build / "graph.trig").stat()
    os.utime(build / "graph.trig", ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))
    assert not is_fresh(build)
    store = open_store(build)
    import pyoxigraph as ox

    assert not store.contains_named_graph(ox.NamedNode("https://w3id.org/kizuna/id/graph/ontology"))


def test_several_readers(build):
    persist(build / "graph.trig", build)
    a, b = open_store(build), open_store(build)
    assert _events(a) == _events(b) == 7


def test_folder_can_be_moved(build, tmp_path_factory):
    persist(build / "graph.trig", build)
    target = tmp_path_factory.mktemp("moved") / "out"
    shutil.move(str(build), str(target))
    assert is_fresh(target)
    assert _events(open_store(target)) == 7


def test_no_build(tmp_path):
    with pytest.raises(KGError, match=r"\[E303\].*kg build"):
        open_store(tmp_path)


def test_bad_trig(tmp_path):
    (tmp_path / "graph.trig").write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(QueryError, match=r"E501.*not valid TriG"):
        persist(tmp_path / "graph.trig", tmp_path)
    assert not store_path(tmp_path).exists()
