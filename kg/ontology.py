"""The Kizuna ontology, shapes and JSON-LD context as files and parsed graphs.

Where the files are found: ``ontology/`` beside the ``kg`` package in a
source checkout (``Path(kg.__file__).parent.parent / "ontology"``), else the
copies shipped as package data in ``kg/data/ontology/`` (kept identical by
``tools/gen_namespace.py``; a test checks it). The environment variable
``KIZUNA_ONTOLOGY_DIR`` overrides both.

Examples
--------
>>> ontology_path().name
'kizuna.ttl'
>>> c = plover_concepts()
>>> c["CONSULT"]["label_en"], c["CONSULT"]["quad"], c["ASSAULT"]["score"]
('consult', 'VerbalCooperation', -10.0)
"""

from __future__ import annotations

import logging
import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import OntologyError
from kg.namespaces import KZ, PLOVER_TYPES, PREFIXES

if TYPE_CHECKING:
    from rdflib import Graph

__all__ = [
    "ONTOLOGY_GRAPH",
    "ontology_dir",
    "ontology_path",
    "shapes_path",
    "context_path",
    "ontology_graph",
    "shapes_graph",
    "jsonld_context",
    "plover_concepts",
    "class_ancestors",
    "add_ontology",
]

log = logging.getLogger(__name__)

#: IRI of the named graph that holds the ontology in every ``graph.trig``.
ONTOLOGY_GRAPH = PREFIXES["kzr"] + "graph/ontology"

_FILES = ("kizuna.ttl", "shapes.ttl", "context.jsonld")


def ontology_dir() -> Path:
    """The folder holding ``kizuna.ttl``, ``shapes.ttl`` and ``context.jsonld``.

    Returns
    -------
    Path
        ``$KIZUNA_ONTOLOGY_DIR``, else ``ontology/`` of a source checkout,
        else the package copy ``kg/data/ontology/``.

    Raises
    ------
    OntologyError
        If none of them holds ``kizuna.ttl``.

    Examples
    --------
    >>> (ontology_dir() / "shapes.ttl").exists()
    True
    """
    import kg

    pkg = Path(kg.__file__).resolve().parent
    candidates = []
    if os.environ.get("KIZUNA_ONTOLOGY_DIR"):
        candidates.append(Path(os.environ["KIZUNA_ONTOLOGY_DIR"]))
    candidates += [pkg.parent / "ontology", pkg / "data" / "ontology"]
    for c in candidates:
        if (c / "kizuna.ttl").is_file():
            return c
    raise OntologyError.make(
        "E401",
        detail=f"kizuna.ttl not found in {', '.join(map(str, candidates))}; expected the ontology "
        "beside the package or as its data. Reinstall kizuna-kg or set KIZUNA_ONTOLOGY_DIR",
    )


def ontology_path() -> Path:
    """Path of ``kizuna.ttl`` (the OWL + SKOS ontology)."""
    return ontology_dir() / "kizuna.ttl"


def shapes_path() -> Path:
    """Path of ``shapes.ttl`` (the SHACL shapes)."""
    return ontology_dir() / "shapes.ttl"


def context_path() -> Path:
    """Path of ``context.jsonld`` (the JSON-LD context with short keys)."""
    return ontology_dir() / "context.jsonld"


def _parse(path: Path) -> Graph:
    from rdflib import Graph

    from kg.namespaces import bind_prefixes

    g = Graph()
    bind_prefixes(g)
    try:
        g.parse(path, format="turtle")
    except Exception as e:  # rdflib raises many kinds of parse errors
        raise OntologyError.make("E401", detail=f"{path} does not parse as Turtle ({e}); fix the file") from e
    return g


def ontology_graph() -> Graph:
    """The parsed ontology (a fresh rdflib Graph each call; the caller may change it).

    Examples
    --------
    >>> from rdflib import RDFS
    >>> g = ontology_graph()
    >>> (KZ.Person, RDFS.subClassOf, KZ.Entity) in g
    True
    """
    return _parse(ontology_path())


def shapes_graph() -> Graph:
    """The parsed SHACL shapes.

    Examples
    --------
    >>> len(shapes_graph()) > 50
    True
    """
    return _parse(shapes_path())


def jsonld_context() -> dict[str, Any]:
    """The ``@context`` object of ``context.jsonld`` (term -> IRI or definition).

    Examples
    --------
    >>> jsonld_context()["actor"]["@id"]
    'kz:actor'
    """
    import json

    return json.loads(context_path().read_text(encoding="utf-8"))["@context"]


