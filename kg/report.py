"""The analysis outputs of a build: ``graph.html``, ``report.md``, ``graph.graphml``, ``graph.gexf``.

:func:`write_outputs` is what :mod:`kg.pipeline` calls on the finished
Dataset. Every file is deterministic: the same Dataset gives the same bytes.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

import networkx as nx

__all__ = ["write_outputs", "render_report", "export_graph", "write_graphml", "write_gexf", "md_cell"]

log = logging.getLogger(__name__)

#: Rows per table in ``report.md``.
TOP_N = 10


def md_cell(value: object, *, limit: int = 200) -> str:
    """Text safe for a Markdown table cell: one line, pipes and HTML escaped, shortened.

    Examples
    --------
    >>> md_cell("a|b <img src=x>")
    'a\\\\|b &lt;img src=x&gt;'
    >>> md_cell("x" * 10, limit=4)
    'xxx…'
    """
    s = " ".join(str(value).split())
    if len(s) > limit:
        s = s[: limit - 1] + "…"
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")


def _table(df, columns: list[tuple[str, str]]) -> list[str]:
    if df is None or len(df) == 0:
        return ["(none)", ""]
    lines = ["| " + " | ".join(h for _, h in columns) + " |", "|" + "---|" * len(columns)]
    for row in df.to_dict("records"):
        lines.append("| " + " | ".join(md_cell(_fmt(row[c])) for c, _ in columns) + " |")
    return lines + [""]


def _fmt(v: object) -> str:
    if isinstance(v, float):
        return f"{v:.4f}".rstrip("0").rstrip(".") if v else "0"
    if isinstance(v, (list, tuple)):
        return "、".join(map(str, v))
    return str(v)


def _summary_lines(summary: dict[str, Any]) -> list[str]:
    lines = []
    for key, value in summary.items():
        if isinstance(value, dict):
            lines.append(f"- **{md_cell(key)}**:")
            lines.extend(f"  - {md_cell(k)}: {md_cell(_fmt(v))}" for k, v in value.items())
        elif isinstance(value, (list, tuple)):
            lines.append(f"- **{md_cell(key)}**: {len(value)}")
            lines.extend(f"  - {md_cell(_fmt(v))}" for v in value)
        else:
            lines.append(f"- **{md_cell(key)}**: {md_cell(_fmt(value))}")
    return lines


def _ties_section(df) -> list[str]:
    if df is None or len(df) == 0:
        return ["(none)", ""]
    lines = []
    for i, r in enumerate(df.to_dict("records"), 1):
        src = r["title"] or r["doc_id"]
        link = f"[{md_cell(src)}]({r['url']})" if re.match(r"^https?://[^\s()<>]+$", r["url"] or "") else md_cell(src)
        lines.append(f"{i}. **{md_cell(r['a'])} – {md_cell(r['b'])}**: {r['events']} events ({md_cell(r['types'])}), "
                     f"score {_fmt(r['score'])}")
        if r["evidence"]:
            lines.append(f"   > {md_cell(r['evidence'], limit=400)}")
        lines.append(f"   — {link} (`{md_cell(r['doc_id'])}`{', ' + md_cell(r['date']) if r['date'] else ''})")
    return lines + [""]


def render_report(G: nx.MultiDiGraph, summary: dict[str, Any] | None = None, *, top: int = TOP_N) -> str:
    """The Markdown analysis of an actor graph (see :func:`kg.analysis.actor_graph`).

    Sections: build counts (``summary``), the network's size, top actors by
    degree and by PageRank, communities with their members, and the
    strongest cooperative and conflictual ties, each with one quoted
    evidence sentence and its document.

    Examples
    --------
    >>> text = render_report(nx.MultiDiGraph(), {"documents": 0})
    >>> text.splitlines()[0], "- **documents**: 0" in text
    ('# Kizuna report', True)
    """
    from kg.analysis import centrality, communities, strongest_ties

    out = ["# Kizuna report", "", "## Build", ""]
    out += _summary_lines(summary or {}) or ["(no summary)"]
    out += ["", "## Actor network", "",
            f"- actors: {G.number_of_nodes()}",
            f"- ties (pair × event type): {G.number_of_edges()}",
            f"- events used: {G.graph.get('events', 0)} (negated, left out: {G.graph.get('negated_skipped', 0)})", ""]
    cen = centrality(G)
    cols = [("label", "actor"), ("label_en", "English"), ("cls", "class"), ("degree", "degree"),
            ("weighted_degree", "events"), ("betweenness", "betweenness"), ("pagerank", "PageRank")]
    out += ["## Top actors by degree", ""]
    by_deg = cen.sort_values(["degree", "weighted_degree", "id"], ascending=[False, False, True], kind="mergesort")
    out += _table(by_deg.head(top), cols)
    out += ["## Top actors by PageRank", ""]
    out += _table(cen.head(top), cols)
    out += ["## Communities (Louvain, seed 42)", ""]
    com = communities(G)
    if len(com) == 0:
        out += ["(none)", ""]
    for r in com.to_dict("records"):
        out.append(f"- **{r['community'] + 1}** ({r['size']}): " + "、".join(md_cell(m) for m in r["members"]))
    out += ["", "## Strongest cooperative ties", ""]
    out += _ties_section(strongest_ties(G, kind="cooperative", n=top))
    out += ["## Strongest conflictual ties", ""]
    out += _ties_section(strongest_ties(G, kind="conflictual", n=top))
    return "\n".join(out).rstrip() + "\n"


def export_graph(G: nx.MultiDiGraph) -> nx.Graph:
    """The pair graph with scalar attributes only, for GraphML and GEXF (Gephi).

    Nodes: ``label``, ``label_ja``, ``label_en``, ``cls``, ``subclass``,
    ``pagerank``. Edges: ``weight``, ``coop``, ``conflict``, ``score``,
    ``balance``, ``types`` (``"AGREE:1;CONSULT:2"``), ``first``, ``last``.

    Examples
    --------
    >>> M = nx.MultiDiGraph(); M.add_node("a", label="A", cls="Country"); M.add_node("b", label="B", cls="Person")
    >>> _ = M.add_edge("a", "b", key="AID", weight=2, score=7.0, cooperative=True, dates=["2024"])
    >>> E = export_graph(M); E["a"]["b"]["types"], E["a"]["b"]["balance"]
    ('AID:2', 1.0)
    """
    from kg.analysis import pagerank, pair_graph

    H = pair_graph(G)
    pr = pagerank(H)
    E = nx.Graph()
    for n, d in sorted(H.nodes(data=True), key=lambda x: x[0]):
        E.add_node(n, label=d.get("label", n), label_ja=d.get("label_ja", ""), label_en=d.get("label_en", ""),
                   cls=d.get("cls", ""), subclass=d.get("subclass", ""), pagerank=round(pr.get(n, 0.0), 6))
    for u, v, d in sorted(H.edges(data=True), key=lambda e: tuple(sorted(e[:2]))):
        a, b = sorted((u, v))
        dates = sorted(x for k in G.get_edge_data(a, b, default={}).values() for x in k.get("dates", [])) + \
            sorted(x for k in G.get_edge_data(b, a, default={}).values() for x in k.get("dates", []))
        dates.sort()
        total = d["coop"] + d["conflict"]
        E.add_edge(a, b, weight=d["weight"], coop=d["coop"], conflict=d["conflict"], score=round(d["score"], 3),
                   balance=round((d["coop"] - d["conflict"]) / total, 3) if total else 0.0,
                   types=";".join(f"{k}:{c}" for k, c in d["types"].items()),
                   first=dates[0] if dates else "", last=dates[-1] if dates else "")
    return E


def write_graphml(G: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write the pair graph of ``G`` as GraphML."""
    path = Path(path)
    nx.write_graphml(export_graph(G), path, encoding="utf-8")
    return path


