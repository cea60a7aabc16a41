"""Check a build against the SHACL shapes of ``ontology/shapes.ttl`` with pySHACL.

The data graph is the union of every graph of ``graph.trig``; when it lacks
the ontology, the ontology's triples are added to a copy of it (so
``sh:targetClass kz:Entity`` reaches every subclass through
``rdfs:subClassOf``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import KGError, OntologyError
from kg.namespaces import PREFIXES

__all__ = ["Violation", "ValidationResult", "validate", "union_graph"]

log = logging.getLogger(__name__)


def _short(iri: str) -> str:
    """``kzr:russia`` for a known namespace, else the IRI.

    >>> _short("https://w3id.org/kizuna/ontology#actor")
    'kz:actor'
    >>> _short("")
    '-'
    """
    if not iri:
        return "-"
    for p, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if iri.startswith(ns):
            return f"{p}:{iri[len(ns):]}"
    return iri


@dataclass(frozen=True)
class Violation:
    """One SHACL result: where it is, which property, what is wrong.

    >>> str(Violation("https://w3id.org/kizuna/id/event/1", "https://w3id.org/kizuna/ontology#actor",
    ...               "an event needs at least one kz:actor"))
    'Violation: kzr:event/1 kz:actor: an event needs at least one kz:actor'
    """

    focus: str
    path: str
    message: str
    severity: str = "Violation"
    value: str = ""
    shape: str = ""

    def __str__(self) -> str:
        value = f" (value: {self.value})" if self.value else ""
        return f"{self.severity}: {_short(self.focus)} {_short(self.path)}: {self.message}{value}"


@dataclass
class ValidationResult:
    """``conforms``, pySHACL's own report text, and the results as :class:`Violation` records."""

    conforms: bool
    report_text: str
    violations: list[Violation] = field(default_factory=list)

    def summary(self, limit: int | None = 50) -> str:
        """One line per violation (at most ``limit``), then a count; ``conforms`` when there are none."""
        if self.conforms and not self.violations:
            return "conforms: no violations"
        shown = self.violations if limit is None else self.violations[:limit]
        lines = [str(v) for v in shown]
        if len(self.violations) > len(shown):
            lines.append(f"… and {len(self.violations) - len(shown)} more")
        lines.append(f"{len(self.violations)} result(s); conforms: {self.conforms}")
        return "\n".join(lines)


def union_graph(source: Any) -> Any:
    """All triples of a build folder, a TriG/Turtle file, or an rdflib Graph/Dataset, in one Graph."""
    from rdflib import Dataset, Graph

    from kg.namespaces import bind_prefixes

    if isinstance(source, Dataset):
        g = Graph()
        for s, p, o, _ in source.quads((None, None, None, None)):
            g.add((s, p, o))
        bind_prefixes(g)
        return g
    if isinstance(source, Graph):
        return source
    path = Path(source)
    if path.is_dir():
        from kg.store import trig_path

        path = trig_path(path)
    if not path.is_file():
        raise KGError.make("E303", path=str(source))
    fmt = "trig" if path.suffix in (".trig", ".nq", ".nquads") else "turtle"
    ds = Dataset()
    try:
        ds.parse(path, format="nquads" if path.suffix in (".nq", ".nquads") else fmt)
    except Exception as e:  # rdflib raises many parser errors
        raise OntologyError.make("E401", detail=f"{path} does not parse ({e}); expected the output of `kg build`") from e
    return union_graph(ds)


_RESULTS = """
PREFIX sh: <http://www.w3.org/ns/shacl#>
SELECT ?focus ?path ?msg ?sev ?value ?shape WHERE {
  ?r a sh:ValidationResult ; sh:focusNode ?focus ; sh:resultSeverity ?sev ; sh:sourceShape ?shape .
  OPTIONAL { ?r sh:resultPath ?path }
  OPTIONAL { ?r sh:resultMessage ?msg }
  OPTIONAL { ?r sh:value ?value }
}"""


def validate(out_dir_or_dataset: Any, *, shapes: Any = None) -> ValidationResult:
    """Validate a build (folder, ``graph.trig``, or rdflib Graph/Dataset) against the shapes.

    Parameters
    ----------
    out_dir_or_dataset : Path or rdflib.Graph or rdflib.Dataset
        What to check.
    shapes : rdflib.Graph, optional
        Other shapes (default: :func:`kg.ontology.shapes_graph`).

    Returns
    -------
    ValidationResult
        ``violations`` sorted by focus node, path and message.

    Examples
    --------
    >>> from rdflib import Graph
    >>> bad = Graph().parse(data='''
    ...   @prefix kz: <https://w3id.org/kizuna/ontology#> .
    ...   <https://w3id.org/kizuna/id/event/x> a kz:Event ; kz:eventType kz:CONSULT ;
    ...       kz:confidence 1.5 .''', format="turtle")
    >>> res = validate(bad)
    >>> res.conforms
    False
    >>> sorted({_short(v.path) for v in res.violations})
    ['kz:actor', 'kz:confidence', 'kz:inDocument', 'prov:wasDerivedFrom']
    """
    from pyshacl import validate as shacl_validate
    from rdflib import RDFS, Graph

    from kg.namespaces import KZ
    from kg.ontology import ontology_graph, shapes_graph

    data = union_graph(out_dir_or_dataset)
    if (KZ.Person, RDFS.subClassOf, KZ.Entity) not in data:
        # pySHACL's own ont_graph mixing clones nodes recursively and is very slow on
        # the ontology: add the ontology's triples to a copy of the data instead.
        mixed = Graph()
        for t in data:
            mixed.add(t)
        for t in ontology_graph():
            mixed.add(t)
        data = mixed
    conforms, report, text = shacl_validate(
        data,
        shacl_graph=shapes if shapes is not None else shapes_graph(),
        inference="none",
        allow_warnings=True,
    )
    violations = []
    for row in report.query(_RESULTS):
        sev = str(row.sev).rsplit("#", 1)[-1]
        value = "" if row.value is None else " ".join(str(row.value).split())
        if len(value) > 60:
            value = value[:59] + "…"
        violations.append(
            Violation(
                focus=str(row.focus),
                path=str(row.path) if row.path is not None else "",
                message=" ".join(str(row.msg).split()) if row.msg is not None else "",
                severity=sev,
                value=value,
                shape=str(row.shape),
            )
        )
    violations.sort(key=lambda v: (v.focus, v.path, v.message))
    log.info("validation: conforms=%s, %d result(s)", conforms, len(violations))
    return ValidationResult(conforms=bool(conforms), report_text=text, violations=violations)
