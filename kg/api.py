"""The Python API for analysts: one object per build folder, tables as DataFrames.

:class:`KnowledgeGraph` wraps a finished build (``OUT/graph.trig`` and its
query store) and answers with pandas DataFrames. It only composes other
modules: :func:`kg.pipeline.build` builds, :func:`kg.query.run_query` runs
SPARQL, :mod:`kg.analysis` measures the actor network and :mod:`kg.viz`
draws it (the same offline viewer as ``graph.html``). Typical use::

    import kg
    g = kg.load("build")                 # or kg.api.KnowledgeGraph.build(["sources"], "build")
    g.actors().head()                    # PageRank and betweenness
    g.evidence("ロシア", "中国")          # the sentences behind one edge
    g.show(g.ego("プーチン"))            # inline viewer in Jupyter

Examples
--------
>>> g = example_graph()                  # a tiny graph built from two JSON Lines records
>>> sorted(g.summary)[:2]
['cache_hits', 'documents_read']
>>> g.summary["documents_read"]
2
"""

from __future__ import annotations

import functools
import html
import json
import logging
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.demo import DEMO_ARTICLES, EXAMPLE_RECORDS, example_graph, write_demo_articles  # noqa: F401 (re-exported)
from kg.errors import ConfigError, KGError

if TYPE_CHECKING:
    import networkx as nx
    import pandas

__all__ = ["KnowledgeGraph", "Viewer", "example_graph", "write_demo_articles", "DEMO_ARTICLES"]

log = logging.getLogger(__name__)

_EVENTS_SPARQL = """
SELECT ?event (MIN(?t) AS ?type) (MIN(STR(?d)) AS ?date) (MIN(STR(?pd)) AS ?published)
       (MAX(?c) AS ?confidence) (COUNT(?pol) > 0 AS ?negated) (MIN(?id) AS ?doc_id) (MIN(?s) AS ?sentence)
WHERE {
  ?event a kz:Event ; kz:eventType ?et .
  BIND(STRAFTER(STR(?et), "#") AS ?t)
  OPTIONAL { ?event kz:date ?d }
  OPTIONAL { ?event kz:confidence ?c }
  OPTIONAL { ?event kz:polarity ?pol FILTER(?pol = kz:Negated) }
  OPTIONAL { ?event kz:inDocument ?doc . OPTIONAL { ?doc dcterms:identifier ?id } OPTIONAL { ?doc dcterms:date ?pd } }
  OPTIONAL { ?event prov:wasDerivedFrom ?ph . ?ph nif:anchorOf ?s }
} GROUP BY ?event
"""
_ROLES_SPARQL = """
SELECT ?event ?role ?entity (MIN(?ja) AS ?label_ja) (MIN(?en) AS ?label_en) WHERE {
  ?event a kz:Event .
  { ?event kz:actor ?entity BIND("actor" AS ?role) } UNION { ?event kz:target ?entity BIND("target" AS ?role) }
  OPTIONAL { ?entity skos:prefLabel ?ja FILTER(langMatches(lang(?ja), "ja")) }
  OPTIONAL { ?entity skos:prefLabel ?en FILTER(langMatches(lang(?en), "en")) }
} GROUP BY ?event ?role ?entity ORDER BY ?event ?role ?entity
"""
_ENTITIES_SPARQL = """
SELECT ?id (MIN(?c) AS ?cls) (MIN(?ja) AS ?label_ja) (MIN(?en) AS ?label_en) (COUNT(DISTINCT ?doc) AS ?documents)
WHERE {
  ?doc a kz:Document ; schema:mentions ?id .
  OPTIONAL { ?id a ?type FILTER(STRSTARTS(STR(?type), STR(kz:))) BIND(STRAFTER(STR(?type), "#") AS ?c) }
  OPTIONAL { ?id skos:prefLabel ?ja FILTER(langMatches(lang(?ja), "ja")) }
  OPTIONAL { ?id skos:prefLabel ?en FILTER(langMatches(lang(?en), "en")) }
} GROUP BY ?id ORDER BY DESC(?documents) ?id
"""


