"""report.md, GraphML/GEXF export and `kg analyze`, on the hand-written build."""

from __future__ import annotations

import shutil
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from rdflib import Dataset

from kg.analysis import actor_graph
from kg.cli import cli
from kg.errors import KGError
from kg.report import md_cell, render_report, write_outputs

MINI = Path(__file__).parent / "fixtures" / "viz" / "mini.trig"
SUMMARY = {"documents read": 2, "documents skipped": ["c.html: empty file"], "entities": 11, "events": 12,
           "triples": 259, "seconds": 0.4}


@pytest.fixture(scope="module")
def ds():
    d = Dataset()
    d.parse(MINI, format="trig")
    return d


@pytest.fixture(scope="module")
def outputs(ds, tmp_path_factory):
    return write_outputs(ds, tmp_path_factory.mktemp("build"), SUMMARY)


@pytest.mark.parametrize("value,expected", [
    ("a|b", "a\\|b"),
    ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ("習近平\nと\tプーチン", "習近平 と プーチン"),
    ("R&D", "R&amp;D"),
])
def test_md_cell(value, expected):
    assert md_cell(value) == expected


def test_write_outputs_writes_the_four_files(outputs):
    assert sorted(outputs) == ["graph.gexf", "graph.graphml", "graph.html", "report.md"]
    assert all(p.is_file() and p.stat().st_size > 0 for p in outputs.values())


@pytest.mark.parametrize("needle", [
    "- **documents read**: 2", "  - c.html: empty file", "- **triples**: 259",
    "## Top actors by degree", "## Top actors by PageRank", "## Communities (Louvain, seed 42)",
    "**プーチン – 習近平**: 3 events (AGREE×1, CONSULT×2)",
    "> プーチン大統領は北京で習近平国家主席と会談した。",
    "[プーチン氏と習氏、北京で会談](https://example.org/news/1) (`a.txt`, 2024-05-16)",
    "**ロシア – ウクライナ**: 1 events (ASSAULT×1), score -10",
    "&lt;img src=x onerror=alert(1)&gt;",
])
def test_report_sections(outputs, needle):
    assert needle in outputs["report.md"].read_text(encoding="utf-8")


def test_report_has_no_raw_markup_from_the_news(outputs):
    text = outputs["report.md"].read_text(encoding="utf-8")
    assert "<img" not in text and "</script>" not in text


def test_conflictual_section_comes_after_cooperative(outputs):
    text = outputs["report.md"].read_text(encoding="utf-8")
    coop, conf = text.index("## Strongest cooperative ties"), text.index("## Strongest conflictual ties")
    assert coop < text.index("プーチン – 習近平") < conf < text.index("ロシア – ウクライナ")


@pytest.mark.parametrize("reader,name", [(nx.read_graphml, "graph.graphml"), (nx.read_gexf, "graph.gexf")])
def test_network_files_read_back(ds, outputs, reader, name):
    G = actor_graph(ds)
    H = reader(outputs[name])
    assert H.number_of_nodes() == G.number_of_nodes()
    assert H.number_of_edges() == nx.Graph(G.to_undirected()).number_of_edges()
    putin = "https://w3id.org/kizuna/id/vladimir-putin"
    xi = "https://w3id.org/kizuna/id/xi-jinping"
    assert H.nodes[putin]["label_en"] == "Vladimir Putin"
    assert H[putin][xi]["types"] == "AGREE:1;CONSULT:2"


def test_outputs_are_byte_identical_across_builds(ds, outputs, tmp_path):
    again = write_outputs(ds, tmp_path, SUMMARY)
    for name, path in outputs.items():
        assert path.read_bytes() == again[name].read_bytes(), name


def test_empty_graph_report():
    text = render_report(nx.MultiDiGraph(), {})
    assert "(none)" in text and "- actors: 0" in text


@pytest.mark.parametrize("args,needles", [
    ([], ["Strongest cooperative ties", "プーチン – 習近平: 3 events", "「プーチン大統領は北京で習近平国家主席と会談した。」",
          "https://example.org/news/1", "Strongest conflictual ties", "ロシア – ウクライナ"]),
    (["--actor", "習近平"], ["Ties of 習近平", "CONSULT"]),
    (["--between", "外務省", "United States"], ["Shortest paths", "外務省は中国に対し自制を求めた。"]),
    (["--since", "2024-06"], ["from 2024-06 to …", "Putin and Xi spoke again by phone on Thursday."]),
])
def test_analyze_command(tmp_path, args, needles):
    shutil.copy(MINI, tmp_path / "graph.trig")
    r = CliRunner().invoke(cli, ["analyze", str(tmp_path), *args])
    assert r.exit_code == 0, r.output
    for needle in needles:
        assert needle in r.output


def test_analyze_command_needs_a_build(tmp_path):
    r = CliRunner().invoke(cli, ["analyze", str(tmp_path)])
    assert isinstance(r.exception, KGError) and "E303" in str(r.exception)


@pytest.mark.slow
def test_analyze_sample_build_names_putin_xi(sample_build):
    r = CliRunner().invoke(cli, ["analyze", str(sample_build), "--top", "5"])
    assert r.exit_code == 0, r.output
    coop = r.output.split("Strongest cooperative ties")[1].split("Strongest conflictual ties")[0]
    assert "プーチン" in coop and "習近平" in coop and "「" in coop
