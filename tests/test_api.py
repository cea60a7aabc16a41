"""Tests for kg.api: the KnowledgeGraph object the notebooks use.

Fast tests open a copy of the hand-made mini build (``tests/fixtures/mini``:
a Japanese article on a Japan–US summit and an English one on NATO and
Russia); slow ones build tiny graphs from fresh sentences with GiNZA.
"""

from __future__ import annotations

import html
import json
import shutil
from pathlib import Path

import pytest

from kg.api import DEMO_ARTICLES, KnowledgeGraph, Viewer, write_demo_articles
from kg.errors import ConfigError, KGError, QueryError

MINI = Path(__file__).parent / "fixtures" / "mini" / "graph.trig"
VIZ_MINI = Path(__file__).parent / "fixtures" / "viz" / "mini.trig"


def _build_folder(tmp: Path, trig: Path, name: str = "build") -> Path:
    out = tmp / name
    out.mkdir()
    shutil.copy(trig, out / "graph.trig")
    (out / "build.json").write_text(json.dumps({"documents_read": 2, "entities": 10, "events": 7, "documents_skipped": [
        {"path": "x/broken.html", "reason": "[E104] x/broken.html: looks binary (NUL bytes); expected a text"}]}))
    return out


@pytest.fixture(scope="module")
def mini(tmp_path_factory) -> KnowledgeGraph:
    return KnowledgeGraph.open(_build_folder(tmp_path_factory.mktemp("api"), MINI))


# ---------------------------------------------------------------------- open, summary, skipped


@pytest.mark.parametrize(("name", "files"), [
    ("missing", None),                        # no folder at all
    ("empty", []),                            # a folder without graph.trig
    ("turtle", ["graph.ttl", "build.json"]),  # the wrong files
])
def test_open_rejects_what_is_not_a_build(tmp_path, name, files):
    path = tmp_path / name
    if files is not None:
        path.mkdir()
        for f in files:
            (path / f).write_text("{}")
    with pytest.raises(KGError) as err:
        KnowledgeGraph.open(path)
    assert err.value.code == "E303"
    assert "kg build" in str(err.value)


def test_summary_repr_and_skipped(mini):
    assert mini.summary["events"] == 7
    assert "2 documents" in repr(mini)
    skipped = mini.skipped()
    assert skipped.to_dict("records") == [{"path": "x/broken.html", "code": "E104",
                                           "reason": mini.summary["documents_skipped"][0]["reason"]}]


# ---------------------------------------------------------------------- SPARQL


@pytest.mark.parametrize(("sparql", "column", "expected"), [
    # prefixes are pre-bound and IRIs come back compacted
    ("SELECT DISTINCT ?c WHERE { ?d schema:mentions ?c . ?c a kz:Country } ORDER BY ?c", "c",
     ["kzr:china", "kzr:north-korea", "kzr:russia"]),
    # the default graph is the union of the document graphs
    ("SELECT ?id WHERE { ?d a kz:Document ; dcterms:identifier ?id } ORDER BY ?id", "id",
     ["mini_en_002.txt", "mini_ja_001.txt"]),
    ("SELECT ?l WHERE { kzr:russia skos:prefLabel ?l FILTER(lang(?l) = 'ja') }", "l", ["ロシア"]),
])
def test_query_returns_dataframes(mini, sparql, column, expected):
    df = mini.query(sparql)
    assert df[column].tolist() == expected


def test_query_syntax_error_is_coded(mini):
    with pytest.raises(QueryError, match=r"\[E501\].*line 1"):
        mini.query("SELEC ?x WHERE { ?x ?p ?o }")


# ---------------------------------------------------------------------- tables


def test_entities_have_labels_and_classes(mini):
    ents = mini.entities().set_index("id")
    kz = "https://w3id.org/kizuna/id/"
    assert ents.loc[kz + "russia", "label"] == "ロシア"
    assert ents.loc[kz + "kharkiv", "label"] == "Kharkiv", "falls back to English without a Japanese label"
    assert ents.loc[kz + "nato", "cls"] == "InternationalOrganization"
    assert ents.label.map(lambda x: isinstance(x, str) and bool(x)).all()


