"""Run SPARQL over a build's Oxigraph store and format the answers.

Queries see the union of all graphs as their default graph (``GRAPH ?g``
still reaches each named graph) and have :data:`kg.namespaces.PREFIXES`
pre-bound, so ``kz:``, ``kzr:``, ``skos:`` … need no ``PREFIX`` lines.

Examples
--------
>>> one_line_syntax_error("SELEC ?x", "error at 1:1: expected one of DESCRIBE")
'syntax error at line 1, column 1 (near "SELEC ?x"): expected one of DESCRIBE; fix the query there'
"""

from __future__ import annotations

import json
import logging
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import QueryError
from kg.namespaces import PREFIXES

if TYPE_CHECKING:
    import pandas
    import pyoxigraph

__all__ = [
    "FORMATS",
    "QueryResult",
    "run_query",
    "one_line_syntax_error",
    "unknown_prefixes",
    "parse_param",
    "compact",
    "term_to_python",
    "term_to_json",
    "display_width",
]

log = logging.getLogger(__name__)

#: output formats of :meth:`QueryResult.format` (``turtle`` is for CONSTRUCT/DESCRIBE).
FORMATS = ("table", "csv", "tsv", "json", "turtle")

_POS = re.compile(r"error at (\d+):(\d+):?\s*(.*)", re.S)


_XSD = PREFIXES["xsd"]
_INTS = {_XSD + t for t in ("integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger",
                            "nonPositiveInteger", "negativeInteger", "unsignedInt", "unsignedLong")}
_FLOATS = {_XSD + t for t in ("decimal", "double", "float")}
#: longest namespace first, so ``kzr:`` never shadows a longer prefix.
_BY_LENGTH = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))
_LOCAL = re.compile(r"^[\w\-.~%/=,]*$")


def compact(term: Any) -> str:
    """A term for people: ``kzr:russia`` for IRIs under a known prefix, the text for literals.

    Examples
    --------
    >>> import pyoxigraph as ox
    >>> compact(ox.NamedNode("https://w3id.org/kizuna/ontology#CONSULT"))
    'kz:CONSULT'
    >>> compact(ox.NamedNode("http://example.org/x"))
    '<http://example.org/x>'
    >>> compact(ox.Literal("北京", language="ja"))
    '北京'
    """
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        iri = term.value
        for p, ns in _BY_LENGTH:
            if iri.startswith(ns) and _LOCAL.match(iri[len(ns):]):
                return f"{p}:{iri[len(ns):]}"
        return f"<{iri}>"
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value if term is not None else ""


def term_to_python(term: Any, *, compact_iris: bool = False) -> Any:
    """A plain Python value: IRIs as strings, xsd numbers as int/float, booleans as bool.

    Examples
    --------
    >>> import pyoxigraph as ox
    >>> term_to_python(ox.Literal("3", datatype=ox.NamedNode(_XSD + "integer")))
    3
    >>> term_to_python(ox.Literal("0.85", datatype=ox.NamedNode(_XSD + "decimal")))
    0.85
    >>> term_to_python(ox.NamedNode("https://w3id.org/kizuna/id/china"), compact_iris=True)
    'kzr:china'
    """
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.Literal):
        dt = term.datatype.value if term.datatype is not None else ""
        try:
            if dt in _INTS:
                return int(term.value)
            if dt in _FLOATS:
                return float(term.value)
        except ValueError:
            return term.value
        if dt == _XSD + "boolean":
            return term.value in ("true", "1")
        return term.value
    if compact_iris and isinstance(term, ox.NamedNode):
        return compact(term)
    return term.value


def term_to_json(term: Any) -> dict[str, str]:
    """One binding of SPARQL 1.1 Query Results JSON.

    Examples
    --------
    >>> import pyoxigraph as ox
    >>> term_to_json(ox.Literal("北京", language="ja"))
    {'type': 'literal', 'value': '北京', 'xml:lang': 'ja'}
    >>> term_to_json(ox.NamedNode("http://example.org/x"))
    {'type': 'uri', 'value': 'http://example.org/x'}
    """
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype is not None and term.datatype.value != _XSD + "string":
        out["datatype"] = term.datatype.value
    return out


