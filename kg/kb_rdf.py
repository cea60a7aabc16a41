"""The curated knowledge base as RDF: the background graph's facts.

:func:`kb_to_rdf` writes each record of a :class:`kg.kb.KnowledgeBase` (types,
labels, aliases, checked Wikidata ids, memberships, locations, offices as
``kz:Position`` nodes) into an rdflib graph. Re-exported from :mod:`kg.kb`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kg.kb import KnowledgeBase

__all__ = ["kb_to_rdf"]


def kb_to_rdf(kb: KnowledgeBase, graph: Any) -> None:
    """Write the curated background facts into an rdflib ``Graph`` (the caller passes
    the named graph ``kzr:graph/background``).

    Per record: ``rdf:type kz:<type>``, ``skos:prefLabel``/``rdfs:label`` (ja, en),
    ``skos:altLabel`` per alias, ``owl:sameAs`` Wikidata where checked;
    ``kz:memberOf`` for stable memberships (historical ones included);
    ``kz:locatedIn`` for locations; for people ``kz:affiliation`` to each
    office's body and the bodies above it, and ``kz:position`` to a
    ``kz:Position`` node (label, ``kz:of``, ``kz:holder``, ``kz:since``/``kz:until``).

    Examples
    --------
    >>> from rdflib import Graph, URIRef
    >>> g = Graph()
    >>> from kg.kb import load_kb
    >>> kb_to_rdf(load_kb(), g)
    >>> from kg.namespaces import KZ
    >>> from kg.iri import mint_iri
    >>> (URIRef(mint_iri("entity", "finland")), KZ.memberOf, URIRef(mint_iri("entity", "nato"))) in g
    True
    """
    from rdflib import Literal, URIRef
    from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

    from kg.iri import mint_iri
    from kg.namespaces import KZ

    def ent(rid: str) -> URIRef:
        return URIRef(mint_iri("entity", rid))

    add = graph.add
    for r in kb.records.values():
        s = ent(r.id)
        add((s, RDF.type, KZ[r.type]))
        for text, lang in ((r.ja, "ja"), (r.en, "en")):
            if text:
                add((s, SKOS.prefLabel, Literal(text, lang=lang)))
                add((s, RDFS.label, Literal(text, lang=lang)))
        for a in r.aliases_ja:
            add((s, SKOS.altLabel, Literal(a, lang="ja")))
        for a in r.aliases_en:
            add((s, SKOS.altLabel, Literal(a, lang="en")))
        if r.wikidata:
            add((s, OWL.sameAs, URIRef("http://www.wikidata.org/entity/" + r.wikidata)))
        if r.type == "Location" and r.country:
            add((s, KZ.locatedIn, ent(r.country)))
        for m in r.members:
            if m.stable:
                add((ent(m.member), KZ.memberOf, s))
        for o in r.offices:
            for body in kb.affiliation_chain(o.of):
                add((s, KZ.affiliation, ent(body)))
            p = URIRef(mint_iri("position", o.title_en or o.title_ja, o.of, r.id, o.since_year or ""))
            add((s, KZ.position, p))
            add((p, RDF.type, KZ.Position))
            add((p, KZ.of, ent(o.of)))
            add((p, KZ.holder, s))
            if o.title_ja:
                add((p, RDFS.label, Literal(o.title_ja, lang="ja")))
            if o.title_en:
                add((p, RDFS.label, Literal(o.title_en, lang="en")))
            if o.since_year:
                add((p, KZ.since, Literal(str(o.since_year), datatype=XSD.gYear)))
            if o.until_year:
                add((p, KZ.until, Literal(str(o.until_year), datatype=XSD.gYear)))
