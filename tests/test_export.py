"""`kg export`: N-Quads keeps the graphs; Turtle and JSON-LD carry the same union graph."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic

from kg.export import export


@pytest.fixture(scope="module")
def exported(mini_build, tmp_path_factory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("export")
    return {fmt: export(mini_build, fmt, d / f"graph.{fmt}") for fmt in ("nquads", "turtle", "jsonld")}


def test_nquads_keeps_named_graphs(exported):
    ds = Dataset()
    ds.parse(exported["nquads"], format="nquads")
    names = {str(g.identifier) for g in ds.graphs() if len(g)}
    assert {"https://w3id.org/kizuna/id/doc/mini_ja_001.txt", "https://w3id.org/kizuna/id/doc/mini_en_002.txt",
            "https://w3id.org/kizuna/id/graph/background", "https://w3id.org/kizuna/id/graph/ontology"} <= names


def _union_of_nquads(path: Path) -> Graph:
    ds = Dataset()
    ds.parse(path, format="nquads")
    g = Graph()
    for s, p, o, _ in ds.quads():
        g.add((s, p, o))
    return g


@pytest.mark.parametrize("fmt,rdflib_format", [("turtle", "turtle"), ("jsonld", "json-ld")])
def test_union_graph_round_trips(exported, fmt, rdflib_format):
    union = _union_of_nquads(exported["nquads"])
    g = Graph().parse(exported[fmt], format=rdflib_format)
    assert len(g) == len(union) > 1000
    assert isomorphic(g, union)


def test_turtle_uses_prefixes(exported):
    text = exported["turtle"].read_text(encoding="utf-8")
    assert "@prefix kz: <https://w3id.org/kizuna/ontology#>" in text
    assert "kzr:fumio-kishida" in text


def test_jsonld_short_keys(exported):
    doc = json.loads(exported["jsonld"].read_text(encoding="utf-8"))
    assert doc["@context"]["actor"]["@id"] == "kz:actor"
    nodes = {n["@id"]: n for n in doc["@graph"]}
    event = next(n for n in doc["@graph"] if n.get("@type") == "kz:Event" and n.get("eventType") == "kz:COOPERATE")
    assert sorted(event["actor"]) == ["kzr:china", "kzr:russia"]
    assert event["date"] == {"@value": "2024-03", "@type": "xsd:gYearMonth"}
    assert event["mode"] == "kz:COOPERATE_military" and event["evidence"].startswith("kzr:doc/mini_en_002.txt/")
    russia = nodes["kzr:russia"]
    assert {"@value": "ロシア", "@language": "ja"} in russia["prefLabel"]
    assert russia["sameAs"] == "wd:Q159"


def test_stdout_and_cli(mini_build, tmp_path, capsysbinary):
    export(mini_build, "nquads")
    out = capsysbinary.readouterr().out.decode("utf-8")
    assert "<https://w3id.org/kizuna/id/graph/background> ." in out
    from kg.cli import main

    with pytest.raises(SystemExit) as e:
        main(["export", str(mini_build), "--format", "jsonld", "-o", str(tmp_path / "g.jsonld")])
    assert e.value.code == 0
    g = Graph().parse(tmp_path / "g.jsonld", format="json-ld")
    assert (URIRef("https://w3id.org/kizuna/id/united-states"), URIRef("https://w3id.org/kizuna/ontology#memberOf"),
            URIRef("https://w3id.org/kizuna/id/nato")) in g


def test_unknown_format(mini_build):
    from kg.errors import ConfigError

    with pytest.raises(ConfigError, match="E504"):
        export(mini_build, "rdfxml")
