"""The RDF stage: a linked corpus becomes an rdflib ``Dataset`` exactly as the
public schema says, and is written as deterministic TriG.

Named graphs: one per document (IRI = the document's IRI) holding its
metadata, NIF context, mentions, evidence sentences, stated facts and
events; ``kzr:graph/background`` for entities and curated knowledge;
``kzr:graph/ontology`` for the ontology.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

from rdflib import RDF, RDFS, XSD, BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, SKOS

from kg.iri import mint_iri
from kg.link import LinkedCorpus, label_lang
from kg.namespaces import ITSRDF, KZ, NIF, PREFIXES, SCHEMA, bind_prefixes

__all__ = ["BACKGROUND", "ONTOLOGY", "SYMMETRIC", "to_dataset", "date_literal", "write_trig", "doc_iri",
           "entity_iri"]

BACKGROUND = URIRef(mint_iri("graph", "background"))
ONTOLOGY = URIRef(mint_iri("graph", "ontology"))
SYMMETRIC = frozenset({"AGREE", "CONSULT", "COOPERATE"})


def doc_iri(doc_id: str) -> URIRef:
    """IRI of a document."""
    return URIRef(mint_iri("doc", doc_id))


def entity_iri(key: str) -> URIRef:
    """IRI of an entity from its key."""
    return URIRef(mint_iri("entity", key))


def date_literal(value: str) -> Literal | None:
    """A typed date literal: ``xsd:date``, ``xsd:gYearMonth`` or ``xsd:gYear``.

    >>> date_literal("2024-05-16").datatype == XSD.date
    True
    >>> str(date_literal("2024-05").datatype).rsplit("#")[-1]
    'gYearMonth'
    >>> date_literal("May") is None
    True
    """
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value or ""):
        return Literal(value, datatype=XSD.date)
    if re.fullmatch(r"\d{4}-\d{2}", value or ""):
        return Literal(value, datatype=XSD.gYearMonth)
    if re.fullmatch(r"\d{4}", value or ""):
        return Literal(value, datatype=XSD.gYear)
    return None


def _phrase(g: Graph, doc_id: str, ctx: URIRef, d: URIRef, text: str, start: int, end: int, kind: str) -> URIRef:
    p = URIRef(mint_iri(kind, doc_id, start, end))
    g.add((p, RDF.type, NIF.Phrase))
    if kind == "sentence":
        g.add((p, RDF.type, NIF.Sentence))
    g.add((p, NIF.beginIndex, Literal(start, datatype=XSD.nonNegativeInteger)))
    g.add((p, NIF.endIndex, Literal(end, datatype=XSD.nonNegativeInteger)))
    g.add((p, NIF.anchorOf, Literal(text[start:end])))
    g.add((p, NIF.referenceContext, ctx))
    g.add((p, KZ.inDocument, d))
    return p


def _entities(g: Graph, corpus: LinkedCorpus) -> None:
    for key in sorted(corpus.entities):
        e = corpus.entities[key]
        s = entity_iri(key)
        g.add((s, RDF.type, KZ[e.cls] if e.cls in KZ.__annotations__ else KZ.Entity))
        for text, lang in ((e.label_ja, "ja"), (e.label_en, "en")):
            if text:
                g.add((s, SKOS.prefLabel, Literal(text, lang=lang)))
                g.add((s, RDFS.label, Literal(text, lang=lang)))
        for text, lang in e.alt_labels:
            g.add((s, SKOS.altLabel, Literal(text, lang=lang)))
        for sa in e.same_as:
            g.add((s, OWL.sameAs, URIRef(sa)))
        for k, v in e.extra:
            if k == "date" and date_literal(v) is not None:
                g.add((s, KZ.date, date_literal(v)))


@functools.lru_cache(maxsize=1)
def _mode_iris() -> dict[tuple[str, str], str]:
    """(event type, mode name) -> IRI of the mode concept in the ontology."""
    from kg.ontology import plover_concepts

    return {(t, m): v["iri"] for t, c in plover_concepts().items() for m, v in c.get("modes", {}).items()}


def _event(g: Graph, ev, d: URIRef, sentence_iris: dict) -> None:
    parts = (ev.etype, ev.actors, ev.targets, ev.date, ev.negated,
             tuple((x.doc_id, x.start, x.end) for x in ev.evidence))
    s = URIRef(mint_iri("event", *map(str, parts)))
    g.add((s, RDF.type, KZ.Event))
    g.add((s, KZ.eventType, KZ[ev.etype]))
    for a in ev.actors:
        g.add((s, KZ.actor, entity_iri(a)))
    for t in ev.targets:
        g.add((s, KZ.target, entity_iri(t)))
    for loc in ev.locations:
        g.add((s, KZ.location, entity_iri(loc)))
    for ab in ev.about:
        g.add((s, KZ.about, entity_iri(ab)))
    if date_literal(ev.date) is not None:
        g.add((s, KZ.date, date_literal(ev.date)))
    if ev.negated:
        g.add((s, KZ.polarity, KZ.Negated))
    if ev.mode:
        mode_iri = _mode_iris().get((ev.etype, ev.mode))
        if mode_iri is not None:  # the ontology's mode concept, narrower than the type
            g.add((s, KZ.mode, URIRef(mode_iri)))
    g.add((s, KZ.confidence, Literal(Decimal(f"{min(max(ev.confidence, 0.0), 1.0):.3f}"), datatype=XSD.decimal)))
    g.add((s, KZ.reportCount, Literal(ev.report_count, datatype=XSD.integer)))
    for tr in ev.triggers:
        g.add((s, KZ.trigger, Literal(tr, lang="ja" if re.search(r"[\u3040-\u9fff]", tr) else "en")))
    for x in ev.evidence:
        g.add((s, KZ.inDocument, doc_iri(x.doc_id)))
        if (x.doc_id, x.start, x.end) in sentence_iris:
            g.add((s, PROV.wasDerivedFrom, sentence_iris[(x.doc_id, x.start, x.end)]))
    if not ev.negated:  # shortcut triples for the graph view
        prop = KZ[ev.etype.lower()]
        if ev.etype in SYMMETRIC:
            people = sorted(set(ev.actors) | set(ev.targets))
            for i, a in enumerate(people):
                for b in people[i + 1:]:
                    g.add((entity_iri(a), prop, entity_iri(b)))
        else:
            for a in ev.actors:
                for t in ev.targets:
                    g.add((entity_iri(a), prop, entity_iri(t)))


def _position(g: Graph, f, s: URIRef, o: URIRef) -> None:
    """A stated position: ``s kz:position [kz:Position; rdfs:label title; kz:of o]``."""
    pos = URIRef(mint_iri("position", f.label, f.object, f.subject))
    g.add((s, KZ.position, pos))
    g.add((pos, RDF.type, KZ.Position))
    g.add((pos, RDFS.label, Literal(f.label, lang=label_lang(f.label))))
    g.add((pos, KZ.of, o))


def to_dataset(corpus: LinkedCorpus, kb=None, ontology: Graph | None = None) -> Dataset:
    """Build the dataset of a linked corpus.

    Parameters
    ----------
    corpus : LinkedCorpus
    kb : kg.kb.KnowledgeBase, optional
        Its curated facts go into the background graph.
    ontology : rdflib.Graph, optional
        Copied into ``kzr:graph/ontology``.
    """
    ds = Dataset()
    bind_prefixes(ds)
    bg = ds.graph(BACKGROUND)
    if kb is not None:
        from kg.kb import kb_to_rdf

        kb_to_rdf(kb, bg)
    _entities(bg, corpus)
    if ontology is not None:
        og = ds.graph(ONTOLOGY)
        for t in ontology:
            og.add(t)
    # sentences used as evidence, per document
    evidence_by_doc: dict[str, set[tuple[int, int]]] = {}
    for ev in corpus.events:
        for x in ev.evidence:
            evidence_by_doc.setdefault(x.doc_id, set()).add((x.start, x.end))
    sentence_iris: dict[tuple[str, int, int], URIRef] = {}
    for a in corpus.docs:
        doc = a.doc
        d = doc_iri(doc.doc_id)
        g = ds.graph(d)
        g.add((d, RDF.type, KZ.Document))
        g.add((d, DCTERMS.identifier, Literal(doc.doc_id)))
        if doc.title:
            g.add((d, DCTERMS.title, Literal(doc.title)))
        if date_literal(doc.published) is not None:
            g.add((d, DCTERMS.date, date_literal(doc.published)))
        if doc.lang:
            g.add((d, DCTERMS.language, Literal(doc.lang)))
        if doc.url:
            g.add((d, DCTERMS.source, URIRef(doc.url) if re.match(r"https?://\S+$", doc.url) else Literal(doc.url)))
        if doc.outlet:
            g.add((d, SCHEMA.publisher, Literal(doc.outlet)))
        for r in doc.removed:
            g.add((d, KZ.removedText, Literal(f"[{r.rule}] {r.text}")))
        ctx = URIRef(mint_iri("context", doc.doc_id))
        g.add((ctx, RDF.type, NIF.Context))
        g.add((ctx, NIF.isString, Literal(doc.text)))
        g.add((ctx, NIF.beginIndex, Literal(0, datatype=XSD.nonNegativeInteger)))
        g.add((ctx, NIF.endIndex, Literal(len(doc.text), datatype=XSD.nonNegativeInteger)))
        g.add((ctx, KZ.inDocument, d))
        keys = corpus.mention_keys.get(doc.doc_id, ())
        for m, ks in zip(a.mentions, keys, strict=False):
            if not ks:
                continue
            p = _phrase(g, doc.doc_id, ctx, d, doc.text, m.start, m.end, "mention")
            for k in ks:
                g.add((p, ITSRDF.taIdentRef, entity_iri(k)))
                if m.source != "coref" or len(ks) == 1:
                    g.add((d, SCHEMA.mentions, entity_iri(k)))
        for start, end in sorted(evidence_by_doc.get(doc.doc_id, ())):
            sentence_iris[(doc.doc_id, start, end)] = _phrase(g, doc.doc_id, ctx, d, doc.text, start, end, "sentence")
    for f in corpus.facts:
        g = ds.graph(doc_iri(f.doc_id))
        s, o = entity_iri(f.subject), entity_iri(f.object)
        if f.predicate == "affiliation":
            g.add((s, KZ.affiliation, o))
            if f.label:  # the title it was stated with (「ロシアのラブロフ外相」 -> 外相 of Russia)
                _position(g, f, s, o)
        elif f.predicate == "memberOf":
            g.add((s, KZ.memberOf, o))
        elif f.predicate == "locatedIn":
            g.add((s, KZ.locatedIn, o))
        elif f.predicate == "party":
            g.add((s, KZ.party, o))
        elif f.predicate == "position" and f.label:
            _position(g, f, s, o)
    for ev in corpus.events:
        for d in sorted({x.doc_id for x in ev.evidence}):
            _event(ds.graph(doc_iri(d)), ev, doc_iri(d), sentence_iris)
    return ds


# ---------------------------------------------------------------------------
# deterministic TriG
_LOCAL = re.compile(r"^[A-Za-z0-9_](?:[A-Za-z0-9_\-.%]*[A-Za-z0-9_\-%])?$")


def _term(node, ns: list[tuple[str, str]]) -> str:
    if isinstance(node, URIRef):
        s = str(node)
        for p, iri in ns:
            if s.startswith(iri) and _LOCAL.match(s[len(iri):]) and not re.search(r"%(?![0-9A-Fa-f]{2})", s[len(iri):]):
                return f"{p}:{s[len(iri):]}"
        return "<" + s.replace("\\", "%5C").replace(">", "%3E").replace(" ", "%20") + ">"
    if isinstance(node, Literal):
        lex = (str(node).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
               .replace("\r", "\\r").replace("\t", "\\t"))
        out = f'"{lex}"'
        if node.language:
            return out + "@" + node.language
        if node.datatype and node.datatype != XSD.string:
            return out + "^^" + _term(node.datatype, ns)
        return out
    if isinstance(node, BNode):  # canonical labels (see write_trig): hex digests
        return "_:b" + re.sub(r"[^A-Za-z0-9_]", "_", str(node))
    raise ValueError(f"cannot write {node!r} as TriG")


def _sort_key(node) -> tuple:
    return (0 if isinstance(node, URIRef) else 1 if isinstance(node, BNode) else 2, str(node), str(getattr(node, "datatype", "") or ""),
            str(getattr(node, "language", "") or ""))


def _graph_block(g: Iterable, ns) -> list[str]:
    by_s: dict = {}
    for s, p, o in g:
        by_s.setdefault(s, {}).setdefault(p, set()).add(o)
    lines = []
    for s in sorted(by_s, key=_sort_key):
        preds = by_s[s]
        plist = sorted(preds, key=lambda p: (p != RDF.type, str(p)))
        parts = []
        for p in plist:
            objs = " , ".join(_term(o, ns) for o in sorted(preds[p], key=_sort_key))
            parts.append(("a" if p == RDF.type else _term(p, ns)) + " " + objs)
        lines.append("    " + _term(s, ns) + " " + " ;\n        ".join(parts) + " .")
    return lines


def write_trig(ds: Dataset, path: Path) -> int:
    """Write a dataset as TriG with a stable order (byte-identical for equal data).

    Returns the number of triples written.
    """
    ns = sorted(PREFIXES.items(), key=lambda x: -len(x[1]))
    out = [f"@prefix {p}: <{iri}> ." for p, iri in sorted(PREFIXES.items())]
    out.append("")
    n = 0
    graphs = sorted((g for g in ds.graphs() if len(g)), key=lambda g: str(g.identifier))
    for g in graphs:
        if g.identifier == ds.default_graph.identifier or str(g.identifier).startswith("urn:x-rdflib:default"):
            continue
        triples = g
        if any(isinstance(x, BNode) for t in g for x in t):
            # blank nodes (OWL lists in the ontology) get canonical, content-derived labels
            from rdflib.compare import to_canonical_graph

            triples = to_canonical_graph(g)
        out.append(_term(g.identifier, ns) + " {")
        out.extend(_graph_block(triples, ns))
        out.append("}")
        out.append("")
        n += len(g)
    Path(path).write_text("\n".join(out), encoding="utf-8")
    return n
