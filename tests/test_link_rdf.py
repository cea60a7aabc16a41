"""Linking (kg.link) and the RDF stage (kg.rdf) on hand-made analyses.

No model is needed: the analyses are built by hand from real Japanese
sentences, as the extraction stage would produce them.
"""

from __future__ import annotations

import pytest
from rdflib import RDF, XSD, Dataset, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg.link import link_corpus, minted_key
from kg.namespaces import KZ, NIF, SCHEMA
from kg.rdf import date_literal, doc_iri, entity_iri, to_dataset, write_trig
from kg.types import DocAnalysis, EventCandidate, Mention, Sentence, SourceDoc, StatedFact


def mention(text: str, ctx: str, surface: str, cls: str, sentence: int = 0, nth: int = 0, **kw) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = ctx.index(surface, start + 1)
    return Mention(start, start + len(surface), surface, cls, sentence, **kw)


T1 = "日本の岸田文雄首相は北京で中国の李強首相と会談した。両首脳は協力を確認した。"
T2 = "岸田文雄首相は李強首相と再び会談した。"


def doc1() -> DocAnalysis:
    s0 = T1.index("。") + 1
    sents = (Sentence(0, s0), Sentence(s0, len(T1)))
    ms = (
        mention(T1, T1, "日本", "Country", key="japan", source="kb"),
        mention(T1, T1, "岸田文雄", "Person"),
        mention(T1, T1, "北京", "Location"),
        mention(T1, T1, "中国", "Country", key="china", source="kb"),
        mention(T1, T1, "李強", "Person"),
        Mention(s0, s0 + 3, "両首脳", "Person", 1, source="coref", refers_to=(1, 4)),
    )
    evs = (
        EventCandidate("CONSULT", 0, actors=(1,), targets=(4,), locations=(2,), trigger="会談", date="2024-03-01",
                       confidence=0.8),
        EventCandidate("COOPERATE", 1, actors=(5,), trigger="協力", confidence=0.6),
        EventCandidate("ASSAULT", 1, actors=(1,), targets=(4,), negated=True, trigger="攻撃"),
    )
    facts = (StatedFact("affiliation", 1, 0, 0, label="首相"), StatedFact("affiliation", 4, 3, 0, label="首相"))
    doc = SourceDoc("a.txt", T1, title="", published="2024-03-02", lang="ja", url="https://example.org/a")
    return DocAnalysis(doc, sents, ms, evs, facts)


def doc2() -> DocAnalysis:
    ms = (mention(T2, T2, "岸田文雄", "Person"), mention(T2, T2, "李強", "Person"))
    evs = (EventCandidate("CONSULT", 0, actors=(0,), targets=(1,), trigger="会談", date="2024-03-01"),)
    return DocAnalysis(SourceDoc("b.txt", T2, published="2024-03-02"), (Sentence(0, len(T2)),), ms, evs)


@pytest.fixture
def corpus():
    return link_corpus([doc1(), doc2()], kb=None)


def test_minted_entities_merge_across_documents(corpus):
    kishida = minted_key("岸田文雄")
    assert kishida in corpus.entities
    assert corpus.mention_keys["a.txt"][1] == (kishida,)
    assert corpus.mention_keys["b.txt"][0] == (kishida,)
    assert corpus.entities[kishida].cls == "Person"
    assert corpus.entities[kishida].label_ja == "岸田文雄"


def test_coreference_points_at_both_antecedents(corpus):
    assert set(corpus.mention_keys["a.txt"][5]) == {minted_key("岸田文雄"), minted_key("李強")}


def test_events_become_entity_keyed_and_merged(corpus):
    consult = [e for e in corpus.events if e.etype == "CONSULT"]
    assert len(consult) == 1, "the same meeting reported in two documents is one event"
    assert consult[0].report_count == 2
    assert {x.doc_id for x in consult[0].evidence} == {"a.txt", "b.txt"}
    coop = [e for e in corpus.events if e.etype == "COOPERATE"]
    assert coop and set(coop[0].actors) == {minted_key("岸田文雄"), minted_key("李強")}


def test_stated_facts_over_entities(corpus):
    assert ("affiliation", minted_key("岸田文雄"), "japan") in {(f.predicate, f.subject, f.object) for f in corpus.facts}


