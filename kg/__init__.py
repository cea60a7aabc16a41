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
    """Build a knowledge graph from article files or folders into ``out`` and open it.

    Options are those of :func:`kg.pipeline.build` (``jobs``, ``use_cache``,
    ``strict`` ...). Returns a :class:`kg.api.KnowledgeGraph`; its ``result``
    holds the build's :class:`kg.pipeline.BuildResult`.
    """
    from kg.api import KnowledgeGraph

    if isinstance(sources, (str, bytes)) or hasattr(sources, "__fspath__"):
        sources = [sources]
    return KnowledgeGraph.build(sources, out, **options)


def load(out="build"):
    """Open a finished build folder as a :class:`kg.api.KnowledgeGraph`."""
    from kg.api import KnowledgeGraph

    return KnowledgeGraph.open(out)
