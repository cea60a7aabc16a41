"""The actor projection and the measures of kg.analysis, on a hand-written build and on tiny built graphs."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import RDF, SKOS, XSD

from kg.analysis import (
    actor_graph,
    balance,
    centrality,
    communities,
    date_overlaps,
    ego_network,
    find_actor,
    load_build,
    shortest_paths,
    strongest_ties,
    ties,
    time_slice,
)
from kg.errors import ConfigError, KGError
from kg.namespaces import KZ, KZR, NIF, PREFIXES

MINI = Path(__file__).parent / "fixtures" / "viz" / "mini.trig"
PROV = PREFIXES["prov"]


@pytest.fixture(scope="module")
def ds():
    d = Dataset()
    d.parse(MINI, format="trig")
    return d


@pytest.fixture(scope="module")
def G(ds):
    return actor_graph(ds)


def label_of(G, n):
    return G.nodes[n]["label_en"] or G.nodes[n]["label_ja"]


def edge_table(G):
    return {(label_of(G, u), label_of(G, v), k): d["weight"] for u, v, k, d in G.edges(keys=True, data=True)}


@pytest.mark.parametrize("source,target,etype,weight", [
    ("Vladimir Putin", "Xi Jinping", "CONSULT", 2),   # a Japanese and an English report of talks
    ("Vladimir Putin", "Xi Jinping", "AGREE", 1),     # two actors, no target: symmetric pair
    ("China", "Russia", "COOPERATE", 1),              # symmetric: sorted by IRI, not actor -> target
    ("China", "NATO", "ACCUSE", 1),
    ("Russia", "Ukraine", "ASSAULT", 1),
    ("外務省", "China", "REQUEST", 1),                 # a Japanese-only actor
    ("United States", "Russia", "SANCTION", 1),
    ("United States", "Ukraine", "AID", 1),
    ("Russia", "NATO", "THREATEN", 1),
    ("<img src=x onerror=alert(1)>", "Ukraine", "SUPPORT", 1),
])
def test_projection_edges(G, source, target, etype, weight):
    assert edge_table(G)[(source, target, etype)] == weight


def test_projection_leaves_out_negated_locations_and_agreements(G, ds):
    assert ("Xi Jinping", "United States", "CONSULT") not in edge_table(G)
    assert G.graph["negated_skipped"] == 1
    assert str(KZR["beijing"]) not in G
    assert str(KZR["2024-joint-statement"]) not in G
    with_agreements = actor_graph(ds, include_agreements=True)
    putin, statement = str(KZR["vladimir-putin"]), str(KZR["2024-joint-statement"])
    assert with_agreements.has_edge(statement, putin, "AGREE")  # symmetric type: sorted by IRI
    assert with_agreements.nodes[statement]["subclass"] == "JointStatement"


@pytest.mark.parametrize("iri,cls,subclass", [
    ("nato", "Organization", "InternationalOrganization"),
    ("vladimir-putin", "Person", "Person"),
    ("ukraine", "Country", "Country"),
    ("%E6%97%A5%E6%9C%AC%E5%A4%96%E5%8B%99%E7%9C%81", "Organization", "GovernmentBody"),
])
def test_classes_from_rdf_type_and_subclasses(G, iri, cls, subclass):
    node = G.nodes[str(KZR) + iri]
    assert (node["cls"], node["subclass"]) == (cls, subclass)


def test_edge_evidence_carries_sentence_document_and_url(G):
    d = G.edges[str(KZR["vladimir-putin"]), str(KZR["xi-jinping"]), "CONSULT"]
    texts = [e["text"] for e in d["evidence"]]
    assert texts == ["プーチン大統領は北京で習近平国家主席と会談した。", "Putin and Xi spoke again by phone on Thursday."]
    assert [e["url"] for e in d["evidence"]] == ["https://example.org/news/1", "https://example.com/world/2"]
    assert d["dates"] == ["2024-05-16", "2024-06-20"] and d["quad"] == "VerbalCooperation"


@pytest.mark.parametrize("since,until,n_edges", [
    (None, None, 10),
    ("2024-06", None, 6),         # June events, the year-only REQUEST, and the 2nd CONSULT
    (None, "2024-05-31", 6),      # May events and the year-only REQUEST
    ("2024-05-17", "2024-06-19", 3),  # the month-dated COOPERATE, ASSAULT and the year-dated REQUEST
    ("2025", None, 0),
])
def test_time_slice_at_build_and_afterwards(ds, G, since, until, n_edges):
    assert actor_graph(ds, since=since, until=until).number_of_edges() == n_edges
    assert time_slice(G, since=since, until=until).number_of_edges() == n_edges


def test_bad_date_is_a_config_error(ds):
    with pytest.raises(ConfigError, match="E601"):
        actor_graph(ds, since="last week")


@pytest.mark.parametrize("date,since,until,expected", [
    ("2024-05-16", "2024-05", "2024-05", True),
    ("2024-05", "2024-05-31", None, True),
    ("2023", "2024-01-01", None, False),
    ("2024-12-31", None, "2024", True),
    ("", None, None, True),
    ("", "2020", None, False),
])
def test_date_overlaps(date, since, until, expected):
    assert date_overlaps(date, since, until) is expected


def _tiny(rows):
    """A Dataset with one event per row: (type, actors, targets, date, sentence)."""
    d = Dataset()
    g = d.graph(URIRef(str(KZR) + "doc/t.txt"))
    for key in {k for r in rows for k in r[1] + r[2]}:
        g.add((KZR[key], RDF.type, KZ.Country))
        g.add((KZR[key], SKOS.prefLabel, Literal(key, lang="en")))
    for i, (etype, actors, targets, date, text) in enumerate(rows):
        e, s = URIRef(f"{KZR}event/t{i}"), URIRef(f"{KZR}doc/t.txt/s{i}")
        g.add((e, RDF.type, KZ.Event))
        g.add((e, KZ.eventType, KZ[etype]))
        for a in actors:
            g.add((e, KZ.actor, KZR[a]))
        for t in targets:
            g.add((e, KZ.target, KZR[t]))
        g.add((e, KZ.date, Literal(date, datatype=XSD.date)))
        g.add((e, URIRef(PROV + "wasDerivedFrom"), s))
        g.add((s, NIF.anchorOf, Literal(text)))
        g.add((s, KZ.inDocument, URIRef(str(KZR) + "doc/t.txt")))
    return d


def test_symmetric_types_merge_both_directions():
    d = _tiny([("CONSULT", ["japan"], ["india"], "2024-03-01", "岸田首相はモディ首相と電話で協議した。"),
               ("CONSULT", ["india"], ["japan"], "2024-04-02", "Modi held talks with Kishida in Delhi."),
               ("ACCUSE", ["india"], ["japan"], "2024-04-03", "India criticised Japan's export rules.")])
    G = actor_graph(d)
    assert edge_table(G) == {("india", "japan", "CONSULT"): 2, ("india", "japan", "ACCUSE"): 1}


def test_ontology_scores_override_the_builtin_table(ds):
    d = Dataset()
    for q in ds.quads((None, None, None, None)):
        d.add(q)
    onto = d.graph(URIRef(str(KZR) + "graph/ontology"))
    onto.add((KZ.ACCUSE, KZ.quadClass, URIRef(str(KZ) + "MaterialConflict")))
    onto.add((KZ.ACCUSE, KZ.cooperationScore, Literal("-9.5", datatype=XSD.decimal)))
    e = actor_graph(d).edges[str(KZR["china"]), str(KZR["nato"]), "ACCUSE"]
    assert (e["quad"], e["score"]) == ("MaterialConflict", -9.5)


@pytest.mark.parametrize("name,local", [
    ("習近平", "xi-jinping"), ("Xi Jinping", "xi-jinping"), ("xi  jinping", "xi-jinping"), ("習氏", "xi-jinping"),
    ("ウラジーミル・プーチン", "vladimir-putin"), ("Putin", "vladimir-putin"), ("ＮＡＴＯ", "nato"),
    ("Washington", "united-states"), ("ukraine", "ukraine"),
])
def test_find_actor_by_japanese_or_english_name(G, name, local):
    assert find_actor(G, name) == str(KZR[local])


@pytest.mark.parametrize("name", ["Kishida", "国連"])
def test_find_actor_unknown(G, name):
    with pytest.raises(ConfigError, match="E602"):
        find_actor(G, name)


def test_centrality_table(G):
    df = centrality(G)
    assert list(df["label_en"].head(1)) == ["Russia"]
    assert set(df.columns) >= {"degree", "weighted_degree", "betweenness", "pagerank"}
    assert abs(df["pagerank"].sum() - 1.0) < 1e-3
    row = df.set_index("label_en").loc["Vladimir Putin"]
    assert (row["degree"], row["weighted_degree"]) == (1, 3)
    assert df.equals(centrality(G))


def test_communities_are_deterministic_and_group_partners(G):
    df = communities(G)
    groups = [set(m) for m in df["members"]]
    assert {"プーチン", "習近平"} in groups
    assert sum(df["size"]) == G.number_of_nodes()
    assert df.equals(communities(G))


def test_ego_network_and_ties(G):
    ego = ego_network(G, "ロシア")
    assert {label_of(ego, n) for n in ego} == {"Russia", "China", "Ukraine", "NATO", "United States"}
    df = ties(ego_network(G, "Xi Jinping"))
    assert sorted(df["event_type"]) == ["AGREE", "CONSULT"]


def test_shortest_path_has_evidence_on_each_hop(G):
    df = shortest_paths(G, "外務省", "United States")
    assert list(df["source"]) == ["外務省", "中国", "ロシア"]
    assert list(df["target"]) == ["中国", "ロシア", "米国"]
    assert df["evidence"].str.len().min() > 0
    assert shortest_paths(G, "Putin", "Ukraine").empty


def test_balance_from_quad_classes(G):
    df = balance(G).set_index(["a", "b"])
    assert df.loc[("プーチン", "習近平"), "balance"] == 1.0
    assert df.loc[("ロシア", "ウクライナ"), "balance"] == -1.0
    assert df.loc[("ロシア", "ウクライナ"), "MaterialConflict"] == 1


@pytest.mark.parametrize("kind,pair,words", [
    ("cooperative", ("プーチン", "習近平"), "会談"),
    ("conflictual", ("ロシア", "ウクライナ"), "攻勢"),
])
def test_strongest_ties_quote_evidence(G, kind, pair, words):
    top = strongest_ties(G, kind=kind, n=3).iloc[0]
    assert (top["a"], top["b"]) == pair
    assert words in top["evidence"] and top["doc_id"] == "a.txt" and top["url"].startswith("https://")


def test_load_build_rejects_a_folder_without_graph(tmp_path):
    with pytest.raises(KGError, match="E303"):
        load_build(tmp_path)


@pytest.mark.slow
def test_sample_build_names_putin_xi_among_the_strongest(sample_build):
    G = actor_graph(load_build(sample_build))
    df = strongest_ties(G, kind="cooperative", n=5)
    pairs = [{a, b} for a, b in zip(df["a_id"], df["b_id"], strict=True)]
    assert {str(KZR["vladimir-putin"]), str(KZR["xi-jinping"])} in pairs
    row = df[[{a, b} == {str(KZR["vladimir-putin"]), str(KZR["xi-jinping"])}
              for a, b in zip(df["a_id"], df["b_id"], strict=True)]].iloc[0]
    assert row["evidence"] and row["doc_id"]