def display_width(text: str) -> int:
    """Columns a string takes in a terminal (East Asian wide characters count 2).

    >>> display_width("ロシア"), display_width("Russia")
    (6, 6)
    """
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


_STRIP = re.compile(r"<[^<>\s]*>|\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|#[^\n]*")
_PNAME = re.compile(r"(?<![\w?$:])([A-Za-z][\w.-]*)?:(?=[\w%])")
_DECL = re.compile(r"PREFIX\s+([A-Za-z][\w.-]*)?:", re.I)


def unknown_prefixes(query: str) -> list[str]:
    """Prefixes a query uses but neither declares nor gets from :data:`PREFIXES`.

    >>> unknown_prefixes("PREFIX ex: <http://e/> SELECT * { ?s ex:p kz:Event ; foo:bar '#x:y' }")
    ['foo']
    """
    text = _STRIP.sub(" ", query)
    declared = set(PREFIXES) | {m.group(1) or "" for m in _DECL.finditer(text)}
    used = [m.group(1) or "" for m in _PNAME.finditer(text)]
    return sorted({u for u in used if u not in declared})


def one_line_syntax_error(query: str, message: str, limit: int = 160) -> str:
    """Turn Oxigraph's (multi-line) parser message into one line with the position.

    Parameters
    ----------
    query : str
        The query text (to quote the place).
    message : str
        ``str(SyntaxError)`` from pyoxigraph, e.g. ``"error at 2:12: expected …"``.
    limit : int
        Longest ``expected …`` part kept.

    Examples
    --------
    >>> one_line_syntax_error("SELECT ?x\\nWHERE { ?x ?p }", "error at 2:15: expected [_]")
    'syntax error at line 2, column 15 (near "WHERE { ?x ?p }"): expected [_]; fix the query there'
    """
    flat = " ".join(message.split())
    m = _POS.match(flat)
    if not m:
        return f"syntax error: {flat[:limit]}; fix the query"
    line, col, rest = int(m.group(1)), int(m.group(2)), m.group(3)
    if len(rest) > limit:
        rest = rest[: limit - 1] + "…"
    lines = query.splitlines() or [""]
    text = lines[min(line, len(lines)) - 1].strip()
    near = text if len(text) <= 40 else text[max(0, col - 20): col + 20].strip()
    return f'syntax error at line {line}, column {col} (near "{near}"): {rest}; fix the query there'


