"""SHACL validation of a build: the mini build conforms; each kind of defect is reported readably."""

from __future__ import annotations

import pytest
from rdflib import RDF, RDFS, SKOS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import PROV

from kg.namespaces import KZ, NIF, bind_prefixes
from kg.validate import validate

from .conftest import MINI

KZR = "https://w3id.org/kizuna/id/"


@pytest.fixture(scope="module")
def union() -> Graph:
    ds = Dataset()
    ds.parse(MINI, format="trig")
    g = Graph()
    bind_prefixes(g)
    for s, p, o, _ in ds.quads():
        g.add((s, p, o))
    return g


def _event(g: Graph, etype: str):
    return next(e for e in g.subjects(KZ.eventType, KZ[etype]))


def _mention(g: Graph, text: str):
    return next(m for m in g.subjects(NIF.anchorOf, Literal(text)) if (m, RDF.type, NIF.Phrase) in g)


def test_mini_build_conforms(mini_build):
    res = validate(mini_build)
    assert res.conforms, res.summary()
    assert res.violations == []
    assert res.summary() == "conforms: no violations"


# (what is broken, how, the path and the words expected in the message)
def _no_actor(g):
    e = _event(g, "CONSULT")
    g.remove((e, KZ.actor, None))
    return e


def _two_types(g):
    e = _event(g, "ASSAULT")
    g.add((e, KZ.eventType, KZ.COERCE))
    return e


def _unknown_type(g):
    e = _event(g, "COOPERATE")
    g.set((e, KZ.eventType, KZ.Event))
    return e


def _no_evidence(g):
    e = _event(g, "AGREE")
    g.remove((e, PROV.wasDerivedFrom, None))
    return e


def _bad_confidence(g):
    e = _event(g, "RETREAT")
    g.set((e, KZ.confidence, Literal("1.5", datatype=XSD.decimal)))
    return e


def _bad_date(g):
    e = _event(g, "CONSULT")
    g.set((e, KZ.date, Literal("9日")))
    return e


def _bad_date_value(g):
    e = _event(g, "CONSULT")
    g.set((e, KZ.date, Literal("2024-13-45", datatype=XSD.date)))
    return e


def _no_label(g):
    e = URIRef(KZR + "kharkiv")
    g.remove((e, SKOS.prefLabel, None))
    g.remove((e, RDFS.label, None))
    return e


def _wrong_offsets(g):
    m = _mention(g, "バイデン")
    g.set((m, NIF.endIndex, Literal(27, datatype=XSD.nonNegativeInteger)))
    return m


def _wrong_anchor(g):
    m = _mention(g, "Kharkiv")
    g.set((m, NIF.anchorOf, Literal("Kharkov")))
    return m


def _begin_after_end(g):
    m = _mention(g, "北朝鮮")
    b = int(g.value(m, NIF.beginIndex))
    g.set((m, NIF.endIndex, Literal(b - 1, datatype=XSD.nonNegativeInteger)))
    return m


CASES = [
    (_no_actor, KZ.actor, "actor"),
    (_two_types, KZ.eventType, "exactly one"),
    (_unknown_type, KZ.eventType, "PLOVER"),
    (_no_evidence, PROV.wasDerivedFrom, "evidence"),
    (_bad_confidence, KZ.confidence, "[0, 1]"),
    (_bad_date, KZ.date, "xsd:date"),
    (_bad_date_value, KZ.date, "xsd:date"),
    (_no_label, None, "label"),
    (_wrong_offsets, None, "offsets"),
    (_wrong_anchor, None, "offsets"),
    (_begin_after_end, None, "beginIndex ≤ endIndex"),
]


@pytest.mark.parametrize("breaker,path,words", CASES, ids=[c[0].__name__.strip("_") for c in CASES])
def test_defects_are_reported(union, breaker, path, words):
    g = Graph()
    for t in union:
        g.add(t)
    focus = breaker(g)
    res = validate(g)
    assert not res.conforms
    hits = [v for v in res.violations if v.focus == str(focus) and (path is None or v.path == str(path))]
    assert hits, res.summary()
    assert any(words in v.message for v in hits), [v.message for v in hits]
    line = str(hits[0])
    assert "\n" not in line and line.startswith("Violation: kzr:")


def test_cli_validate(mini_build, tmp_path, capsys):
    from kg.cli import main

    with pytest.raises(SystemExit) as e:
        main(["validate", str(mini_build)])
    assert e.value.code == 0
    assert "conforms" in capsys.readouterr().out

    bad = Dataset()
    bad.parse(mini_build / "graph.trig", format="trig")
    g = bad.graph(URIRef(KZR + "doc/mini_ja_001.txt"))
    ev = next(g.subjects(KZ.eventType, KZ.CONSULT))
    g.remove((ev, KZ.actor, None))
    (tmp_path / "b").mkdir()
    bad.serialize(tmp_path / "b" / "graph.trig", format="trig")
    with pytest.raises(SystemExit) as e:
        main(["validate", str(tmp_path / "b")])
    assert e.value.code == 1
    out = capsys.readouterr().out
    assert "kz:actor" in out and "1 result(s)" in out


def test_missing_build(tmp_path):
    from kg.errors import KGError

    with pytest.raises(KGError, match="E303"):
        validate(tmp_path)