@pytest.fixture
def dataset(corpus):
    return to_dataset(corpus)


def test_schema_shape(dataset):
    d = doc_iri("a.txt")
    g = dataset.graph(d)
    assert (d, RDF.type, KZ.Document) in g
    assert (d, DCTERMS.identifier, Literal("a.txt")) in g
    assert (d, DCTERMS.date, Literal("2024-03-02", datatype=XSD.date)) in g
    assert (d, DCTERMS.source, URIRef("https://example.org/a")) in g
    assert (d, SCHEMA.mentions, entity_iri("japan")) in g
    ctx = next(g.subjects(RDF.type, NIF.Context))
    assert str(g.value(ctx, NIF.isString)) == T1
    bg = dataset.graph(URIRef("https://w3id.org/kizuna/id/graph/background"))
    assert (entity_iri(minted_key("李強")), SKOS.prefLabel, Literal("李強", lang="ja")) in bg


def test_offsets_slice_the_context(dataset):
    union = Dataset(default_union=True)
    for q in dataset.quads():
        union.add(q)
    n = 0
    for p in union.subjects(RDF.type, NIF.Phrase):
        ctx = union.value(p, NIF.referenceContext)
        text = str(union.value(ctx, NIF.isString))
        b, e = int(union.value(p, NIF.beginIndex)), int(union.value(p, NIF.endIndex))
        assert text[b:e] == str(union.value(p, NIF.anchorOf))
        assert union.value(p, KZ.inDocument) is not None
        n += 1
    assert n >= 8


def test_events_have_type_actor_document_evidence(dataset):
    union = Dataset(default_union=True)
    for q in dataset.quads():
        union.add(q)
    events = set(union.subjects(RDF.type, KZ.Event))
    assert len(events) == 3
    for ev in events:
        assert union.value(ev, KZ.eventType) is not None
        assert union.value(ev, KZ.actor) is not None
        assert union.value(ev, KZ.inDocument) is not None
        sent = union.value(ev, PROV.wasDerivedFrom)
        assert sent is not None and str(union.value(sent, NIF.anchorOf)).endswith("。")
    negated = [ev for ev in events if (ev, KZ.polarity, KZ.Negated) in union]
    assert len(negated) == 1
    # shortcut triples only for affirmed events
    assert (entity_iri(minted_key("岸田文雄")), KZ.consult, entity_iri(minted_key("李強"))) in union
    assert (entity_iri(minted_key("岸田文雄")), KZ.assault, None) not in union


def test_trig_is_deterministic_and_round_trips(tmp_path, corpus):
    a, b = tmp_path / "a.trig", tmp_path / "b.trig"
    write_trig(to_dataset(corpus), a)
    write_trig(to_dataset(link_corpus([doc1(), doc2()], kb=None)), b)
    assert a.read_bytes() == b.read_bytes()
    back = Dataset()
    back.parse(a, format="trig")
    orig = to_dataset(corpus)
    for g in orig.graphs():
        if len(g):
            assert isomorphic(g, back.graph(g.identifier)), g.identifier


@pytest.mark.parametrize("name", ['<img src=x onerror=alert(1)>', 'a "quoted" name', "back\\slash", "new\nline",
                                  "</script>", "Ж 習 🙂"])
def test_hostile_entity_names_survive_trig(tmp_path, name):
    text = f"{name}は声明を出した。"
    ms = (Mention(0, len(name), name, "Person", 0),)
    a = DocAnalysis(SourceDoc("x y.txt", text), (Sentence(0, len(text)),), ms)
    ds = to_dataset(link_corpus([a], kb=None))
    path = tmp_path / "g.trig"
    write_trig(ds, path)
    back = Dataset(default_union=True)
    back.parse(path, format="trig")
    labels = {str(o) for o in back.objects(None, SKOS.prefLabel)}
    assert name in labels


@pytest.mark.parametrize("value, dtype", [("2024-05-16", XSD.date), ("2024-05", XSD.gYearMonth),
                                          ("2024", XSD.gYear)])
def test_date_literals(value, dtype):
    assert date_literal(value).datatype == dtype