@dataclass
class QueryResult:
    """The answer to one query: rows (SELECT), a boolean (ASK) or triples (CONSTRUCT/DESCRIBE).

    Attributes
    ----------
    kind : str
        ``"select"``, ``"ask"`` or ``"graph"``.
    variables : list of str
        Column names of a SELECT, in order.
    rows : list of tuple
        pyoxigraph terms (``None`` where unbound), one tuple per solution.
    boolean : bool or None
        The answer of an ASK.
    triples : list
        pyoxigraph ``Triple`` objects of a CONSTRUCT or DESCRIBE.
    """

    kind: str
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[Any] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.rows) if self.kind == "select" else len(self.triples) if self.kind == "graph" else 1

    def records(self, *, compact_iris: bool = False) -> list[dict[str, Any]]:
        """Rows as dicts of plain Python values (IRIs as strings, numbers as numbers)."""
        return [
            {v: term_to_python(t, compact_iris=compact_iris) for v, t in zip(self.variables, row, strict=True)} for row in self.rows
        ]

    def column(self, name: str) -> list[Any]:
        """One column's plain values (``None`` where unbound)."""
        i = self.variables.index(name)
        return [term_to_python(r[i]) for r in self.rows]

    def to_dataframe(self, *, compact_iris: bool = True) -> pandas.DataFrame:
        """A pandas DataFrame of a SELECT (IRIs as ``kzr:…`` names unless ``compact_iris=False``)."""
        import pandas as pd

        if self.kind != "select":
            raise QueryError.make("E501", detail=f"to_dataframe() needs a SELECT query, got a {self.kind} result")
        return pd.DataFrame(self.records(compact_iris=compact_iris), columns=self.variables)

    # ------------------------------------------------------------ formatters

    def format(self, fmt: str = "table") -> str:
        """Render as ``table``, ``csv``, ``tsv``, ``json`` (SPARQL 1.1 JSON results) or ``turtle``."""
        if fmt not in FORMATS:
            raise QueryError.make("E501", detail=f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
        return getattr(self, f"to_{fmt}")()

    def to_json(self) -> str:
        """SPARQL 1.1 Query Results JSON (a graph result as N-Triples in a JSON string is not standard: use turtle)."""
        if self.kind == "ask":
            return json.dumps({"head": {}, "boolean": self.boolean}, ensure_ascii=False)
        if self.kind == "graph":
            raise QueryError.make("E501", detail="a CONSTRUCT/DESCRIBE result has no JSON table; use --format turtle")
        bindings = [
            {v: term_to_json(t) for v, t in zip(self.variables, row, strict=True) if t is not None} for row in self.rows
        ]
        return json.dumps({"head": {"vars": self.variables}, "results": {"bindings": bindings}}, ensure_ascii=False,
                          indent=1)

    def _delimited(self, sep: str, cell) -> str:
        if self.kind == "ask":
            return ("true" if self.boolean else "false") + "\n"
        if self.kind == "graph":
            raise QueryError.make("E501", detail="a CONSTRUCT/DESCRIBE result has no table; use --format turtle")
        head = sep.join(("?" + v) if sep == "\t" else v for v in self.variables)
        return "\n".join([head] + [sep.join(cell(t) for t in row) for row in self.rows]) + "\n"

    def to_csv(self) -> str:
        """SPARQL 1.1 CSV results: plain values, quoted when needed."""
        import csv
        import io

        if self.kind != "select":
            return self._delimited(",", str)
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(self.variables)
        for row in self.rows:
            w.writerow(["" if t is None else t.value for t in row])
        return buf.getvalue()

    def to_tsv(self) -> str:
        """SPARQL 1.1 TSV results: terms in N-Triples/Turtle syntax."""
        return self._delimited("\t", lambda t: "" if t is None else str(t).replace("\t", "\\t"))

    def to_turtle(self) -> str:
        """Turtle for a CONSTRUCT/DESCRIBE result, with the Kizuna prefixes."""
        import pyoxigraph as ox

        if self.kind != "graph":
            raise QueryError.make("E501", detail=f"--format turtle needs a CONSTRUCT or DESCRIBE query, got {self.kind}")
        return ox.serialize(self.triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES).decode("utf-8")

    def to_table(self, max_width: int = 60) -> str:
        """A plain-text table for the terminal (IRIs compacted, wide characters aligned)."""
        if self.kind == "ask":
            return "yes" if self.boolean else "no"
        if self.kind == "graph":
            return self.to_turtle()
        cells = [[_cell(t, max_width) for t in row] for row in self.rows]
        widths = [max([display_width(v)] + [display_width(r[i]) for r in cells]) for i, v in enumerate(self.variables)]

        def line(vals: list[str]) -> str:
            return " | ".join(v + " " * (w - display_width(v)) for v, w in zip(vals, widths, strict=True)).rstrip()

        out = [line(self.variables), "-+-".join("-" * w for w in widths)]
        out += [line(r) for r in cells]
        out.append(f"({len(self.rows)} row{'s' if len(self.rows) != 1 else ''})")
        return "\n".join(out)


def _cell(term: Any, max_width: int) -> str:
    if term is None:
        return ""
    text = " ".join(str(compact(term)).split())
    while display_width(text) > max_width:
        text = text[: max(1, len(text) - 2)]
        if display_width(text) <= max_width - 1:
            text += "…"
            break
    return text


def _open(target: Any) -> pyoxigraph.Store:
    import pyoxigraph as ox

    if isinstance(target, ox.Store):
        return target
    from kg.store import open_store

    return open_store(Path(target))


def _execute(store: pyoxigraph.Store, sparql: str, params: dict[str, Any] | None = None) -> QueryResult:
    import pyoxigraph as ox

    subs = {ox.Variable(k.lstrip("?$")): parse_param(v) if isinstance(v, str) else v for k, v in (params or {}).items()}
    try:
        res = store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True, substitutions=subs or None)
    except SyntaxError as e:
        detail = one_line_syntax_error(sparql, str(e))
        unknown = unknown_prefixes(sparql)
        if unknown:
            detail += f" (unknown prefix {', '.join(p + ':' for p in unknown)}; declare it with PREFIX)"
        raise QueryError.make("E501", detail=detail) from e
    except RuntimeError as e:  # e.g. a substituted variable missing from the SELECT clause
        raise QueryError.make(
            "E501", detail=f"{' '.join(str(e).split())}; a --param must name a variable the query returns"
        ) from e
    except OSError as e:
        raise QueryError.make("E501", detail=f"the store could not be read ({e}); rebuild with `kg build`") from e
    if isinstance(res, ox.QueryBoolean):
        return QueryResult(kind="ask", boolean=bool(res))
    if isinstance(res, ox.QuerySolutions):
        variables = [v.value for v in res.variables]
        rows = [tuple(sol[i] for i in range(len(variables))) for sol in res]
        return QueryResult(kind="select", variables=variables, rows=rows)
    return QueryResult(kind="graph", triples=list(res))


