"""The offline viewer page: escaping, no network references, determinism, big graphs, SPARQL subgraphs."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from rdflib import Dataset

from kg.analysis import actor_graph
from kg.cli import cli
from kg.errors import QueryError
from kg.viz import escape_json, render_html, subgraph_by_query, viewer_data

MINI = Path(__file__).parent / "fixtures" / "viz" / "mini.trig"
PROBES = ["<img src=x onerror=alert(1)>", "</script><script>alert(2)</script>", "Sanctions </script><b>widen</b>"]


@pytest.fixture(scope="module")
def ds():
    d = Dataset()
    d.parse(MINI, format="trig")
    return d


@pytest.fixture(scope="module")
def page(ds):
    return render_html(actor_graph(ds), title="Kizuna </title><script>alert(3)</script>")


@pytest.mark.parametrize("value", [
    "<img src=x onerror=alert(1)>", "</script><script>alert(2)</script>", "a & b <!-- c -->",
    "北京\u2028で会談", "習近平 > プーチン",
])
def test_escape_json_leaves_no_markup(value):
    text = escape_json({"k": value, "list": [value]})
    assert not re.search(r"[<>&\u2028]", text)
    assert json.loads(text) == {"k": value, "list": [value]}


def data_of(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    return json.loads(m.group(1))


@pytest.mark.parametrize("pattern", [
    r"""<script[^>]+src\s*=""", r"""<link[^>]+href\s*=\s*["']?https?:""", r"""url\(\s*["']?https?:""",
    r"""@import""", r"""<img[^>]+src\s*=\s*["']?https?:""", r"""@font-face""",
])
def test_page_references_nothing_online(page, pattern):
    assert not re.search(pattern, page, re.I)


def test_probes_only_appear_escaped(page):
    for probe in PROBES:
        assert probe not in page
    assert page.count("</script") == 3  # the template's own three script elements, nothing from the data
    assert "<title>Kizuna &lt;/title&gt;&lt;script&gt;alert(3)&lt;/script&gt;</title>" in page
    labels = {n["label_en"] for n in data_of(page)["nodes"]} | {n["label_ja"] for n in data_of(page)["nodes"]}
    assert {PROBES[0], PROBES[1]} <= labels


def test_page_data_matches_the_projection(ds, page):
    G = actor_graph(ds)
    data = data_of(page)
    assert len(data["nodes"]) == G.number_of_nodes() == data["meta"]["drawn_nodes"]
    assert len(data["edges"]) == G.number_of_edges() == data["meta"]["drawn_edges"]
    assert data["meta"]["precomputed"] is False
    putin = next(n for n in data["nodes"] if n["label_en"] == "Vladimir Putin")
    pair = [e for e in data["edges"] if {e["from"], e["to"]} == {putin["id"], putin["id"].replace("vladimir-putin", "xi-jinping")}]
    assert sorted(e["type"] for e in pair) == ["AGREE", "CONSULT"]
    assert len({json.dumps(e["curve"]) for e in pair}) == 2  # parallel edges are bent apart
    assert "vis.Network" in page and "window.network" in page


def test_page_is_deterministic(ds):
    assert render_html(actor_graph(ds)) == render_html(actor_graph(ds))


def _big(n: int) -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    for i in range(n):
        G.add_node(f"kzr:a{i:04d}", label=f"国{i}", label_ja=f"国{i}", label_en=f"Country {i}", alt=[],
                   cls="Country", subclass="Country")
    for i in range(1, n):
        G.add_edge(f"kzr:a{i:04d}", f"kzr:a{(i * 7) % i:04d}", key="CONSULT", weight=1 + i % 3,
                   quad="VerbalCooperation", dates=["2024-01-01"], evidence=[], symmetric=True)
    return G


def test_big_graph_keeps_top_actors_with_precomputed_layout():
    data = viewer_data(_big(60), max_nodes=20)
    assert data["meta"]["precomputed"] and len(data["nodes"]) == 20
    assert all("x" in n and "y" in n for n in data["nodes"])
    assert "20 / 60" in data["meta"]["note"] and "top 20 of 60" in data["meta"]["note"]
    kept = {n["id"] for n in data["nodes"]}
    assert all(e["from"] in kept and e["to"] in kept for e in data["edges"])
    assert "kzr:a0000" in kept  # the hub of the star-like graph has the highest PageRank


@pytest.mark.parametrize("query,expected", [
    ("SELECT ?a WHERE { ?e kz:eventType kz:SANCTION ; kz:actor ?a }", {"united-states"}),
    ("SELECT ?a ?t WHERE { ?e kz:eventType kz:SANCTION ; kz:actor ?a ; kz:target ?t }", {"united-states", "russia"}),
    ("CONSTRUCT { ?a kz:consult ?b } WHERE { ?e kz:eventType kz:CONSULT ; kz:actor ?a, ?b FILTER(?a != ?b) }",
     {"vladimir-putin", "xi-jinping"}),
])
def test_subgraph_by_query(ds, query, expected):
    S = subgraph_by_query(ds, actor_graph(ds), query)
    assert {n.rsplit("/", 1)[-1] for n in S} == expected


@pytest.mark.parametrize("query", ["SELECT WHERE {", "ASK { ?s ?p ?o }"])
def test_bad_query_is_a_query_error(ds, query):
    with pytest.raises(QueryError, match="E501"):
        subgraph_by_query(ds, actor_graph(ds), query)


@pytest.mark.parametrize("args,n_nodes", [
    (["--actor", "ロシア"], 5),
    (["--actor", "Xi Jinping", "--depth", "2"], 2),
    (["--until", "2024-05-31"], 7),
    ([], 9),
])
def test_viz_command(tmp_path, args, n_nodes):
    shutil.copy(MINI, tmp_path / "graph.trig")
    out = tmp_path / "v.html"
    r = CliRunner().invoke(cli, ["viz", str(tmp_path), "-o", str(out), *args])
    assert r.exit_code == 0, r.output
    assert len(data_of(out.read_text(encoding="utf-8"))["nodes"]) == n_nodes


def test_viz_command_with_query_file(tmp_path):
    shutil.copy(MINI, tmp_path / "graph.trig")
    (tmp_path / "q.rq").write_text("SELECT ?a WHERE { ?e kz:eventType kz:AID ; kz:actor|kz:target ?a }", encoding="utf-8")
    r = CliRunner().invoke(cli, ["viz", str(tmp_path), "--query", str(tmp_path / "q.rq")])
    assert r.exit_code == 0, r.output
    data = data_of((tmp_path / "view.html").read_text(encoding="utf-8"))
    assert sorted(n["label_en"] for n in data["nodes"]) == ["Ukraine", "United States"]
