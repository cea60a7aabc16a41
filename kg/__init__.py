"""Kizuna (``kg``): a knowledge-graph builder for geopolitical news.

``import kg`` is cheap: spaCy, GiNZA, rdflib's stores, pyvis and pandas are
imported inside the functions that need them.

>>> import kg
>>> kg.__version__
'0.1.0'
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "build", "load"]


def build(sources, out="build", **options):
    """Build a knowledge graph from article files or folders into ``out``.

    Thin wrapper over :func:`kg.pipeline.build`; see there for options.
    """
    from kg.pipeline import build as _build

    return _build(sources, out, **options)


def load(out="build"):
    """Open a finished build folder as a :class:`kg.api.KnowledgeGraph`."""
    from kg.api import KnowledgeGraph

    return KnowledgeGraph.open(out)
