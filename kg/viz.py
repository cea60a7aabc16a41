"""The offline graph viewer: actor graph -> one self-contained ``graph.html``.

What comes from pyvis: only the vis-network 9.1.2 JavaScript bundled in the
pyvis package (``pyvis/lib/vis-9.1.2/vis-network.min.js``), copied unchanged to
``kg/data/viewer/`` and inlined into every page. The page template, controls
(search, filters, language switch, legend, side panel) and styles are ours
(``kg/data/viewer/``): pyvis's menus garble non-Latin text and its "offline"
modes still fetch from CDNs.

Safety: the data is embedded as JSON inside ``<script type="application/json">``
with ``<``, ``>`` and ``&`` escaped as ``\\u003c``, ``\\u003e``, ``\\u0026``; the
page script builds the DOM with ``textContent`` only, and links only
``http(s)`` URLs. A Content-Security-Policy forbids every network request.
"""

from __future__ import annotations

import html
import json
import logging
import math
import re
from pathlib import Path
from typing import Any

import networkx as nx

from kg.errors import QueryError

__all__ = [
    "CLASS_STYLE",
    "QUAD_STYLE",
    "TYPE_LABELS",
    "MAX_NODES",
    "escape_json",
    "viewer_data",
    "render_html",
    "write_html",
    "subgraph_by_query",
]

log = logging.getLogger(__name__)

#: Drawn with physics up to this many actors; above it, the top actors by
#: PageRank get a layout precomputed in Python and physics stays off.
MAX_NODES = 300
#: Evidence sentences kept per edge in the page.
MAX_EVIDENCE = 20

#: class -> colour and labels (node colour by class).
CLASS_STYLE = {
    "Person": {"color": "#e377c2", "ja": "人物", "en": "Person"},
    "Country": {"color": "#1f77b4", "ja": "国家", "en": "Country"},
    "Organization": {"color": "#ff7f0e", "ja": "組織", "en": "Organization"},
    "Agreement": {"color": "#9467bd", "ja": "合意文書", "en": "Agreement"},
    "NamedEvent": {"color": "#8c564b", "ja": "出来事", "en": "Named event"},
    "Location": {"color": "#7f7f7f", "ja": "場所", "en": "Location"},
}
#: quad class -> colour and labels (edge colour by cooperation/conflict).
QUAD_STYLE = {
    "VerbalCooperation": {"color": "#74c476", "ja": "言語的協力", "en": "Verbal cooperation"},
    "MaterialCooperation": {"color": "#238b45", "ja": "物質的協力", "en": "Material cooperation"},
    "VerbalConflict": {"color": "#fd8d3c", "ja": "言語的対立", "en": "Verbal conflict"},
    "MaterialConflict": {"color": "#d62728", "ja": "物質的対立", "en": "Material conflict"},
}
#: PLOVER type -> labels shown in the filters and the side panel.
TYPE_LABELS = {
    "AGREE": ("合意", "agree"), "CONSULT": ("協議", "consult"), "SUPPORT": ("支持", "support"),
    "CONCEDE": ("譲歩", "concede"), "COOPERATE": ("協力", "cooperate"), "AID": ("援助", "aid"),
    "RETREAT": ("撤退", "retreat"), "REQUEST": ("要求", "request"), "ACCUSE": ("非難", "accuse"),
    "REJECT": ("拒否", "reject"), "THREATEN": ("威嚇", "threaten"), "PROTEST": ("抗議", "protest"),
    "SANCTION": ("制裁", "sanction"), "MOBILIZE": ("動員", "mobilize"), "COERCE": ("強制", "coerce"),
    "ASSAULT": ("攻撃", "assault"),
}

_PLACEHOLDER = re.compile(r"\{\{(TITLE|DATA)\}\}|/\*\{\{(CSS|VIS|VIEWER)\}\}\*/")


def escape_json(obj: Any) -> str:
    """JSON safe to embed in an HTML ``<script>`` element (no ``<``, ``>``, ``&`` left).

    Examples
    --------
    >>> escape_json({"name": "</script><img src=x>"})
    '{"name": "\\\\u003c/script\\\\u003e\\\\u003cimg src=x\\\\u003e"}'
    >>> json.loads(escape_json(["a&b"])) == ["a&b"]
    True
    """
    text = json.dumps(obj, ensure_ascii=False, sort_keys=True)
    for ch, esc in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


