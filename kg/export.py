"""Export a build as N-Quads, Turtle or JSON-LD, streamed from its Oxigraph store.

* ``nquads``: every quad, named graphs kept (drop the fourth column for the
  union); written by ``Store.dump`` without loading anything into Python.
* ``turtle``: the union graph (each triple once), prefixes from
  :data:`kg.namespaces.PREFIXES`.
* ``jsonld``: the union graph as JSON-LD, one node object per subject,
  compacted with ``ontology/context.jsonld`` (``actor``, ``eventType``,
  ``prefLabel`` … as short keys); the context is embedded, so the file is
  readable offline.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import IO, Any

from kg.errors import ConfigError
from kg.namespaces import PREFIXES

__all__ = ["EXPORT_FORMATS", "export", "JsonLdWriter"]

log = logging.getLogger(__name__)

#: format name -> file extension.
EXPORT_FORMATS = {"nquads": ".nq", "turtle": ".ttl", "jsonld": ".jsonld"}

_UNION = "SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p"
_RDF_TYPE = PREFIXES["rdf"] + "type"
_XSD_STRING = PREFIXES["xsd"] + "string"


class JsonLdWriter:
    """Compact triples into JSON-LD node objects with the Kizuna context.

    Parameters
    ----------
    context : dict
        The ``@context`` object (see :func:`kg.ontology.jsonld_context`).

    Examples
    --------
    >>> w = JsonLdWriter({"kz": "https://w3id.org/kizuna/ontology#",
    ...                   "actor": {"@id": "kz:actor", "@type": "@id"}, "id": "@id", "type": "@type"})
    >>> w.key("https://w3id.org/kizuna/ontology#actor")
    ('actor', True)
    >>> w.iri("https://w3id.org/kizuna/ontology#Event")
    'kz:Event'
    """

    def __init__(self, context: dict[str, Any]) -> None:
        self.context = context
        self.prefixes: list[tuple[str, str]] = sorted(
            ((k, v) for k, v in context.items() if isinstance(v, str) and not v.startswith("@")),
            key=lambda kv: -len(kv[1]),
        )
        self.terms: dict[str, tuple[str, bool]] = {}
        for k, v in context.items():
            if isinstance(v, dict) and "@id" in v:
                self.terms[self._expand(v["@id"])] = (k, v.get("@type") == "@id")

    def _expand(self, curie: str) -> str:
        p, _, local = curie.partition(":")
        ns = self.context.get(p)
        return ns + local if isinstance(ns, str) and not local.startswith("//") else curie

    def iri(self, iri: str) -> str:
        """A compact IRI (``kzr:russia``) where a prefix fits, else the IRI."""
        for p, ns in self.prefixes:
            if iri.startswith(ns) and len(iri) > len(ns) and not iri[len(ns):].startswith("/"):
                return f"{p}:{iri[len(ns):]}"
        return iri

    def key(self, predicate: str) -> tuple[str, bool]:
        """The JSON key of a predicate and whether its values are IRIs coerced by the context."""
        return self.terms.get(predicate) or (self.iri(predicate), False)

    def value(self, term: Any, coerced: bool) -> Any:
        """A JSON-LD value for a pyoxigraph term."""
        import pyoxigraph as ox

        if isinstance(term, ox.NamedNode):
            return self.iri(term.value) if coerced else {"@id": self.iri(term.value)}
        if isinstance(term, ox.BlankNode):
            return f"_:{term.value}" if coerced else {"@id": f"_:{term.value}"}
        if term.language:
            return {"@value": term.value, "@language": term.language}
        if term.datatype is None or term.datatype.value == _XSD_STRING:
            return term.value
        return {"@value": term.value, "@type": self.iri(term.datatype.value)}

    def node(self, subject: Any, pairs: list[tuple[Any, Any]]) -> dict[str, Any]:
        """One node object from a subject and its (predicate, object) pairs."""
        import pyoxigraph as ox

        sid = f"_:{subject.value}" if isinstance(subject, ox.BlankNode) else self.iri(subject.value)
        node: dict[str, Any] = {"@id": sid}
        for p, o in pairs:
            if p.value == _RDF_TYPE and isinstance(o, ox.NamedNode):
                node.setdefault("@type", []).append(self.iri(o.value))
                continue
            k, coerced = self.key(p.value)
            v = self.value(o, coerced)
            if k in node:
                if not isinstance(node[k], list):
                    node[k] = [node[k]]
                node[k].append(v)
            else:
                node[k] = v
        if "@type" in node and len(node["@type"]) == 1:
            node["@type"] = node["@type"][0]
        return node

    def write(self, rows: Any, out: IO[str]) -> int:
        """Write ``{"@context": …, "@graph": [...]}`` from (s, p, o) rows sorted by subject; returns node count."""
        out.write('{\n"@context": ')
        out.write(json.dumps(self.context, ensure_ascii=False))
        out.write(',\n"@graph": [\n')
        count, current, pairs = 0, None, []
        for s, p, o in rows:
            if current is not None and s != current:
                out.write((",\n" if count else "") + json.dumps(self.node(current, pairs), ensure_ascii=False))
                count += 1
                pairs = []
            current = s
            pairs.append((p, o))
        if current is not None:
            out.write((",\n" if count else "") + json.dumps(self.node(current, pairs), ensure_ascii=False))
            count += 1
        out.write("\n]\n}\n")
        return count


def _union_rows(store: Any):
    for sol in store.query(_UNION, use_default_graph_as_union=True):
        yield sol[0], sol[1], sol[2]


def export(out_dir: Path, fmt: str, dest: Path | IO[bytes] | None = None) -> Path | None:
    """Export a build folder's graph.

    Parameters
    ----------
    out_dir : Path
        A build folder (its store is built first if missing or stale).
    fmt : str
        ``nquads``, ``turtle`` or ``jsonld``.
    dest : Path or binary file, optional
        Where to write; ``None`` writes to standard output.

    Returns
    -------
    Path or None
        ``dest`` when it is a path.

    Raises
    ------
    ConfigError
        ``E504`` for an unknown format.
    """
    import pyoxigraph as ox

    from kg.store import open_store

    if fmt not in EXPORT_FORMATS:
        raise ConfigError(f"[E504] unknown export format {fmt!r}; expected one of {', '.join(EXPORT_FORMATS)}")
    store = open_store(Path(out_dir))
    close = False
    if dest is None:
        stream: IO[bytes] = sys.stdout.buffer
    elif isinstance(dest, (str, Path)):
        Path(dest).parent.mkdir(parents=True, exist_ok=True)
        stream, close = open(dest, "wb"), True  # noqa: SIM115 (closed below)
    else:
        stream = dest
    try:
        if fmt == "nquads":
            store.dump(stream, format=ox.RdfFormat.N_QUADS)
        elif fmt == "turtle":
            triples = (ox.Triple(s, p, o) for s, p, o in _union_rows(store))
            ox.serialize(triples, stream, ox.RdfFormat.TURTLE, prefixes=PREFIXES)
        else:
            import io

            from kg.ontology import jsonld_context

            text = io.TextIOWrapper(stream, encoding="utf-8", write_through=True)
            try:
                n = JsonLdWriter(jsonld_context()).write(_union_rows(store), text)
            finally:
                text.detach()
            log.info("wrote %d JSON-LD nodes", n)
        stream.flush()
    finally:
        if close:
            stream.close()
    return Path(dest) if isinstance(dest, (str, Path)) else None
