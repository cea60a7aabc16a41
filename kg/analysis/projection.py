"""The actor projection: from the RDF ``Dataset`` of a build to a networkx graph.

Everything is read from the RDF (see ``shared/design/schema.md``): each
``kz:Event`` with its ``kz:eventType``, ``kz:actor``, ``kz:target``,
``kz:about``, ``kz:date``, ``kz:confidence``, ``kz:polarity``, its evidence
(``prov:wasDerivedFrom`` → ``nif:Phrase`` with ``nif:anchorOf`` and
``kz:inDocument``) and the documents' ``dcterms:identifier``, ``dcterms:title``,
``dcterms:source`` and ``dcterms:date``. Entity classes come from ``rdf:type``
closed over ``rdfs:subClassOf`` (the ontology graph when present, else
:data:`CLASS_PARENTS`). Quad classes and cooperation scores come from
``kz:quadClass`` / ``kz:cooperationScore`` on the PLOVER concepts in the
ontology graph; :data:`EVENT_TYPE_TABLE` is the fallback when they are absent.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import networkx as nx

from kg.errors import ConfigError, KGError
from kg.namespaces import KZ, NIF, PLOVER_TYPES

__all__ = [
    "ACTOR_CLASSES",
    "CLASS_PARENTS",
    "EVENT_TYPE_TABLE",
    "QUAD_CLASSES",
    "SYMMETRIC_TYPES",
    "actor_graph",
    "date_overlaps",
    "load_build",
    "local_name",
    "quad_name",
]

log = logging.getLogger(__name__)
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_DCT = "http://purl.org/dc/terms/"
_PROV = "http://www.w3.org/ns/prov#"

#: Top-level classes of the projection (agreements are added on request).
ACTOR_CLASSES = ("Person", "Country", "Organization")
#: Top-level entity classes, in the order used to pick one when several apply.
TOP_CLASSES = ("Person", "Country", "Organization", "Agreement", "NamedEvent", "Location")
#: Fallback subclass -> parent table, used where the ontology graph is absent.
CLASS_PARENTS = {
    "InternationalOrganization": "Organization",
    "GovernmentBody": "Organization",
    "Media": "Organization",
    "Company": "Organization",
    "ArmedForces": "Organization",
    "Institute": "Organization",
    "JointStatement": "Agreement",
    "Treaty": "Agreement",
    "Partnership": "Agreement",
    "Plan": "Agreement",
    "Deal": "Agreement",
}
#: Event types whose participants may all be actors: their edges are undirected.
SYMMETRIC_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE"})
QUAD_CLASSES = ("VerbalCooperation", "MaterialCooperation", "VerbalConflict", "MaterialConflict")
#: Fallback (quad class, Goldstein-like score) per PLOVER type; the ontology's values win.
EVENT_TYPE_TABLE = {
    "AGREE": ("VerbalCooperation", 7.0),
    "CONSULT": ("VerbalCooperation", 4.0),
    "SUPPORT": ("VerbalCooperation", 3.5),
    "CONCEDE": ("MaterialCooperation", 5.0),
    "COOPERATE": ("MaterialCooperation", 6.0),
    "AID": ("MaterialCooperation", 7.0),
    "RETREAT": ("MaterialCooperation", 4.0),
    "REQUEST": ("VerbalConflict", -2.0),
    "ACCUSE": ("VerbalConflict", -4.0),
    "REJECT": ("VerbalConflict", -4.5),
    "THREATEN": ("VerbalConflict", -6.0),
    "PROTEST": ("MaterialConflict", -6.5),
    "SANCTION": ("MaterialConflict", -7.0),
    "MOBILIZE": ("MaterialConflict", -5.0),
    "COERCE": ("MaterialConflict", -7.0),
    "ASSAULT": ("MaterialConflict", -10.0),
}

_WANTED = {
    _RDF + "type": "type",
    _RDFS + "subClassOf": "sub",
    _SKOS + "prefLabel": "pref",
    _RDFS + "label": "label",
    _SKOS + "altLabel": "alt",
    str(KZ.eventType): "etype",
    str(KZ.actor): "actor",
    str(KZ.target): "target",
    str(KZ.about): "about",
    str(KZ.date): "date",
    str(KZ.confidence): "conf",
    str(KZ.polarity): "polarity",
    str(KZ.inDocument): "doc",
    str(KZ.reportCount): "reports",
    str(KZ.quadClass): "quad",
    str(KZ.cooperationScore): "score",
    _PROV + "wasDerivedFrom": "evidence",
    str(NIF.anchorOf): "anchor",
    _DCT + "identifier": "ident",
    _DCT + "title": "title",
    _DCT + "source": "source",
    _DCT + "date": "pubdate",
}


def local_name(iri: str) -> str:
    """The part of an IRI after its last ``#`` or ``/``.

    >>> local_name("https://w3id.org/kizuna/ontology#CONSULT")
    'CONSULT'
    >>> local_name("https://w3id.org/kizuna/id/xi-jinping")
    'xi-jinping'
    """
    s = str(iri)
    return s.rsplit("#", 1)[-1] if "#" in s else s.rstrip("/").rsplit("/", 1)[-1]


def quad_name(value: object) -> str | None:
    """Normalise a quad class (IRI, label or CAMEO number 1-4) to one of :data:`QUAD_CLASSES`.

    >>> quad_name("https://w3id.org/kizuna/ontology#VerbalCooperation")
    'VerbalCooperation'
    >>> quad_name("material conflict")
    'MaterialConflict'
    >>> quad_name(3)
    'VerbalConflict'
    >>> quad_name("weather") is None
    True
    """
    s = "".join(ch for ch in local_name(str(value)).lower() if ch.isalnum())
    if s in ("1", "2", "3", "4"):
        return QUAD_CLASSES[int(s) - 1]
    kind = "Verbal" if "verbal" in s else "Material" if "material" in s else None
    side = "Cooperation" if "coop" in s else "Conflict" if "conflict" in s else None
    return kind + side if kind and side else None


def _bounds(date: str) -> tuple[str, str]:
    """First and last day (ISO) covered by ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
    d = date.strip()[:10]
    if len(d) == 4:
        return d + "-01-01", d + "-12-31"
    if len(d) == 7:
        return d + "-01", d + "-31"
    return d, d


