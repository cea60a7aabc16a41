"""kg.query and `kg query`: pre-bound prefixes, formats, errors with positions, timeout, parameters."""

from __future__ import annotations

import csv
import io
import json

import pytest
from rdflib import Graph

from kg.errors import QueryError
from kg.query import run_query

LABELS = "SELECT ?p ?ja WHERE { ?p a kz:Person ; skos:prefLabel ?ja FILTER (lang(?ja) = 'ja') } ORDER BY ?ja"


@pytest.mark.parametrize("sparql,expected", [
    (LABELS, ["ストルテンベルグ", "バイデン", "岸田文雄"]),
    ("SELECT ?n WHERE { ?c a kz:Country ; skos:prefLabel ?n FILTER (lang(?n) = 'en') } ORDER BY ?n",
     ["China", "Japan", "North Korea", "Russia", "United States"]),
    # the union default graph joins background facts with document events
    ("SELECT DISTINCT ?t WHERE { ?e kz:actor/kz:affiliation kzr:japan ; kz:eventType/skos:notation ?t } ORDER BY ?t",
     ["ACCUSE", "AGREE", "CONSULT"]),
    # subclasses come from the ontology graph
    ("SELECT ?x WHERE { ?x a/rdfs:subClassOf* kz:Agreement }", [
        "https://w3id.org/kizuna/id/japan-us-joint-statement-2024-03"]),
])
def test_select(mini_build, sparql, expected):
    r = run_query(mini_build, sparql)
    assert r.kind == "select"
    assert [row[r.variables[-1]] for row in r.records()] == expected


def test_graph_clause_reaches_named_graphs(mini_build):
    r = run_query(mini_build, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?e a kz:Event } } GROUP BY ?g ORDER BY ?g")
    assert r.records(compact_iris=True) == [
        {"g": "kzr:doc/mini_en_002.txt", "n": 4}, {"g": "kzr:doc/mini_ja_001.txt", "n": 3}]


def test_ask_and_construct(mini_build):
    assert run_query(mini_build, "ASK { kzr:russia kz:memberOf kzr:nato }").boolean is False
    assert run_query(mini_build, "ASK { kzr:united-states kz:memberOf kzr:nato }").format("json") == \
        '{"head": {}, "boolean": true}'
    r = run_query(mini_build, "CONSTRUCT { ?a kz:consult ?b } WHERE { ?a kz:consult ?b }")
    assert r.kind == "graph" and len(r) == 1
    g = Graph().parse(data=r.to_turtle(), format="turtle")
    assert len(g) == 1
    assert "kzr:fumio-kishida kz:consult kzr:joe-biden" in r.to_turtle()


def test_formats(mini_build):
    r = run_query(mini_build, LABELS)
    data = json.loads(r.to_json())
    assert data["head"]["vars"] == ["p", "ja"]
    assert data["results"]["bindings"][0]["ja"] == {"type": "literal", "value": "ストルテンベルグ", "xml:lang": "ja"}
    assert data["results"]["bindings"][0]["p"]["type"] == "uri"
    rows = list(csv.reader(io.StringIO(r.to_csv())))
    assert rows[0] == ["p", "ja"] and rows[3] == ["https://w3id.org/kizuna/id/fumio-kishida", "岸田文雄"]
    tsv = r.to_tsv().splitlines()
    assert tsv[0] == "?p\t?ja" and tsv[3] == '<https://w3id.org/kizuna/id/fumio-kishida>\t"岸田文雄"@ja'
    table = r.to_table().splitlines()
    assert table[0].startswith("p ") and "kzr:joe-biden" in table[3] and table[-1] == "(3 rows)"
    # wide characters are aligned: every data row has its "|" at the same display column
    from kg.query import display_width

    cols = {display_width(line.split("|")[0]) for line in table[2:5]}
    assert len(cols) == 1
    with pytest.raises(QueryError, match="turtle needs a CONSTRUCT"):
        r.format("turtle")


def test_dataframe(mini_build):
    df = run_query(mini_build, "SELECT ?e ?c WHERE { ?e kz:confidence ?c } ORDER BY ?c").to_dataframe()
    assert list(df.columns) == ["e", "c"] and len(df) == 7
    assert df["c"].min() == pytest.approx(0.6) and df["e"].iloc[0].startswith("kzr:event/")


@pytest.mark.parametrize("sparql,where", [
    ("SELECT ?x WHERE { ?x a kz:Person", "line 1"),
    ("SELECT ?x\nWHERE {\n  ?x kz:actor ?y ,, }", "line 3"),
    ("SELEC ?x WHERE { }", "line 1, column 1"),
])
def test_syntax_error_one_line(mini_build, sparql, where):
    with pytest.raises(QueryError) as e:
        run_query(mini_build, sparql)
    msg = str(e.value)
    assert msg.startswith("[E501]") and where in msg and "\n" not in msg and len(msg) < 400


def test_unknown_prefix_hint(mini_build):
    with pytest.raises(QueryError, match="unknown prefix foaf:"):
        run_query(mini_build, "SELECT ?x WHERE { ?x foaf:name ?n }")


def test_timeout(mini_build):
    heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . FILTER (STRLEN(STR(?c)) > STRLEN(STR(?f))) }"
    with pytest.raises(QueryError, match="longer than 0.01 s"):
        run_query(mini_build, heavy, timeout=0.01)
    assert run_query(mini_build, "ASK { ?s ?p ?o }", timeout=30).boolean is True


def test_params(mini_build):
    q = "SELECT ?who ?t WHERE { ?e kz:eventType kz:ACCUSE ; kz:actor ?who ; kz:target ?t } ORDER BY ?who"
    assert len(run_query(mini_build, q)) == 3
    r = run_query(mini_build, q, params={"t": "kzr:russia"})
    assert r.column("who") == ["https://w3id.org/kizuna/id/jens-stoltenberg"]
    with pytest.raises(QueryError, match="must name a variable"):
        run_query(mini_build, q, params={"nope": "kzr:russia"})


def test_cli(mini_build, tmp_path, capsys):
    from kg.cli import main

    rq = tmp_path / "q.rq"
    rq.write_text("# Question: which countries?\nSELECT ?c WHERE { ?c a kz:Country } ORDER BY ?c", encoding="utf-8")
    with pytest.raises(SystemExit) as e:
        main(["query", str(mini_build), "-f", str(rq), "--format", "json"])
    assert e.value.code == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["results"]["bindings"]) == 5
    with pytest.raises(SystemExit) as e:
        main(["query", str(mini_build), "SELECT ?x WHERE {", "--format", "csv"])
    assert e.value.code == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: [E501] query error: syntax error at line 1") and err.count("\n") == 1
    with pytest.raises(SystemExit) as e:
        main(["query", str(mini_build), "ASK { ?s ?p ?o }", "--param", "oops"])
    assert e.value.code == 2