def _asset(name: str) -> str:
    return (Path(__file__).parent / "data" / "viewer" / name).read_text(encoding="utf-8")


def _curves(edges: list[tuple[str, str, str]]) -> dict[tuple[str, str, str], list | None]:
    """Bend parallel edges of a pair apart so each stays visible and clickable."""
    seen: dict[tuple[str, str], int] = {}
    out: dict[tuple[str, str, str], list | None] = {}
    for u, v, k in edges:
        pair = tuple(sorted((u, v)))
        i = seen.get(pair, 0)
        seen[pair] = i + 1
        flip = (u, v) != pair
        if i == 0:
            out[(u, v, k)] = None
        else:
            cw = (i % 2 == 1) != flip
            out[(u, v, k)] = ["curvedCW" if cw else "curvedCCW", round(0.2 * ((i + 1) // 2), 2)]
    return out


def viewer_data(G: nx.MultiDiGraph, *, max_nodes: int = MAX_NODES, seed: int = 42,
                title: str = "Kizuna") -> dict[str, Any]:
    """The JSON data of the page: nodes, edges, styles and a note.

    Above ``max_nodes`` actors only the top ``max_nodes`` by PageRank (and
    the edges among them) are kept, laid out by ``networkx.spring_layout``
    with a fixed seed; the note says so.

    Examples
    --------
    >>> M = nx.MultiDiGraph()
    >>> M.add_node("a", label="A", label_ja="甲", label_en="A", alt=[], cls="Country", subclass="Country")
    >>> M.add_node("b", label="B", label_ja="乙", label_en="B", alt=[], cls="Person", subclass="Person")
    >>> _ = M.add_edge("a", "b", key="AID", weight=1, quad="MaterialCooperation", dates=["2024"], evidence=[])
    >>> d = viewer_data(M)
    >>> len(d["nodes"]), len(d["edges"]), d["meta"]["precomputed"]
    (2, 1, False)
    """
    from kg.analysis import pagerank, pair_graph

    H = pair_graph(G)
    pr = pagerank(H)
    total_n, total_e = G.number_of_nodes(), G.number_of_edges()
    order = sorted(G.nodes(), key=lambda n: (-round(pr.get(n, 0.0), 12), n))
    precomputed = total_n > max_nodes
    keep = sorted(order[:max_nodes]) if precomputed else sorted(G.nodes())
    S = G.subgraph(keep)
    pos: dict[str, Any] = {}
    if precomputed:
        sub = H.subgraph(keep)
        pos = nx.spring_layout(sub, seed=seed, scale=60 * math.sqrt(len(keep)), iterations=60)
    top = max(pr.values(), default=1.0) or 1.0
    nodes = []
    for n in keep:
        d = G.nodes[n]
        node = {"id": n, "label_ja": d.get("label_ja", ""), "label_en": d.get("label_en", "") or
                ("" if d.get("label_ja") else d.get("label", n)), "alt": list(d.get("alt", [])),
                "cls": d.get("cls", "Organization") if d.get("cls") in CLASS_STYLE else "Organization",
                "subclass": d.get("subclass", ""), "pagerank": round(pr.get(n, 0.0), 6),
                "size": round(1 + 99 * math.sqrt(pr.get(n, 0.0) / top), 2)}
        if precomputed:
            node["x"], node["y"] = round(float(pos[n][0]), 1), round(float(pos[n][1]), 1)
        nodes.append(node)
    keys = sorted(S.edges(keys=True), key=lambda e: (e[0], e[1], e[2]))
    curves = _curves(keys)
    edges = []
    for i, (u, v, k) in enumerate(keys):
        d = S.edges[u, v, k]
        ev = [{f: e.get(f, "") for f in ("text", "date", "doc_id", "title", "url")}
              for e in d.get("evidence", [])[:MAX_EVIDENCE]]
        edges.append({"id": f"e{i}", "from": u, "to": v, "type": k, "quad": d.get("quad", "VerbalCooperation"),
                      "weight": d.get("weight", 1), "width": round(1 + 1.5 * math.log2(d.get("weight", 1)), 2),
                      "symmetric": bool(d.get("symmetric")), "dates": list(d.get("dates", [])),
                      "curve": curves[(u, v, k)], "evidence": ev,
                      "more": max(0, len(d.get("evidence", [])) - MAX_EVIDENCE)})
    note = ""
    if precomputed:
        note = (f"上位 {len(keep)} / {total_n} 主体のみ表示(PageRank順、配置は事前計算)。 "
                f"Showing the top {len(keep)} of {total_n} actors by PageRank ({len(edges)} of {total_e} ties); "
                "layout precomputed.")
    classes_present = sorted({n["cls"] for n in nodes}, key=list(CLASS_STYLE).index)
    types_present = sorted({e["type"] for e in edges}, key=lambda t: list(TYPE_LABELS).index(t)
                           if t in TYPE_LABELS else 99)
    meta = {"title": title, "total_nodes": total_n, "total_edges": total_e, "drawn_nodes": len(nodes),
            "drawn_edges": len(edges), "precomputed": precomputed, "max_nodes": max_nodes, "note": note,
            "iterations": 400 if len(nodes) <= 100 else 200}
    return {"meta": meta, "nodes": nodes, "edges": edges,
            "classes": CLASS_STYLE, "class_order": classes_present,
            "quads": QUAD_STYLE, "types": {t: {"ja": ja, "en": en} for t, (ja, en) in TYPE_LABELS.items()},
            "type_order": types_present}


def render_html(G: nx.MultiDiGraph, *, title: str = "Kizuna", max_nodes: int = MAX_NODES, seed: int = 42) -> str:
    """The whole self-contained page as a string (deterministic for a given graph)."""
    data = viewer_data(G, max_nodes=max_nodes, seed=seed, title=title)
    parts = {"TITLE": html.escape(title), "DATA": escape_json(data), "CSS": _asset("viewer.css"),
             "VIS": _asset("vis-network.min.js"), "VIEWER": _asset("viewer.js")}
    return _PLACEHOLDER.sub(lambda m: parts[m.group(1) or m.group(2)], _asset("template.html"))


def write_html(G: nx.MultiDiGraph, path: str | Path, **kwargs: Any) -> Path:
    """Write :func:`render_html` to ``path`` (UTF-8) and return the path."""
    path = Path(path)
    path.write_text(render_html(G, **kwargs), encoding="utf-8")
    log.info("wrote %s", path)
    return path


def subgraph_by_query(ds, G: nx.MultiDiGraph, query: str) -> nx.MultiDiGraph:
    """The part of ``G`` among the resources a SPARQL query names.

    A CONSTRUCT (or DESCRIBE) keeps the actors that appear as subject or
    object of its triples; a SELECT keeps those in any cell. Edges among kept
    actors are kept.

    Raises
    ------
    QueryError
        ``E501`` when the query does not parse or run, or is an ASK.
    """
    from rdflib import URIRef

    from kg.namespaces import PREFIXES

    prefixes = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items() if f"{p}:" in query
                       and not re.search(rf"PREFIX\s+{p}:", query, re.I))
    try:
        if hasattr(ds, "default_union"):
            ds.default_union = True
        result = ds.query(prefixes + query)
    except Exception as e:  # rdflib raises several parser/evaluation errors
        raise QueryError(f"[E501] query error: {e}; expected a SPARQL SELECT or CONSTRUCT query. Fix the query "
                         "file") from e
    if result.type == "ASK":
        raise QueryError("[E501] query error: an ASK query names no resources; expected SELECT or CONSTRUCT")
    names: set[str] = set()
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        for s, _p, o in result.graph:
            names.update(str(x) for x in (s, o) if isinstance(x, URIRef))
    else:
        for row in result:
            names.update(str(x) for x in row if isinstance(x, URIRef))
    keep = sorted(n for n in G.nodes() if n in names)
    return G.subgraph(keep).copy()