def write_gexf(G: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write the pair graph of ``G`` as GEXF 1.2, without networkx's today's-date stamp (deterministic)."""
    path = Path(path)
    text = "\n".join(nx.generate_gexf(export_graph(G), encoding="utf-8", version="1.2draft"))
    text = re.sub(r'\s*lastmodifieddate="[^"]*"', "", text, count=1)
    path.write_text(text + "\n", encoding="utf-8")
    return path


def write_outputs(ds, out_dir: Path, summary: dict) -> dict[str, Path]:
    """Write ``graph.html``, ``report.md``, ``graph.graphml`` and ``graph.gexf`` of a build.

    Parameters
    ----------
    ds : rdflib.Dataset
        The finished build.
    out_dir : pathlib.Path
        An existing folder.
    summary : dict
        The build's counts (documents read/skipped with reasons, entities,
        events, triples, seconds), shown at the top of ``report.md`` in order.

    Returns
    -------
    dict
        ``{"graph.html": path, "report.md": path, "graph.graphml": path, "graph.gexf": path}``.
    """
    from kg.analysis import actor_graph
    from kg.viz import write_html

    out_dir = Path(out_dir)
    G = actor_graph(ds)
    paths = {
        "graph.html": write_html(G, out_dir / "graph.html", title="Kizuna"),
        "report.md": out_dir / "report.md",
        "graph.graphml": write_graphml(G, out_dir / "graph.graphml"),
        "graph.gexf": write_gexf(G, out_dir / "graph.gexf"),
    }
    paths["report.md"].write_text(render_report(G, summary), encoding="utf-8")
    log.info("wrote %s", ", ".join(str(p) for p in paths.values()))
    return paths