def date_overlaps(date: str, since: str | None = None, until: str | None = None) -> bool:
    """Whether the period ``date`` overlaps ``[since, until]`` (both inclusive, either open).

    Dates are ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; a year or month counts as
    the whole period. An undated item is kept only when no bound is given.

    >>> date_overlaps("2024-05", since="2024-05-16")
    True
    >>> date_overlaps("2024", until="2023-12-31")
    False
    >>> date_overlaps("", since="2024")
    False
    >>> date_overlaps("")
    True
    """
    if not since and not until:
        return True
    if not date:
        return False
    first, last = _bounds(date)
    if since and last < _bounds(since)[0]:
        return False
    return not (until and first > _bounds(until)[1])


def load_build(out: str | Path):
    """Read ``OUT/graph.trig`` of a build into an rdflib ``Dataset``.

    Raises
    ------
    KGError
        ``E303`` when ``OUT`` is not a build folder.
    """
    from rdflib import Dataset

    path = Path(out)
    trig = path / "graph.trig" if path.is_dir() else path
    if not trig.is_file() or trig.suffix != ".trig":
        raise KGError.make("E303", path=out)
    ds = Dataset()
    ds.parse(trig, format="trig")
    return ds


def _index(ds) -> dict[str, dict[str, list[Any]]]:
    """One pass over all quads: subject -> short predicate name -> objects (deduplicated)."""
    idx: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    triples = (q[:3] for q in ds.quads((None, None, None, None))) if hasattr(ds, "quads") else iter(ds)
    seen: set[tuple] = set()
    for s, p, o in triples:
        key = _WANTED.get(str(p))
        if key is None or (s, p, o) in seen:
            continue
        seen.add((s, p, o))
        idx[str(s)][key].append(o)
    return idx


def _type_table(idx) -> dict[str, tuple[str, float]]:
    table = dict(EVENT_TYPE_TABLE)
    found = 0
    for t in PLOVER_TYPES:
        props = idx.get(str(KZ[t]), {})
        quad = next((q for q in map(quad_name, props.get("quad", [])) if q), None)
        score = next((float(x) for x in props.get("score", []) if _is_number(x)), None)
        if quad is not None or score is not None:
            found += 1
            table[t] = (quad or table[t][0], table[t][1] if score is None else score)
    if not found:
        log.info("no kz:quadClass/kz:cooperationScore in the data: using the built-in PLOVER table")
    return table