@pytest.mark.parametrize(("kwargs", "check"), [
    ({}, lambda df: len(df) == 7 and list(df.date) == sorted(df.date) and df.date.str.len().min() >= 4),
    ({"type": "ACCUSE"}, lambda df: set(df.type) == {"ACCUSE"} and len(df) == 2),
    ({"type": [" consult", "agree "]}, lambda df: set(df.type) == {"CONSULT", "AGREE"}),
    ({"since": "2024-04"}, lambda df: len(df) > 0 and (df.date >= "2024-04").all()),
    ({"until": "2024-03-31"}, lambda df: len(df) > 0 and (df.date < "2024-04").all()),
    # an event dated only "2024-03" overlaps a day in March
    ({"since": "2024-03-20", "until": "2024-03-20"}, lambda df: df.type.tolist() == ["COOPERATE"]),
    ({"type": "SANCTION"}, lambda df: df.empty),
])
def test_events_filters(mini, kwargs, check):
    assert check(mini.events(**kwargs))


def test_events_rows_name_actors_targets_and_evidence(mini):
    ev = mini.events(type="ACCUSE").set_index("doc_id")
    ja = ev.loc["mini_ja_001.txt"]
    assert sorted(ja.actors) == ["バイデン", "岸田文雄"] and ja.targets == ["北朝鮮"]
    assert "非難" in ja.sentence
    negated = mini.events()[lambda d: d.negated]
    assert negated.type.tolist() == ["RETREAT"]


def test_unknown_event_type_is_a_coded_error(mini):
    with pytest.raises(ConfigError, match=r"\[E701\] unknown event type 'MEET'"):
        mini.events(type=["CONSULT", "MEET"])


def test_actors_ranked_by_pagerank(mini):
    df = mini.actors()
    assert list(df.pagerank) == sorted(df.pagerank, reverse=True)
    assert {"betweenness", "degree"} <= set(df.columns)
    assert len(mini.actors(n=2)) == 2
    # only persons, countries and organisations taking part in events
    assert set(df.cls) <= {"Person", "Country", "Organization"}


def test_communities_cover_every_actor_once(mini):
    comms = mini.communities()
    ids = [i for group in comms.ids for i in group]
    assert sorted(ids) == sorted(mini.actors().id)


@pytest.mark.parametrize(("classes", "allowed"), [(None, None), (["Country"], {"Country"}),
                                                  (["Person"], {"Person"})])
def test_balance_filters_pairs_by_class(mini, classes, allowed):
    df = mini.balance(classes=classes)
    assert len(df) > 0
    assert df.balance.between(-1, 1).all()
    if allowed:
        cls = {n: d["cls"] for n, d in mini.graph.nodes(data=True)}
        assert all(cls[a] in allowed and cls[b] in allowed for a, b in zip(df.a_id, df.b_id, strict=True))


@pytest.mark.parametrize(("a", "b", "word"), [
    ("バイデン", "北朝鮮", "非難"),              # Japanese labels
    ("North Korea", "Joe Biden", "非難"),        # English labels, either order
    ("China", "ロシア", "joint naval exercises"),
])
def test_evidence_gives_the_sentences_of_one_edge(mini, a, b, word):
    df = mini.evidence(a, b)
    assert len(df) >= 1
    assert all(word in s for s in df.sentence)
    assert set(df.source) | set(df.target) <= {mini.graph.nodes[n]["label"] for n in mini.graph}
    assert df.equals(mini.evidence(b, a))


def test_evidence_of_unknown_actor_says_so(mini):
    with pytest.raises(ConfigError, match="E602"):
        mini.evidence("Atlantis", "ロシア")


# ---------------------------------------------------------------------- subgraphs and the viewer


def test_ego_and_path_graphs(mini):
    ego = mini.ego("ロシア")
    labels = {d["label"] for _, d in ego.nodes(data=True)}
    assert labels == {"ロシア", "中国", "ストルテンベルグ"}
    assert mini.path("岸田文雄", "北朝鮮").hop.tolist() == [0]
    assert set(mini.path_graph("岸田文雄", "北朝鮮")) == {"https://w3id.org/kizuna/id/fumio-kishida",
                                                       "https://w3id.org/kizuna/id/north-korea"}
    assert mini.path("岸田文雄", "ロシア").empty, "not connected"


