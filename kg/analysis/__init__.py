"""Network analysis of a build: the actor projection and measures on it.

Plain functions, graph first (networkx style); tables come back as pandas
DataFrames for notebooks. Typical use::

    from kg.analysis import load_build, actor_graph, centrality, strongest_ties
    G = actor_graph(load_build("build"))
    centrality(G).head()
    strongest_ties(G, kind="conflictual")
"""

from __future__ import annotations

from kg.analysis.metrics import (
    balance,
    centrality,
    communities,
    ego_network,
    find_actor,
    pagerank,
    pair_graph,
    shortest_paths,
    strongest_ties,
    ties,
    time_slice,
)
from kg.analysis.projection import (
    EVENT_TYPE_TABLE,
    QUAD_CLASSES,
    SYMMETRIC_TYPES,
    actor_graph,
    date_overlaps,
    load_build,
)

__all__ = [
    "EVENT_TYPE_TABLE",
    "QUAD_CLASSES",
    "SYMMETRIC_TYPES",
    "actor_graph",
    "balance",
    "centrality",
    "communities",
    "date_overlaps",
    "ego_network",
    "find_actor",
    "load_build",
    "pagerank",
    "pair_graph",
    "shortest_paths",
    "strongest_ties",
    "ties",
    "time_slice",
]