def _is_number(x: object) -> bool:
    try:
        float(str(x))
    except ValueError:
        return False
    return True


def _top_class(types: list[str], parents: dict[str, set[str]]) -> tuple[str, str]:
    """(top class, most specific class) of an entity from its class local names."""
    best: tuple[str, str] | None = None
    for t in sorted(types):
        todo, seen = [t], set()
        while todo:
            c = todo.pop()
            if c in seen:
                continue
            seen.add(c)
            if c in TOP_CLASSES:
                cand = (c, t)
                if best is None or (TOP_CLASSES.index(c), c == t) < (TOP_CLASSES.index(best[0]), best[0] == best[1]):
                    best = cand
                break
            todo.extend(sorted(parents.get(c, ())) or ([CLASS_PARENTS[c]] if c in CLASS_PARENTS else []))
    return best or ("", "")


def _labels(props: dict[str, list[Any]]) -> dict[str, Any]:
    out = {"label_ja": "", "label_en": "", "plain": ""}
    for key in ("pref", "label"):
        for lit in sorted(props.get(key, []), key=str):
            lang = (getattr(lit, "language", None) or "").lower()
            slot = "label_ja" if lang.startswith("ja") else "label_en" if lang.startswith("en") else "plain"
            if not out[slot]:
                out[slot] = str(lit)
    alt = sorted({str(x) for x in props.get("alt", [])})
    return {"label_ja": out["label_ja"] or ("" if out["label_en"] else out["plain"]),
            "label_en": out["label_en"], "alt": alt}


def _entities(idx) -> dict[str, dict[str, Any]]:
    parents: dict[str, set[str]] = defaultdict(set)
    kz = str(KZ)
    for s, props in idx.items():
        if s.startswith(kz):
            for o in props.get("sub", []):
                if str(o).startswith(kz):
                    parents[local_name(s)].add(local_name(o))
    ents = {}
    for s, props in idx.items():
        types = [local_name(t) for t in props.get("type", []) if str(t).startswith(kz)]
        if not types or "Event" in types or "Document" in types:
            continue
        top, specific = _top_class(types, parents)
        if not top:
            continue
        info = _labels(props)
        info["label"] = info["label_ja"] or info["label_en"] or local_name(s)
        ents[s] = {"iri": s, "cls": top, "subclass": specific, **info}
    return ents


def _evidence(idx, iri: str, ev: dict[str, list[Any]], date: str, conf: float) -> list[dict[str, Any]]:
    docs_of_event = sorted(str(d) for d in ev.get("doc", []))
    out = []
    for ph in sorted(str(p) for p in ev.get("evidence", [])):
        props = idx.get(ph, {})
        text = str(props["anchor"][0]) if props.get("anchor") else ""
        doc_list = sorted(str(d) for d in props.get("doc", [])) or docs_of_event[:1]
        d = doc_list[0] if doc_list else ""
        out.append(_doc_fields(idx, d) | {"event": iri, "text": text, "date": date, "confidence": conf})
    if not out:
        for d in docs_of_event:
            out.append(_doc_fields(idx, d) | {"event": iri, "text": "", "date": date, "confidence": conf})
    return out


def _doc_fields(idx, doc: str) -> dict[str, str]:
    props = idx.get(doc, {})

    def first(key: str) -> str:
        vals = sorted(str(x) for x in props.get(key, []))
        return vals[0] if vals else ""

    return {"doc": doc, "doc_id": first("ident") or local_name(doc), "title": first("title"),
            "url": first("source"), "published": first("pubdate")[:10]}