@lru_cache(maxsize=1)
def _concepts() -> dict[str, dict[str, Any]]:
    from rdflib import RDFS, SKOS, Literal

    g = ontology_graph()

    def labels(node, prop) -> dict[str, str]:
        out: dict[str, str] = {}
        for o in g.objects(node, prop):
            if isinstance(o, Literal) and o.language and o.language not in out:
                out[o.language] = str(o)
        return out

    result: dict[str, dict[str, Any]] = {}
    for name in PLOVER_TYPES:
        t = KZ[name]
        pref = labels(t, SKOS.prefLabel)
        definition = labels(t, SKOS.definition)
        quad = g.value(t, KZ.quadClass)
        score = g.value(t, KZ.cooperationScore)
        if quad is None or score is None or "ja" not in pref or "en" not in pref:
            raise OntologyError.make(
                "E401",
                detail=f"kz:{name} lacks a ja/en skos:prefLabel, kz:quadClass or kz:cooperationScore; "
                "expected all four in kizuna.ttl. Add them",
            )
        quad_name = str(quad).rsplit("#", 1)[1]
        modes = {}
        for m in sorted(g.objects(t, SKOS.narrower)):
            ml = labels(m, SKOS.prefLabel)
            modes[str(g.value(m, SKOS.notation))] = {
                "iri": str(m),
                "label_ja": ml.get("ja", ""),
                "label_en": ml.get("en", ""),
            }
        shortcut = next((str(p) for p in g.subjects(RDFS.seeAlso, t) if str(p).endswith("#" + name.lower())), "")
        result[name] = {
            "iri": str(t),
            "label_ja": pref["ja"],
            "label_en": pref["en"],
            "definition_ja": definition.get("ja", ""),
            "definition_en": definition.get("en", ""),
            "quad": quad_name,
            "verbal": quad_name.startswith("Verbal"),
            "cooperation": quad_name.endswith("Cooperation"),
            "score": float(score),
            "modes": modes,
            "shortcut": shortcut,
        }
    return result


def plover_concepts() -> dict[str, dict[str, Any]]:
    """Per PLOVER type: labels, definitions, quad class, score, modes, shortcut property.

    Read from the ontology (cached after the first call).

    Returns
    -------
    dict
        ``{"AGREE": {"iri", "label_ja", "label_en", "definition_ja",
        "definition_en", "quad" ("VerbalCooperation" | "MaterialCooperation" |
        "VerbalConflict" | "MaterialConflict"), "verbal": bool,
        "cooperation": bool, "score": float (-10..+10), "modes": {notation:
        {"iri", "label_ja", "label_en"}}, "shortcut": IRI of kz:agree}, ...}``
        in the schema's order.

    Examples
    --------
    >>> c = plover_concepts()
    >>> list(c)[:3]
    ['AGREE', 'CONSULT', 'SUPPORT']
    >>> c["SANCTION"]["label_ja"], c["SANCTION"]["cooperation"], c["SANCTION"]["verbal"]
    ('制裁', False, False)
    >>> sorted(c["CONSULT"]["modes"])
    ['meet', 'multilateral', 'phone', 'visit']
    """
    return {k: {**v, "modes": dict(v["modes"])} for k, v in _concepts().items()}


def class_ancestors(graph: Graph | None = None) -> dict[str, tuple[str, ...]]:
    """Local class name -> its ``kz:`` ancestors through ``rdfs:subClassOf`` (nearest first).

    Examples
    --------
    >>> class_ancestors()["Media"]
    ('Organization', 'Entity')
    >>> class_ancestors()["Person"]
    ('Entity',)
    """
    from rdflib import OWL, RDF, RDFS

    g = graph if graph is not None else ontology_graph()
    ns = str(KZ)
    out: dict[str, tuple[str, ...]] = {}
    for c in g.subjects(RDF.type, OWL.Class):
        if not str(c).startswith(ns):
            continue
        chain: list[str] = []
        todo = [c]
        while todo:
            cur = todo.pop(0)
            for sup in g.objects(cur, RDFS.subClassOf):
                name = str(sup)[len(ns):] if str(sup).startswith(ns) else None
                if name and name not in chain:
                    chain.append(name)
                    todo.append(sup)
        out[str(c)[len(ns):]] = tuple(chain)
    return out


def add_ontology(dataset: Any) -> Any:
    """Add the ontology to an rdflib ``Dataset`` as the named graph :data:`ONTOLOGY_GRAPH`.

    The build calls this before writing ``graph.trig``, so the scorer and the
    queries see ``rdfs:subClassOf``, the PLOVER labels and scores.

    Parameters
    ----------
    dataset : rdflib.Dataset
        Changed in place (prefixes bound too).

    Returns
    -------
    rdflib.Graph
        The ontology graph inside ``dataset``.

    Examples
    --------
    >>> from rdflib import Dataset, URIRef
    >>> ds = Dataset()
    >>> g = add_ontology(ds)
    >>> g.identifier == URIRef(ONTOLOGY_GRAPH) and len(g) > 1000
    True
    """
    from rdflib import URIRef

    from kg.namespaces import bind_prefixes

    g = dataset.graph(URIRef(ONTOLOGY_GRAPH))
    for t in ontology_graph():
        g.add(t)
    bind_prefixes(dataset)
    return g