@pytest.mark.parametrize("value", ["", "May 2024", "2024/05/16", "24-05"])
def test_bad_dates_are_left_out(value):
    assert date_literal(value) is None


T3 = ("日本とインドは包括的な戦略的グローバル・パートナーシップを発表した。モディ首相は戦略的グローバル・パートナーシップを評価した。"
      "両首脳は共同声明に署名した。共同声明は協力をうたう。")


def test_agreement_mentions_of_one_document_are_one_entity_with_pooled_parties():
    t = T3
    s1, s2, s3 = t.index("。") + 1, t.index("。", t.index("。") + 1) + 1, t.rindex("共同声明は")
    sents = (Sentence(0, s1), Sentence(s1, s2), Sentence(s2, s3), Sentence(s3, len(t)))
    ms = (
        mention(t, t, "日本", "Country", key="japan", source="kb"),
        mention(t, t, "インド", "Country", key="india", source="kb"),
        mention(t, t, "包括的な戦略的グローバル・パートナーシップ", "Partnership"),
        mention(t, t, "モディ", "Person", 1, key="narendra-modi", source="kb"),
        mention(t, t, "戦略的グローバル・パートナーシップ", "Partnership", 1, nth=1),
        mention(t, t, "共同声明", "JointStatement", 2),
        mention(t, t, "共同声明", "JointStatement", 3, nth=1),
    )
    facts = (StatedFact("party", 2, 0, 0), StatedFact("party", 2, 1, 0),
             StatedFact("affiliation", 3, 1, 1, "首相"), StatedFact("party", 6, 3, 3))
    a = DocAnalysis(SourceDoc("p.txt", t, published="2023-09-10"), sents, ms, (), facts)
    c = link_corpus([a], kb=None)
    keys = c.mention_keys["p.txt"]
    assert keys[2] == keys[4], "the shorter name refers to the full one"
    assert keys[5] == keys[6], "both 共同声明 are one statement"
    parties = {(f.subject, f.object) for f in c.facts if f.predicate == "party"}
    assert (keys[2][0], "japan") in parties and (keys[2][0], "india") in parties
    # a person named as a party stands for the state stated as theirs
    assert (keys[5][0], "india") in parties
    assert not any(o == "narendra-modi" for _, o in parties)


def test_blank_nodes_get_stable_labels(tmp_path):
    from rdflib import BNode, Graph
    from rdflib.namespace import OWL

    def make():
        ds = Dataset()
        g = ds.graph(URIRef("https://w3id.org/kizuna/id/graph/ontology"))
        for t in Graph().parse(data="""@prefix owl: <http://www.w3.org/2002/07/owl#> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            <https://w3id.org/kizuna/ontology#party> rdfs:range [ a owl:Class ;
              owl:unionOf ( <https://w3id.org/kizuna/ontology#Country> <https://w3id.org/kizuna/ontology#Person> ) ] .
            """, format="turtle"):
            g.add(t)
        return ds

    a, b = tmp_path / "a.trig", tmp_path / "b.trig"
    write_trig(make(), a)
    write_trig(make(), b)
    assert a.read_bytes() == b.read_bytes()
    back = Dataset(default_union=True)
    back.parse(a, format="trig")
    rng = back.value(URIRef("https://w3id.org/kizuna/ontology#party"), URIRef("http://www.w3.org/2000/01/rdf-schema#range"))
    assert isinstance(rng, BNode) and (rng, RDF.type, OWL.Class) in back


@pytest.mark.parametrize("how, expected", [("metonymy", "russia"), ("subject", "moscow")])
def test_capital_as_speaker_stands_for_its_state(how, expected):
    from kg.kb import load_kb

    t = "モスクワはフィンランドの決定に強く反発した。"
    ms = (mention(t, t, "モスクワ", "Location", key="moscow", source="kb"),
          mention(t, t, "フィンランド", "Country", key="finland", source="kb"))
    evs = (EventCandidate("REJECT", 0, actors=(0,), targets=(1,), trigger="反発", how=how),)
    a = DocAnalysis(SourceDoc("m.txt", t), (Sentence(0, len(t)),), ms, evs)
    c = link_corpus([a], kb=load_kb())
    assert c.events[0].actors == (expected,)
    assert expected in c.entities