def parse_param(value: str) -> Any:
    """A query parameter as a pyoxigraph term: ``kzr:x``/``<iri>``/``http…`` give IRIs, else a string.

    Examples
    --------
    >>> parse_param("kzr:nato")
    <NamedNode value=https://w3id.org/kizuna/id/nato>
    >>> parse_param("ロシア")
    <Literal value=ロシア datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#string>>
    """
    import pyoxigraph as ox

    v = value.strip()
    if v.startswith("<") and v.endswith(">"):
        return ox.NamedNode(v[1:-1])
    if re.match(r"^https?://", v):
        return ox.NamedNode(v)
    prefix, sep, local = v.partition(":")
    if sep and prefix in PREFIXES and " " not in local:
        return ox.NamedNode(PREFIXES[prefix] + local)
    return ox.Literal(v)


def run_query(out_dir: Any, sparql: str, *, timeout: float | None = None,
              params: dict[str, Any] | None = None) -> QueryResult:
    """Run a SPARQL query over a build folder (or an open ``pyoxigraph.Store``).

    Parameters
    ----------
    out_dir : Path or pyoxigraph.Store
        A build folder with ``graph.trig`` (its store is opened, and built
        if missing or stale), or a store.
    sparql : str
        The query; the prefixes of :data:`kg.namespaces.PREFIXES` are pre-bound.
    timeout : float, optional
        Seconds to wait for the answer; ``None`` waits forever.
    params : dict, optional
        Variable name -> value bound before the query runs (SEP-0007
        substitution): a pyoxigraph term, or a string read by :func:`parse_param`.

    Returns
    -------
    QueryResult

    Raises
    ------
    QueryError
        ``E501`` on a syntax error (one line, with the position), a read
        error, or when the timeout passes.

    Examples
    --------
    >>> import pyoxigraph as ox
    >>> s = ox.Store()
    >>> s.add(ox.Quad(ox.NamedNode(PREFIXES["kzr"] + "russia"), ox.NamedNode(PREFIXES["rdfs"] + "label"),
    ...               ox.Literal("ロシア", language="ja"), ox.NamedNode(PREFIXES["kzr"] + "graph/background")))
    >>> r = run_query(s, "SELECT ?x ?l WHERE { ?x rdfs:label ?l }")
    >>> r.records(compact_iris=True)
    [{'x': 'kzr:russia', 'l': 'ロシア'}]
    >>> r.to_csv().splitlines()
    ['x,l', 'https://w3id.org/kizuna/id/russia,ロシア']
    """
    store = _open(out_dir)
    if timeout is None:
        return _execute(store, sparql, params)
    box: dict[str, Any] = {}

    def work() -> None:
        try:
            box["result"] = _execute(store, sparql, params)
        except BaseException as e:  # handed to the caller's thread
            box["error"] = e

    worker = threading.Thread(target=work, name="kg-query", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise QueryError.make(
            "E501", detail=f"the query ran longer than {timeout:g} s and was abandoned; narrow it or raise --timeout"
        )
    if "error" in box:
        raise box["error"]
    return box["result"]