class Viewer:
    """The offline graph viewer of ``graph.html`` for one (sub)graph, shown inline in Jupyter.

    Jupyter calls :meth:`_repr_html_`, which puts the whole self-contained page
    in an ``<iframe srcdoc=…>`` (no network access, no files written).

    Examples
    --------
    >>> v = Viewer("<html><body>x & y</body></html>", height="300px")
    >>> v._repr_html_()[:60]
    '<iframe srcdoc="&lt;html&gt;&lt;body&gt;x &amp; y&lt;/body&g'
    >>> 'height:300px' in v._repr_html_()
    True
    """

    def __init__(self, page: str, *, height: str = "600px") -> None:
        self.html = page
        self.height = height

    def _repr_html_(self) -> str:
        return (f'<iframe srcdoc="{html.escape(self.html, quote=True)}" '
                f'style="width:100%;height:{html.escape(self.height)};border:1px solid #ddd"></iframe>')

    def save(self, path: str | Path) -> Path:
        """Write the page to ``path`` (UTF-8), to open in a browser; returns the path."""
        path = Path(path)
        path.write_text(self.html, encoding="utf-8")
        return path


class KnowledgeGraph:
    """A finished build folder, with tables, measures and the viewer as methods.

    Create it with :meth:`open` (an existing build) or :meth:`build`. The RDF
    dataset and the actor graph are read once, on first use.

    Attributes
    ----------
    out : Path
        The build folder.
    result : kg.pipeline.BuildResult or None
        What the build did, when this object came from :meth:`build`.
    """

    def __init__(self, out: str | Path, *, result: Any = None) -> None:
        self.out = Path(out)
        self.result = result
        self._ds: Any = None
        self._graph: Any = None
        self._store: Any = None

    def __repr__(self) -> str:
        s = self.summary
        return (f"KnowledgeGraph({str(self.out)!r}: {s.get('documents_read', '?')} documents, "
                f"{s.get('entities', '?')} entities, {s.get('events', '?')} events)")

    # ------------------------------------------------------------ open / build

    @classmethod
    def open(cls, out: str | Path) -> KnowledgeGraph:
        """Open a build folder written by ``kg build`` or :meth:`build`.

        Raises
        ------
        KGError
            ``E303`` when ``out`` has no ``graph.trig``.

        Examples
        --------
        >>> KnowledgeGraph.open("no/such/folder")
        Traceback (most recent call last):
        ...
        kg.errors.KGError: [E303] no/such/folder: not a build folder (no graph.trig); run `kg build SOURCES -o no/such/folder` first
        """
        if not (Path(out) / "graph.trig").is_file():
            raise KGError.make("E303", path=out)
        return cls(out)

    @classmethod
    def build(cls, sources: str | Path | Iterable[str | Path], out: str | Path = "build",
              **options: Any) -> KnowledgeGraph:
        """Build the graph of some article files or folders into ``out`` and open it.

        Parameters
        ----------
        sources : path or iterable of paths
            Files (``.txt``, ``.md``, ``.html``, ``.jsonl``) or folders.
        out : path
            The build folder (replaced atomically).
        **options
            Passed to :func:`kg.pipeline.build` (``jobs``, ``cache_dir``, ``use_cache``, ``strict``, ...).
        """
        from kg.pipeline import build

        if isinstance(sources, (str, Path)):
            sources = [sources]
        result = build(list(sources), out, **options)
        return cls(out, result=result)

    # ------------------------------------------------------------ raw material

    @functools.cached_property
    def summary(self) -> dict[str, Any]:
        """The build's ``build.json``: documents read and skipped, entities, events, triples."""
        path = self.out / "build.json"
        if path.is_file():
            return json.loads(path.read_text(encoding="utf-8"))
        return self.result.summary() if self.result is not None else {}

    @property
    def name(self) -> str:
        """The build folder's name (used to label columns when comparing graphs)."""
        return self.out.resolve().name

    @property
    def dataset(self):
        """The build's RDF as an ``rdflib.Dataset`` (read from ``graph.trig`` once)."""
        if self._ds is None:
            from kg.analysis import load_build

            self._ds = load_build(self.out)
        return self._ds

    @property
    def graph(self) -> nx.MultiDiGraph:
        """The actor network (:func:`kg.analysis.actor_graph`): one edge per pair and event type."""
        if self._graph is None:
            from kg.analysis import actor_graph

            self._graph = actor_graph(self.dataset)
        return self._graph

    def skipped(self) -> pandas.DataFrame:
        """The inputs the build skipped, with the reason (``path``, ``code``, ``reason``).

        Examples
        --------
        >>> list(example_graph().skipped().columns)
        ['path', 'code', 'reason']
        """
        import pandas as pd

        rows = [{"path": s.get("path", ""), "code": s.get("reason", "")[1:5] if s.get("reason", "").startswith("[")
                 else "", "reason": s.get("reason", "")} for s in self.summary.get("documents_skipped", [])]
        return pd.DataFrame(rows, columns=["path", "code", "reason"])

    def query(self, sparql: str, *, compact: bool = True, timeout: float | None = None) -> pandas.DataFrame:
        """Run a SPARQL SELECT over the whole build and return a DataFrame.

        The prefixes ``kz:``, ``kzr:``, ``skos:``, ``dcterms:``, ``prov:``, ``nif:`` … are
        pre-bound and the default graph is the union of all graphs.

        Parameters
        ----------
        sparql : str
            A SELECT query.
        compact : bool
            Show IRIs as ``kzr:russia`` rather than in full.
        timeout : float, optional
            Seconds before the query is abandoned.

        Raises
        ------
        QueryError
            ``E501`` for a syntax error or a non-SELECT query.

        Examples
        --------
        >>> g = example_graph()
        >>> df = g.query("SELECT (COUNT(*) AS ?n) WHERE { ?d a kz:Document }")
        >>> int(df.n[0])
        2
        """
        from kg.query import run_query

        if self._store is None:
            from kg.store import open_store

            self._store = open_store(self.out)
        return run_query(self._store, sparql, timeout=timeout).to_dataframe(compact_iris=compact)

    # ------------------------------------------------------------ tables

    def entities(self) -> pandas.DataFrame:
        """Every entity the documents mention: ``id, label, label_en, cls, documents`` (most mentioned first).

        Examples
        --------
        >>> list(example_graph().entities().columns)
        ['id', 'label', 'label_en', 'cls', 'documents']
        """
        df = self.query(_ENTITIES_SPARQL, compact=False)
        df["label"] = [_label(i, ja, en) for i, ja, en in zip(df.id, df.label_ja, df.label_en, strict=True)]
        df["label_en"] = [en if isinstance(en, str) else "" for en in df.label_en]
        return df[["id", "label", "label_en", "cls", "documents"]]

    def events(self, type: str | Iterable[str] | None = None, since: str | None = None,
               until: str | None = None) -> pandas.DataFrame:
        """The coded events, one row each, by date (undated last).

        Parameters
        ----------
        type : str or list of str, optional
            Keep only these PLOVER types (``"CONSULT"``, ``["ACCUSE", "SANCTION"]``).
        since, until : str, optional
            Keep events whose date (else the article's date) overlaps ``[since, until]``
            (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, inclusive).

        Returns
        -------
        pandas.DataFrame
            ``event, type, date, actors, targets, confidence, negated, doc_id, sentence``;
            ``actors`` and ``targets`` are lists of labels, ``date`` falls back to the
            article's publication date.

        Raises
        ------
        ConfigError
            ``E701`` for an unknown event type.

        Examples
        --------
        >>> g = example_graph()
        >>> list(g.events().columns)[:4]
        ['event', 'type', 'date', 'actors']
        >>> g.events(type="consult ").type.unique().tolist() in ([], ["CONSULT"])
        True
        >>> g.events(type="TALK")
        Traceback (most recent call last):
        ...
        kg.errors.ConfigError: [E701] unknown event type 'TALK'; expected PLOVER types such as AGREE, CONSULT, ACCUSE, SANCTION (see kz:EventTypes). Fix the type= argument
        """
        import pandas as pd

        from kg.analysis import date_overlaps
        from kg.namespaces import PLOVER_TYPES

        wanted = None
        if type is not None:
            wanted = {t.strip().upper() for t in ([type] if isinstance(type, str) else type)}
            bad = sorted(wanted - set(PLOVER_TYPES))
            if bad:
                raise ConfigError(f"[E701] unknown event type {', '.join(map(repr, bad))}; expected PLOVER types "
                                  "such as AGREE, CONSULT, ACCUSE, SANCTION (see kz:EventTypes). Fix the type= argument")
        cols = ["event", "type", "date", "actors", "targets", "confidence", "negated", "doc_id", "sentence"]
        df = self.query(_EVENTS_SPARQL, compact=False)
        if df.empty:
            return pd.DataFrame(columns=cols)
        roles = self.query(_ROLES_SPARQL, compact=False)
        names: dict[tuple[str, str], list[str]] = {}
        for r in roles.itertuples():
            names.setdefault((r.event, r.role), []).append(_label(r.entity, r.label_ja, r.label_en))
        df["date"] = [d if isinstance(d, str) and d else (p or "") if isinstance(p, str) else ""
                      for d, p in zip(df.date, df.published, strict=True)]
        df["actors"] = [names.get((e, "actor"), []) for e in df.event]
        df["targets"] = [names.get((e, "target"), []) for e in df.event]
        df["negated"] = df.negated.astype(bool)
        keep = [(wanted is None or t in wanted) and date_overlaps(d, since, until) for t, d in zip(df.type, df.date,
                                                                                                  strict=True)]
        df = df[pd.Series(keep, index=df.index, dtype=bool)]
        df = df.assign(_undated=df.date == "").sort_values(["_undated", "date", "type", "event"])
        return df.reset_index(drop=True)[cols]

    def actors(self, n: int | None = None) -> pandas.DataFrame:
        """Actors ranked by PageRank, with betweenness and degree (:func:`kg.analysis.centrality`).

        Examples
        --------
        >>> list(example_graph().actors().columns)[-2:]
        ['betweenness', 'pagerank']
        """
        from kg.analysis import centrality

        df = centrality(self.graph)
        return df.head(n) if n is not None else df

    def communities(self) -> pandas.DataFrame:
        """Communities of actors by Louvain (``community, size, members, ids``), largest first."""
        from kg.analysis import communities

        return communities(self.graph)

    def balance(self, *, classes: Iterable[str] | None = None) -> pandas.DataFrame:
        """Cooperation–conflict balance of each pair of actors (:func:`kg.analysis.balance`).

        Parameters
        ----------
        classes : iterable of str, optional
            Keep pairs whose two actors are of these classes, e.g. ``["Country"]`` for states.
        """
        import pandas as pd

        from kg.analysis import balance

        df = balance(self.graph)
        if classes is not None:
            keep = set(classes)
            cls = {n: d.get("cls") for n, d in self.graph.nodes(data=True)}
            mask = [cls.get(a) in keep and cls.get(b) in keep for a, b in zip(df.a_id, df.b_id, strict=True)]
            df = df[pd.Series(mask, index=df.index, dtype=bool)]
        return df.reset_index(drop=True)

    def evidence(self, a: str, b: str) -> pandas.DataFrame:
        """The sentences behind the edges between two actors (either direction), by date (undated last).

        ``a`` and ``b`` are IRIs or Japanese or English names (see :func:`kg.analysis.find_actor`).

        Returns
        -------
        pandas.DataFrame
            ``source, target, event_type, quad, date, sentence, doc_id, title, url, confidence, event``.
        """
        import pandas as pd

        from kg.analysis import find_actor

        G = self.graph
        u, v = find_actor(G, a), find_actor(G, b)
        rows = []
        for s, t in ((u, v), (v, u)):
            for k, d in sorted(G.get_edge_data(s, t, default={}).items()):
                for e in d.get("evidence", []):
                    rows.append({"source": G.nodes[s].get("label", s), "target": G.nodes[t].get("label", t),
                                 "event_type": k, "quad": d.get("quad", ""), "date": e.get("date", ""),
                                 "sentence": e.get("text", ""), "doc_id": e.get("doc_id", ""),
                                 "title": e.get("title", ""), "url": e.get("url", ""),
                                 "confidence": e.get("confidence"), "event": e.get("event", "")})
        cols = ["source", "target", "event_type", "quad", "date", "sentence", "doc_id", "title", "url", "confidence",
                "event"]
        df = pd.DataFrame(rows, columns=cols).drop_duplicates(["event_type", "event", "sentence"])
        df = df.assign(_undated=df.date == "").sort_values(["_undated", "date", "event_type", "event"])
        return df.drop(columns="_undated").reset_index(drop=True)

    # ------------------------------------------------------------ subgraphs and drawing

    def ego(self, name: str, depth: int = 1) -> nx.MultiDiGraph:
        """The actors within ``depth`` hops of one actor and the edges among them (pass to :meth:`show`)."""
        from kg.analysis import ego_network

        return ego_network(self.graph, name, radius=depth)

    def path(self, a: str, b: str) -> pandas.DataFrame:
        """The shortest paths between two actors, one row per hop, with an evidence sentence each."""
        from kg.analysis import shortest_paths

        return shortest_paths(self.graph, a, b)

    def path_graph(self, a: str, b: str) -> nx.MultiDiGraph:
        """The actors on the shortest paths between ``a`` and ``b`` and the edges among them (for :meth:`show`)."""
        import networkx as nx

        from kg.analysis import find_actor, pair_graph

        G = self.graph
        s, t = find_actor(G, a), find_actor(G, b)
        try:
            nodes = {n for p in nx.all_shortest_paths(pair_graph(G), s, t) for n in p}
        except nx.NetworkXNoPath:
            nodes = {s, t}
        return G.subgraph(sorted(nodes)).copy()

    def show(self, subgraph: Any = None, height: str = "600px", *, title: str | None = None) -> Viewer:
        """Draw the graph, or part of it, with the same viewer as ``graph.html``.

        Parameters
        ----------
        subgraph : None, networkx graph, str or iterable of str
            ``None`` draws everything; a graph from :meth:`ego` or :meth:`path_graph`
            draws that; a string is a SPARQL SELECT/CONSTRUCT whose resources are kept
            (:func:`kg.viz.subgraph_by_query`); an iterable of actor names keeps those actors.
        height : str
            CSS height of the inline frame.

        Returns
        -------
        Viewer
            Shown inline by Jupyter; ``.save(path)`` writes the page.

        Examples
        --------
        >>> v = example_graph().show(height="400px")
        >>> "<iframe" in v._repr_html_() and "vis" in v.html
        True
        """
        import networkx as nx

        from kg.analysis import find_actor
        from kg.viz import render_html, subgraph_by_query

        if subgraph is None:
            G = self.graph
        elif isinstance(subgraph, nx.Graph):
            G = subgraph
        elif isinstance(subgraph, str):
            G = subgraph_by_query(self.dataset, self.graph, subgraph)
        else:
            G = self.graph.subgraph(sorted({find_actor(self.graph, n) for n in subgraph})).copy()
        return Viewer(render_html(G, title=title or f"Kizuna: {self.name}"), height=height)

    # ------------------------------------------------------------ comparing builds

    def compare(self, other: KnowledgeGraph, names: tuple[str, str] = ("this", "other")) -> dict[str, pandas.DataFrame]:
        """Compare the entities and event types of two builds.

        Returns
        -------
        dict of DataFrame
            ``"shared"``, ``"only_this"`` and ``"only_other"`` (entities, from :meth:`entities`)
            and ``"event_types"``: affirmed events per PLOVER type side by side, columns ``names``.

        Examples
        --------
        >>> g = example_graph()
        >>> c = g.compare(g, names=("mine", "again"))
        >>> len(c["only_this"]), list(c["event_types"].columns)
        (0, ['mine', 'again'])
        """
        import pandas as pd

        mine, theirs = self.entities(), other.entities()
        ids_mine, ids_theirs = set(mine.id), set(theirs.id)
        counts = {n: (lambda ev: ev[~ev.negated].type.value_counts())(g.events())
                  for n, g in zip(names, (self, other), strict=True)}
        types = pd.DataFrame(counts, columns=list(names)).fillna(0).astype(int)
        types.index.name = "type"
        return {"shared": mine[mine.id.isin(ids_theirs)].reset_index(drop=True),
                "only_this": mine[~mine.id.isin(ids_theirs)].reset_index(drop=True),
                "only_other": theirs[~theirs.id.isin(ids_mine)].reset_index(drop=True),
                "event_types": types.sort_index()}


def _label(iri: str, ja: Any, en: Any) -> str:
    """The Japanese label, else the English one, else the IRI's last part (missing values are NaN/None).

    >>> _label("https://w3id.org/kizuna/id/kharkiv", float("nan"), "Kharkiv")
    'Kharkiv'
    """
    for x in (ja, en):
        if isinstance(x, str) and x:
            return x
    return str(iri).rsplit("/", 1)[-1]
