"""Measures on the actor graph of :func:`kg.analysis.actor_graph`, as DataFrames.

Graph first, defaulted keywords after (networkx style). Every table is sorted
with explicit tie-breaks (by IRI), so two builds give the same rows.
"""

from __future__ import annotations

import logging
import unicodedata
from typing import Any

import networkx as nx

from kg.errors import ConfigError

__all__ = [
    "pair_graph",
    "pagerank",
    "find_actor",
    "centrality",
    "communities",
    "ego_network",
    "ties",
    "time_slice",
    "shortest_paths",
    "balance",
    "strongest_ties",
]

log = logging.getLogger(__name__)


def _df(rows: list[dict[str, Any]], columns: list[str]):
    import pandas as pd

    return pd.DataFrame(rows, columns=columns)


def pair_graph(G: nx.MultiDiGraph) -> nx.Graph:
    """Collapse the actor graph into one undirected edge per pair of actors.

    Edge attributes: ``weight`` (events), ``coop`` and ``conflict`` (events of
    cooperative / conflictual quad classes), ``score`` (sum of cooperation
    scores), ``types`` (``{type: events}``), ``distance`` (``1 / weight``, for
    path-based measures).

    Examples
    --------
    >>> M = nx.MultiDiGraph()
    >>> M.add_edge("a", "b", key="CONSULT", weight=2, score=4.0, cooperative=True)
    'CONSULT'
    >>> M.add_edge("b", "a", key="ACCUSE", weight=1, score=-4.0, cooperative=False)
    'ACCUSE'
    >>> d = pair_graph(M)["a"]["b"]
    >>> (d["weight"], d["coop"], d["conflict"], d["score"])
    (3, 2, 1, 4.0)
    """
    H = nx.Graph()
    H.add_nodes_from(sorted(G.nodes(data=True), key=lambda x: x[0]))
    for u, v, k, d in sorted(G.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        a, b = sorted((u, v))
        if not H.has_edge(a, b):
            H.add_edge(a, b, weight=0, coop=0, conflict=0, score=0.0, types={})
        e = H[a][b]
        w = d.get("weight", 1)
        e["weight"] += w
        e["coop" if d.get("cooperative") else "conflict"] += w
        e["score"] += d.get("score", 0.0) * w
        e["types"][k] = e["types"].get(k, 0) + w
    for _, _, e in H.edges(data=True):
        e["distance"] = 1.0 / e["weight"] if e["weight"] else 1.0
        e["types"] = dict(sorted(e["types"].items()))
    return H


def pagerank(H: nx.Graph, alpha: float = 0.85, *, weight: str = "weight", max_iter: int = 200,
             tol: float = 1e-12) -> dict[Any, float]:
    """PageRank by power iteration in pure Python (no SciPy needed), deterministic.

    Examples
    --------
    >>> pr = pagerank(nx.star_graph(3))
    >>> max(pr, key=pr.get), round(sum(pr.values()), 6)
    (0, 1.0)
    """
    nodes = sorted(H.nodes(), key=str)
    n = len(nodes)
    if n == 0:
        return {}
    out_w = {u: sum(d.get(weight, 1) for _, _, d in H.edges(u, data=True)) for u in nodes}
    x = dict.fromkeys(nodes, 1.0 / n)
    for _ in range(max_iter):
        dangling = alpha * sum(x[u] for u in nodes if not out_w[u]) / n
        nxt = dict.fromkeys(nodes, (1.0 - alpha) / n + dangling)
        for u in nodes:
            if out_w[u]:
                for _, v, d in H.edges(u, data=True):
                    nxt[v] += alpha * x[u] * d.get(weight, 1) / out_w[u]
        err = sum(abs(nxt[u] - x[u]) for u in nodes)
        x = nxt
        if err < n * tol:
            break
    return x


def _norm(s: str) -> str:
    return unicodedata.normalize("NFKC", s).casefold().replace(" ", "").replace("・", "")


def find_actor(G: nx.Graph, name: str) -> str:
    """The node of an actor given its IRI, IRI local name, or a Japanese or English name.

    Exact matches (after NFKC and case folding, ignoring spaces and ``・``) on
    labels and alternative labels win; otherwise a unique partial match.

    Raises
    ------
    ConfigError
        ``E602`` when no actor or several actors match.

    Examples
    --------
    >>> G = nx.Graph(); G.add_node("kzr:xi", label_ja="習近平", label_en="Xi Jinping", alt=["習氏"])
    >>> find_actor(G, "xi jinping"), find_actor(G, "習氏"), find_actor(G, "Jinping")
    ('kzr:xi', 'kzr:xi', 'kzr:xi')
    """
    if name in G:
        return name
    q = _norm(name)
    exact, partial = [], []
    for n, d in sorted(G.nodes(data=True), key=lambda x: x[0]):
        names = [str(n).rsplit("/", 1)[-1], d.get("label_ja", ""), d.get("label_en", ""), *d.get("alt", [])]
        keys = [_norm(x) for x in names if x]
        if q in keys:
            exact.append(n)
        elif q and any(q in k for k in keys):
            partial.append(n)
    found = exact or partial
    if len(found) == 1:
        return found[0]
    hint = ", ".join(G.nodes[n].get("label_en") or G.nodes[n].get("label", n) for n in found[:8])
    if not found:
        raise ConfigError(f"[E602] no actor named {name!r} in the graph; expected an IRI or a Japanese or "
                          "English name of a person, country or organisation. Check the spelling or run "
                          "`kg analyze OUT` to list the actors")
    raise ConfigError(f"[E602] {name!r} matches {len(found)} actors ({hint}); expected one. Give a fuller name")


def centrality(G: nx.MultiDiGraph, *, weight: str = "weight"):
    """Degree, weighted degree, betweenness and PageRank of every actor.

    Betweenness runs on the pair graph with ``distance = 1 / events``, so
    strong ties are short; PageRank on the pair graph weighted by events.

    Returns
    -------
    pandas.DataFrame
        Columns ``id, label, label_en, cls, degree, weighted_degree,
        betweenness, pagerank``, sorted by PageRank (then id).
    """
    H = pair_graph(G)
    pr = pagerank(H, weight=weight)
    bc = nx.betweenness_centrality(H, weight="distance", normalized=True) if len(H) > 2 else dict.fromkeys(H, 0.0)
    rows = [{"id": n, "label": d.get("label", n), "label_en": d.get("label_en", ""), "cls": d.get("cls", ""),
             "degree": H.degree(n), "weighted_degree": int(H.degree(n, weight=weight)),
             "betweenness": round(bc[n], 6), "pagerank": round(pr[n], 6)}
            for n, d in H.nodes(data=True)]
    rows.sort(key=lambda r: (-r["pagerank"], -r["weighted_degree"], r["id"]))
    return _df(rows, ["id", "label", "label_en", "cls", "degree", "weighted_degree", "betweenness", "pagerank"])


def communities(G: nx.MultiDiGraph, *, seed: int = 42, resolution: float = 1.0):
    """Communities of the pair graph by Louvain (``networkx.community.louvain_communities``).

    Returns
    -------
    pandas.DataFrame
        One row per community: ``community`` (0 = largest), ``size``,
        ``members`` (labels, by PageRank) and ``ids``.
    """
    H = pair_graph(G)
    if H.number_of_edges() == 0:
        return _df([], ["community", "size", "members", "ids"])
    pr = pagerank(H)
    parts = nx.community.louvain_communities(H, weight="weight", resolution=resolution, seed=seed)
    groups = sorted((sorted(c, key=lambda n: (-round(pr[n], 9), n)) for c in parts), key=lambda c: (-len(c), c[0]))
    rows = [{"community": i, "size": len(c), "members": [H.nodes[n].get("label", n) for n in c], "ids": c}
            for i, c in enumerate(groups)]
    return _df(rows, ["community", "size", "members", "ids"])


def ego_network(G: nx.MultiDiGraph, actor: str, *, radius: int = 1) -> nx.MultiDiGraph:
    """The actors within ``radius`` hops of ``actor`` (any direction) and the edges among them.

    ``actor`` is an IRI or a name (see :func:`find_actor`).
    """
    center = find_actor(G, actor)
    nodes = nx.single_source_shortest_path_length(G.to_undirected(as_view=True), center, cutoff=radius)
    S = G.subgraph(sorted(nodes)).copy()
    S.graph["center"] = center
    return S


def ties(G: nx.MultiDiGraph):
    """One row per edge: ``source, target, event_type, events, quad, score, first, last, evidence, doc_id, url``.

    ``evidence`` is the best-supported sentence (highest confidence, earliest).
    """
    rows = []
    for u, v, k, d in sorted(G.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        ev = d["evidence"][0] if d.get("evidence") else {}
        rows.append({"source": G.nodes[u].get("label", u), "target": G.nodes[v].get("label", v), "event_type": k,
                     "events": d.get("weight", 1), "quad": d.get("quad", ""), "score": d.get("score", 0.0),
                     "first": d.get("first", ""), "last": d.get("last", ""), "evidence": ev.get("text", ""),
                     "doc_id": ev.get("doc_id", ""), "url": ev.get("url", "")})
    return _df(rows, ["source", "target", "event_type", "events", "quad", "score", "first", "last", "evidence",
                      "doc_id", "url"])


def time_slice(G: nx.MultiDiGraph, *, since: str | None = None, until: str | None = None) -> nx.MultiDiGraph:
    """The graph restricted to events in ``[since, until]``; edges and actors left empty are dropped.

    Examples
    --------
    >>> M = nx.MultiDiGraph()
    >>> M.add_edge("a", "b", key="AID", weight=2, dates=["2023-01", "2024-02-01"],
    ...            evidence=[{"date": "2023-01"}, {"date": "2024-02-01"}])
    'AID'
    >>> S = time_slice(M, since="2024")
    >>> S["a"]["b"]["AID"]["weight"], S["a"]["b"]["AID"]["dates"]
    (1, ['2024-02-01'])
    """
    from kg.analysis.projection import date_overlaps

    S = nx.MultiDiGraph(**G.graph)
    S.graph.update(since=since or "", until=until or "")
    for u, v, k, d in sorted(G.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        evidence = [e for e in d.get("evidence", []) if date_overlaps(e.get("date", ""), since, until)]
        dates = [x for x in d.get("dates", []) if date_overlaps(x, since, until)]
        if not dates and not evidence:
            continue
        kept = dict(d, evidence=evidence, dates=dates, first=dates[0] if dates else "",
                    last=dates[-1] if dates else "")
        events = {e.get("event") for e in evidence if e.get("event")}
        kept["weight"] = len(events) if events else max(1, min(d.get("weight", 1), len(evidence) or len(dates)))
        for n in (u, v):
            if n not in S:
                S.add_node(n, **G.nodes[n])
        S.add_edge(u, v, key=k, **kept)
    return S


def shortest_paths(G: nx.MultiDiGraph, a: str, b: str, *, max_paths: int = 5):
    """All shortest paths (in hops, ignoring direction) between two actors, with evidence on each hop.

    Returns
    -------
    pandas.DataFrame
        One row per hop: ``path, hop, source, target, types, evidence, doc_id, url``.
        Empty when the actors are not connected.
    """
    H = pair_graph(G)
    s, t = find_actor(G, a), find_actor(G, b)
    try:
        paths = sorted(nx.all_shortest_paths(H, s, t))[:max_paths]
    except nx.NetworkXNoPath:
        paths = []
    rows = []
    for i, path in enumerate(paths):
        for j, (u, v) in enumerate(zip(path, path[1:], strict=False)):
            ev = _best_evidence(G, u, v)
            rows.append({"path": i, "hop": j, "source": H.nodes[u].get("label", u), "target": H.nodes[v].get("label", v),
                         "types": ", ".join(f"{k}×{n}" for k, n in H[u][v]["types"].items()),
                         "evidence": ev.get("text", ""), "doc_id": ev.get("doc_id", ""), "url": ev.get("url", "")})
    return _df(rows, ["path", "hop", "source", "target", "types", "evidence", "doc_id", "url"])


def _best_evidence(G: nx.MultiDiGraph, u: str, v: str, *, cooperative: bool | None = None) -> dict[str, Any]:
    cands = []
    for x, y in ((u, v), (v, u)):
        for _k, d in sorted(G.get_edge_data(x, y, default={}).items()):
            if cooperative is None or d.get("cooperative") == cooperative:
                cands.extend(d.get("evidence", []))
    cands.sort(key=lambda e: (not e.get("text"), -e.get("confidence", 0), e.get("date", ""), e.get("doc_id", ""),
                              e.get("text", "")))
    return cands[0] if cands else {}


def balance(G: nx.MultiDiGraph):
    """The cooperation–conflict balance of each pair from the PLOVER quad classes.

    ``balance = (coop - conflict) / (coop + conflict)``, from -1 (all conflict)
    to +1 (all cooperation); ``score`` sums the events' cooperation scores.

    Returns
    -------
    pandas.DataFrame
        Columns ``a, b, events, VerbalCooperation, MaterialCooperation,
        VerbalConflict, MaterialConflict, balance, score, a_id, b_id``,
        by events (descending).
    """
    from kg.analysis.projection import QUAD_CLASSES

    H = pair_graph(G)
    quads: dict[tuple[str, str], dict[str, int]] = {}
    for u, v, d in G.edges(data=True):
        key = tuple(sorted((u, v)))
        q = quads.setdefault(key, dict.fromkeys(QUAD_CLASSES, 0))
        if d.get("quad") in q:
            q[d["quad"]] += d.get("weight", 1)
    rows = []
    for a, b, d in H.edges(data=True):
        a, b = sorted((a, b))
        total = d["coop"] + d["conflict"]
        rows.append({"a": H.nodes[a].get("label", a), "b": H.nodes[b].get("label", b), "events": d["weight"],
                     **quads[(a, b)], "balance": round((d["coop"] - d["conflict"]) / total, 3) if total else 0.0,
                     "score": round(d["score"], 2), "a_id": a, "b_id": b})
    rows.sort(key=lambda r: (-r["events"], r["a_id"], r["b_id"]))
    return _df(rows, ["a", "b", "events", *QUAD_CLASSES, "balance", "score", "a_id", "b_id"])


def strongest_ties(G: nx.MultiDiGraph, *, kind: str = "cooperative", n: int = 10):
    """The strongest cooperative or conflictual ties, each with a quoted evidence sentence.

    Pairs are ranked by the number of events of that kind, then by the size of
    their summed cooperation score, then by IRI.

    Parameters
    ----------
    kind : {"cooperative", "conflictual"}
    n : int
        How many pairs.

    Returns
    -------
    pandas.DataFrame
        Columns ``a, b, events, types, score, evidence, doc_id, title, url, date, a_id, b_id``.
    """
    if kind not in ("cooperative", "conflictual"):
        raise ConfigError(f"[E603] kind={kind!r}; expected 'cooperative' or 'conflictual'")
    coop = kind == "cooperative"
    agg: dict[tuple[str, str], dict[str, Any]] = {}
    for u, v, k, d in G.edges(keys=True, data=True):
        if bool(d.get("cooperative")) != coop:
            continue
        a, b = sorted((u, v))
        r = agg.setdefault((a, b), {"events": 0, "score": 0.0, "types": {}})
        r["events"] += d.get("weight", 1)
        r["score"] += d.get("score", 0.0) * d.get("weight", 1)
        r["types"][k] = r["types"].get(k, 0) + d.get("weight", 1)
    ranked = sorted(agg.items(), key=lambda kv: (-kv[1]["events"], -abs(kv[1]["score"]), kv[0]))[:n]
    rows = []
    for (a, b), r in ranked:
        ev = _best_evidence(G, a, b, cooperative=coop)
        rows.append({"a": G.nodes[a].get("label", a), "b": G.nodes[b].get("label", b), "events": r["events"],
                     "types": ", ".join(f"{k}×{c}" for k, c in sorted(r["types"].items())),
                     "score": round(r["score"], 2), "evidence": ev.get("text", ""), "doc_id": ev.get("doc_id", ""),
                     "title": ev.get("title", ""), "url": ev.get("url", ""), "date": ev.get("date", ""),
                     "a_id": a, "b_id": b})
    return _df(rows, ["a", "b", "events", "types", "score", "evidence", "doc_id", "title", "url", "date",
                      "a_id", "b_id"])
