"""The ontology: schema terms, labels, hierarchy, alignment, PLOVER concept scheme."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, SKOS, Dataset, Literal, URIRef

from kg.namespaces import KZ, PLOVER_TYPES, PREFIXES
from kg.ontology import (
    ONTOLOGY_GRAPH,
    add_ontology,
    class_ancestors,
    context_path,
    jsonld_context,
    ontology_graph,
    plover_concepts,
)

G = ontology_graph()
SCHEMA = PREFIXES["schema"]
PROV = PREFIXES["prov"]


def _langs(term, prop):
    return {o.language for o in G.objects(term, prop) if isinstance(o, Literal)}


SCHEMA_CLASSES = ["Entity", "Person", "Country", "Organization", "Location", "Agreement", "NamedEvent", "Event",
                  "Document", "Position"]
SCHEMA_PROPERTIES = ["affiliation", "position", "of", "memberOf", "locatedIn", "party", "date", "eventType",
                     "actor", "target", "location", "about", "polarity", "confidence", "inDocument"]


@pytest.mark.parametrize("name", SCHEMA_CLASSES + SCHEMA_PROPERTIES + ["mode", "reportCount", "trigger"])
def test_terms_have_ja_en_labels_and_comments(name):
    t = KZ[name]
    assert {"ja", "en"} <= _langs(t, RDFS.label)
    assert {"ja", "en"} <= _langs(t, RDFS.comment)


@pytest.mark.parametrize("name", SCHEMA_PROPERTIES)
def test_properties_are_typed_with_domain_or_range(name):
    t = KZ[name]
    assert set(G.objects(t, RDF.type)) & {OWL.ObjectProperty, OWL.DatatypeProperty}
    assert G.value(t, RDFS.domain) is not None or G.value(t, RDFS.range) is not None


@pytest.mark.parametrize("sub,sup", [
    ("Person", KZ.Entity), ("Country", KZ.Entity), ("Location", KZ.Entity), ("NamedEvent", KZ.Entity),
    ("InternationalOrganization", KZ.Organization), ("GovernmentBody", KZ.Organization), ("Media", KZ.Organization),
    ("Company", KZ.Organization), ("ArmedForces", KZ.Organization), ("Institute", KZ.Organization),
    ("JointStatement", KZ.Agreement), ("Treaty", KZ.Agreement), ("Partnership", KZ.Agreement),
    ("Plan", KZ.Agreement), ("Deal", KZ.Agreement),
    ("Document", URIRef(SCHEMA + "NewsArticle")), ("Person", URIRef(SCHEMA + "Person")),
    ("Country", URIRef(SCHEMA + "Country")), ("Event", URIRef(PROV + "Activity")),
    ("EventType", SKOS.Concept),
])
def test_hierarchy_and_alignment(sub, sup):
    assert (KZ[sub], RDFS.subClassOf, sup) in G


def test_no_blank_nodes():
    """The build writes the ontology into graph.trig, and kg writes no blank nodes."""
    from rdflib import BNode

    assert not [t for t in G if any(isinstance(x, BNode) for x in t)]


def test_every_entity_class_reaches_entity():
    anc = class_ancestors(G)
    for cls in ["Media", "Treaty", "InternationalOrganization", "Person", "Location"]:
        assert "Entity" in anc[cls]
    assert "Entity" not in anc["Event"] and "Entity" not in anc["Document"]


@pytest.mark.parametrize("prop,sup", [
    ("actor", URIRef(PROV + "wasAssociatedWith")), ("memberOf", URIRef(SCHEMA + "memberOf")),
    ("location", URIRef(PROV + "atLocation")), ("consult", KZ.eventRelation), ("assault", KZ.eventRelation),
])
def test_subproperties(prop, sup):
    assert (KZ[prop], RDFS.subPropertyOf, sup) in G


@pytest.mark.parametrize("etype", PLOVER_TYPES)
def test_plover_scheme(etype):
    t = KZ[etype]
    assert (t, SKOS.inScheme, KZ.EventTypes) in G
    assert (KZ.EventTypes, SKOS.hasTopConcept, t) in G
    assert {"ja", "en"} <= _langs(t, SKOS.prefLabel)
    assert {"ja", "en"} <= _langs(t, SKOS.definition)
    modes = list(G.objects(t, SKOS.narrower))
    assert modes, f"{etype} has no modes"
    for m in modes:
        assert (m, SKOS.broader, t) in G and (m, RDF.type, KZ.EventMode) in G
    assert (KZ[etype.lower()], RDF.type, OWL.ObjectProperty) in G


@pytest.mark.parametrize("etype,modes", [
    ("CONSULT", {"visit", "phone", "multilateral", "meet"}),
    ("ASSAULT", {"aerial", "missile", "ground", "naval", "cyber"}),
    ("AID", {"military", "economic", "humanitarian"}),
    ("SANCTION", {"economic", "diplomatic", "expel"}),
])
def test_named_modes(etype, modes):
    assert modes <= set(plover_concepts()[etype]["modes"])


def test_scores_follow_cooperation():
    c = plover_concepts()
    assert list(c) == list(PLOVER_TYPES)
    for name, v in c.items():
        assert -10 <= v["score"] <= 10
        assert (v["score"] > 0) == v["cooperation"], name
    assert c["ASSAULT"]["score"] == min(v["score"] for v in c.values())
    assert {v["quad"] for v in c.values()} == {"VerbalCooperation", "MaterialCooperation", "VerbalConflict",
                                               "MaterialConflict"}
    assert c["ACCUSE"]["verbal"] and not c["ACCUSE"]["cooperation"]
    assert c["AID"]["cooperation"] and not c["AID"]["verbal"]
    assert c["CONSULT"]["label_ja"] == "協議" and c["CONSULT"]["shortcut"].endswith("#consult")


def test_add_ontology_named_graph():
    ds = Dataset()
    g = add_ontology(ds)
    assert g.identifier == URIRef(ONTOLOGY_GRAPH)
    assert (KZ.Treaty, RDFS.subClassOf, KZ.Agreement) in ds.graph(URIRef(ONTOLOGY_GRAPH))


def test_context_maps_schema_terms():
    ctx = jsonld_context()
    assert context_path().name == "context.jsonld"
    for key, iri in [("actor", "kz:actor"), ("eventType", "kz:eventType"), ("prefLabel", "skos:prefLabel"),
                     ("anchorOf", "nif:anchorOf"), ("mentions", "schema:mentions"), ("published", "dcterms:date")]:
        assert ctx[key]["@id"] == iri
    for p in ("kz", "kzr", "nif", "schema"):
        assert ctx[p] == PREFIXES[p]


def test_ontology_dir_override(tmp_path, monkeypatch):
    from kg.errors import OntologyError
    from kg.ontology import ontology_dir

    (tmp_path / "kizuna.ttl").write_text("not turtle at all {", encoding="utf-8")
    monkeypatch.setenv("KIZUNA_ONTOLOGY_DIR", str(tmp_path))
    assert ontology_dir() == tmp_path
    with pytest.raises(OntologyError, match="E401"):
        ontology_graph()
