"""The Kizuna vocabulary as an rdflib ``DefinedNamespace`` and the prefix table.

The terms mirror ``ontology/kizuna.ttl`` (the public schema of
``shared/design/schema.md``); ``tests/test_namespaces.py`` checks that the
two agree, so a typo such as ``KZ.actr`` raises instead of minting a new IRI.

>>> str(KZ.Event)
'https://w3id.org/kizuna/ontology#Event'
>>> str(KZR)
'https://w3id.org/kizuna/id/'
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

__all__ = ["KZ", "KZR", "NIF", "ITSRDF", "SCHEMA", "PREFIXES", "PLOVER_TYPES", "bind_prefixes"]


class KZ(DefinedNamespace):
    """Kizuna ontology terms (classes, properties, event-type concepts)."""

    _NS = Namespace("https://w3id.org/kizuna/ontology#")
    _fail = True

    # classes
    Entity: URIRef
    Person: URIRef
    Country: URIRef
    Organization: URIRef
    InternationalOrganization: URIRef
    GovernmentBody: URIRef
    Media: URIRef
    Company: URIRef
    ArmedForces: URIRef
    Institute: URIRef
    Location: URIRef
    Agreement: URIRef
    JointStatement: URIRef
    Treaty: URIRef
    Partnership: URIRef
    Plan: URIRef
    Deal: URIRef
    NamedEvent: URIRef
    Event: URIRef
    Document: URIRef
    Position: URIRef
    EventType: URIRef
    EventMode: URIRef
    Polarity: URIRef
    # properties (schema)
    affiliation: URIRef
    position: URIRef
    of: URIRef
    memberOf: URIRef
    locatedIn: URIRef
    party: URIRef
    date: URIRef
    eventType: URIRef
    actor: URIRef
    target: URIRef
    location: URIRef
    about: URIRef
    polarity: URIRef
    confidence: URIRef
    inDocument: URIRef
    # properties (added by Kizuna)
    mode: URIRef
    reportCount: URIRef
    trigger: URIRef
    extractedBy: URIRef
    since: URIRef
    until: URIRef
    holder: URIRef
    statedIn: URIRef
    removedText: URIRef
    cooperationScore: URIRef
    quadClass: URIRef
    agreementType: URIRef
    # individuals
    Negated: URIRef
    EventTypes: URIRef
    EventModes: URIRef
    # PLOVER event types (SKOS concepts)
    AGREE: URIRef
    CONSULT: URIRef
    SUPPORT: URIRef
    CONCEDE: URIRef
    COOPERATE: URIRef
    AID: URIRef
    RETREAT: URIRef
    REQUEST: URIRef
    ACCUSE: URIRef
    REJECT: URIRef
    THREATEN: URIRef
    PROTEST: URIRef
    SANCTION: URIRef
    MOBILIZE: URIRef
    COERCE: URIRef
    ASSAULT: URIRef
    # shortcut properties, one per type (kzr:a kz:consult kzr:b)
    agree: URIRef
    consult: URIRef
    support: URIRef
    concede: URIRef
    cooperate: URIRef
    aid: URIRef
    retreat: URIRef
    request: URIRef
    accuse: URIRef
    reject: URIRef
    threaten: URIRef
    protest: URIRef
    sanction: URIRef
    mobilize: URIRef
    coerce: URIRef
    assault: URIRef


KZR = Namespace("https://w3id.org/kizuna/id/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ITSRDF = Namespace("http://www.w3.org/2005/11/its/rdf#")
SCHEMA = Namespace("https://schema.org/")

#: The 16 PLOVER event types, in the schema's order.
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)

#: prefix -> namespace IRI, bound in every graph we write and every query we run.
PREFIXES = {
    "kz": "https://w3id.org/kizuna/ontology#",
    "kzr": "https://w3id.org/kizuna/id/",
    "nif": str(NIF),
    "itsrdf": str(ITSRDF),
    "schema": str(SCHEMA),
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "wd": "http://www.wikidata.org/entity/",
}


def bind_prefixes(graph) -> None:
    """Bind :data:`PREFIXES` on an rdflib Graph or Dataset (replacing defaults)."""
    for p, ns in PREFIXES.items():
        graph.bind(p, ns, override=True, replace=True)
