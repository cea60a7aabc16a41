"""kg/namespaces.py agrees with ontology/kizuna.ttl (it is generated from it)."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from kg.namespaces import KZ, PLOVER_TYPES, PREFIXES, bind_prefixes

ROOT = Path(__file__).resolve().parent.parent


def _generator():
    spec = importlib.util.spec_from_file_location("gen_namespace", ROOT / "tools" / "gen_namespace.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _declared() -> set[str]:
    text = (ROOT / "kg" / "namespaces.py").read_text(encoding="utf-8")
    return set(re.findall(r"^    (\w+): URIRef", text, re.M))


def test_every_ontology_term_is_in_kz_and_back():
    g = Graph().parse(ROOT / "ontology" / "kizuna.ttl")
    in_ontology = set(_generator().kz_terms(g))
    assert in_ontology == _declared()
    for name in in_ontology:
        assert KZ[name] == URIRef(str(KZ) + name)


def test_generated_module_is_current():
    assert _generator().render() == (ROOT / "kg" / "namespaces.py").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["kizuna.ttl", "shapes.ttl", "context.jsonld"])
def test_package_copy_matches_source(name):
    assert (ROOT / "kg" / "data" / "ontology" / name).read_bytes() == (ROOT / "ontology" / name).read_bytes()


# names other modules import: they must never disappear
@pytest.mark.parametrize("name", [
    "Entity", "Person", "Country", "Organization", "InternationalOrganization", "GovernmentBody", "Media",
    "Company", "ArmedForces", "Institute", "Location", "Agreement", "JointStatement", "Treaty", "Partnership",
    "Plan", "Deal", "NamedEvent", "Event", "Document", "Position", "EventType", "EventMode", "Polarity",
    "affiliation", "position", "of", "memberOf", "locatedIn", "party", "date", "eventType", "actor", "target",
    "location", "about", "polarity", "confidence", "inDocument", "mode", "reportCount", "trigger", "extractedBy",
    "since", "until", "holder", "statedIn", "removedText", "cooperationScore", "quadClass", "agreementType",
    "Negated", "EventTypes", "EventModes",
])
def test_existing_names_kept(name):
    assert name in _declared()
    assert str(KZ[name]).endswith("#" + name)


@pytest.mark.parametrize("etype", PLOVER_TYPES)
def test_types_and_shortcuts(etype):
    assert str(getattr(KZ, etype)).endswith("#" + etype)
    assert str(getattr(KZ, etype.lower())).endswith("#" + etype.lower())


@pytest.mark.parametrize("typo", ["actr", "Consult", "EventTypess", "cooperation_score"])
def test_typos_raise(typo):
    with pytest.raises(AttributeError):
        getattr(KZ, typo)


def test_prefixes_bound():
    g = Graph()
    bind_prefixes(g)
    bound = {p: str(ns) for p, ns in g.namespaces()}
    for p in ("kz", "kzr", "nif", "itsrdf", "schema", "prov", "dcterms", "skos", "wd"):
        assert bound[p] == PREFIXES[p]
    assert PREFIXES["schema"] == "https://schema.org/"