def actor_graph(ds, *, since: str | None = None, until: str | None = None,
                include_agreements: bool = False) -> nx.MultiDiGraph:
    """The actor network of a build: who did what to whom, with evidence.

    Parameters
    ----------
    ds : rdflib.Dataset or rdflib.Graph
        The finished build (all named graphs are read together).
    since, until : str, optional
        Keep only events whose date (``kz:date``, else the document's
        ``dcterms:date``) overlaps this period (``YYYY[-MM[-DD]]``, inclusive).
    include_agreements : bool
        Also make nodes of agreements named as ``kz:target`` or ``kz:about``.

    Returns
    -------
    networkx.MultiDiGraph
        Nodes are entity IRIs of persons, countries and organisations (and
        agreements on request) taking part in at least one affirmed event,
        with ``label``, ``label_ja``, ``label_en``, ``alt``, ``cls`` (top
        class) and ``subclass``. There is one edge per (source, target,
        event type), keyed by the type: ``weight`` (number of events),
        ``reports``, ``confidence`` (mean), ``quad``, ``score`` (per event),
        ``symmetric``, ``dates`` (sorted), ``first``, ``last``, ``events`` (IRIs)
        and ``evidence`` (dicts with ``event``, ``text``, ``date``, ``doc``, ``doc_id``,
        ``title``, ``url``, ``confidence``). Symmetric types (AGREE, CONSULT,
        COOPERATE) join every pair of participants, source < target by IRI;
        the others go from each actor to each target. Negated events are left out.
        Nodes and edges are inserted in sorted order, so results are deterministic.

    Examples
    --------
    >>> from rdflib import Dataset
    >>> actor_graph(Dataset()).number_of_nodes()
    0
    """
    for name, value in (("since", since), ("until", until)):
        if value and not _DATE.match(value):
            raise ConfigError(f"[E601] --{name} {value!r} is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD "
                              "(e.g. 2024-05-16). Fix the option")
    idx = _index(ds)
    ents = _entities(idx)
    table = _type_table(idx)
    keep = set(ACTOR_CLASSES) | ({"Agreement"} if include_agreements else set())
    edges: dict[tuple[str, str, str], list[tuple[str, dict, list]]] = defaultdict(list)
    n_events = negated = 0
    for s in sorted(idx):
        ev = idx[s]
        if str(KZ.Event) not in {str(t) for t in ev.get("type", [])}:
            continue
        etype = next((local_name(t) for t in ev.get("etype", []) if local_name(t) in table), None)
        if etype is None:
            continue
        if any(str(p) == str(KZ.Negated) for p in ev.get("polarity", [])):
            negated += 1
            continue
        docs = sorted(str(d) for d in ev.get("doc", []))
        date = min((str(d) for d in ev.get("date", [])), default="") or next(
            (_doc_fields(idx, d)["published"] for d in docs if _doc_fields(idx, d)["published"]), "")
        if not date_overlaps(date, since, until):
            continue
        actors = sorted({str(a) for a in ev.get("actor", []) if ents.get(str(a), {}).get("cls") in keep})
        targets = sorted({str(a) for a in ev.get("target", []) + ev.get("about", [])
                          if ents.get(str(a), {}).get("cls") in keep} - set(actors))
        if etype in SYMMETRIC_TYPES:
            people = sorted(set(actors) | set(targets))
            pairs = [(a, b) for i, a in enumerate(people) for b in people[i + 1:]]
        else:
            pairs = [(a, t) for a in actors for t in targets]
        if not pairs:
            continue
        n_events += 1
        conf = float(next((str(c) for c in ev.get("conf", []) if _is_number(c)), "0.5"))
        reports = int(next((str(c) for c in ev.get("reports", []) if _is_number(c)), "1"))
        evidence = _evidence(idx, s, ev, date, conf)
        for u, v in pairs:
            edges[(u, v, etype)].append((s, {"date": date, "conf": conf, "reports": reports}, evidence))
    G = nx.MultiDiGraph(since=since or "", until=until or "", events=n_events, negated_skipped=negated)
    for n in sorted({x for u, v, _ in edges for x in (u, v)}):
        G.add_node(n, **{k: ents[n][k] for k in ("label", "label_ja", "label_en", "alt", "cls", "subclass")})
    for (u, v, etype) in sorted(edges):
        items = edges[(u, v, etype)]
        dates = sorted({m["date"] for _, m, _ in items if m["date"]})
        evidence = sorted((e for _, _, evs in items for e in evs),
                          key=lambda e: (-e["confidence"], e["date"], e["doc_id"], e["text"]))
        quad, score = table[etype]
        G.add_edge(u, v, key=etype, event_type=etype, weight=len(items),
                   reports=sum(m["reports"] for _, m, _ in items),
                   confidence=round(sum(m["conf"] for _, m, _ in items) / len(items), 3),
                   quad=quad, score=score, cooperative=quad.endswith("Cooperation"),
                   symmetric=etype in SYMMETRIC_TYPES, dates=dates,
                   first=dates[0] if dates else "", last=dates[-1] if dates else "",
                   events=sorted(s for s, _, _ in items), evidence=evidence)
    log.info("actor graph: %d nodes, %d edges from %d events", G.number_of_nodes(), G.number_of_edges(), n_events)
    return G