@pytest.mark.parametrize(("subgraph", "present", "absent"), [
    (None, ["ロシア", "岸田文雄"], []),
    ("ego", ["ロシア", "中国"], ["岸田文雄"]),
    (["Joe Biden", "北朝鮮"], ["バイデン", "北朝鮮"], ["ロシア"]),
    ("SELECT ?c WHERE { ?c a kz:Country }", ["ロシア", "北朝鮮"], ["岸田文雄"]),
])
def test_show_renders_the_viewer_inline(mini, subgraph, present, absent):
    if subgraph == "ego":
        subgraph = mini.ego("Russia")
    v = mini.show(subgraph, height="420px")
    frame = v._repr_html_()
    assert frame.startswith('<iframe srcdoc="') and "height:420px" in frame
    assert html.unescape(frame.split('srcdoc="', 1)[1].split('" style=', 1)[0]) == v.html
    assert "<script" not in frame, "the page is escaped inside the attribute"
    for name in present:
        assert name in v.html
    for name in absent:
        assert name not in v.html


def test_viewer_save(tmp_path):
    page = "<!DOCTYPE html><html><body>\"引用\" & <b>x</b></body></html>"
    v = Viewer(page)
    assert v.save(tmp_path / "p.html").read_text(encoding="utf-8") == page


def test_compare_two_builds(mini, tmp_path):
    other = KnowledgeGraph.open(_build_folder(tmp_path, VIZ_MINI, "other"))
    c = mini.compare(other, names=("mini", "viz"))
    mine, theirs = set(mini.entities().id), set(other.entities().id)
    assert set(c["shared"].id) == mine & theirs
    assert set(c["only_this"].id) == mine - theirs
    assert set(c["only_other"].id) == theirs - mine
    types = c["event_types"]
    assert list(types.columns) == ["mini", "viz"]
    assert types["mini"].sum() == (~mini.events().negated).sum()


# ---------------------------------------------------------------------- demo folder and real builds


def test_demo_articles_cover_every_input_kind(tmp_path):
    folder = write_demo_articles(tmp_path / "demo")
    suffixes = {p.suffix for p in folder.iterdir()}
    assert suffixes == {".txt", ".html", ".jsonl"}
    assert (folder / "broken.txt").read_bytes() == DEMO_ARTICLES["broken.txt"]
    records = [json.loads(line) for line in (folder / "wire.jsonl").read_text(encoding="utf-8").splitlines()]
    assert all({"id", "text"} <= set(r) for r in records)


@pytest.mark.slow
def test_build_demo_folder_reports_the_broken_file(tmp_path):
    g = KnowledgeGraph.build(write_demo_articles(tmp_path / "demo"), tmp_path / "out", cache_dir=tmp_path / "cache")
    assert g.result is not None and g.summary["documents_read"] == 4
    skipped = g.skipped()
    assert skipped.path.map(lambda p: Path(p).name).tolist() == ["broken.txt"]
    assert skipped.code.tolist() == ["E104"]
    assert len(g.entities()) > 0


@pytest.mark.slow
@pytest.mark.parametrize(("text", "etype", "actor", "target"), [
    ("韓国の尹錫悦大統領は日本の岸田首相と電話で会談した。", "CONSULT", "尹錫悦", "岸田文雄"),
    ("Germany condemned Iran for supplying drones to Russia.", "ACCUSE", "ドイツ", "イラン"),
    ("The European Union imposed new sanctions on Iran on Monday.", "SANCTION", "欧州連合", "イラン"),
    ("北朝鮮は20日、日本海に向けて弾道ミサイルを発射した。", None, "北朝鮮", None),
])
def test_build_from_fresh_sentences(tmp_path, text, etype, actor, target):
    src = tmp_path / "news.jsonl"
    src.write_text(json.dumps({"id": "t1", "text": text, "published": "2024-07-01"}, ensure_ascii=False) + "\n",
                   encoding="utf-8")
    g = KnowledgeGraph.build(src, tmp_path / "out", use_cache=False)
    assert g.summary["documents_read"] == 1
    assert actor in set(g.entities().label)
    ev = g.events()
    assert (ev.date.str.slice(0, 4) == "2024").all(), "dates are resolved against the publication date"
    if etype:
        row = ev[ev.type == etype].iloc[0]
        assert actor in row.actors and row.sentence == text
    if target:
        evidence = g.evidence(actor, target)
        assert etype in set(evidence.event_type) and set(evidence.sentence) == {text}
        assert actor in set(g.actors().label)
