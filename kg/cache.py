"""Per-document cache of analysis results.

A document's :class:`~kg.types.DocAnalysis` is stored as JSON under a key
made from the document's text and metadata, the pipeline's fingerprint
(version, code and data files of the package) and the build settings; a
rebuild of unchanged sources skips parsing. Writes are atomic (temp file +
rename), so an interrupted build never leaves a broken entry.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import tempfile
from pathlib import Path

from kg.types import DocAnalysis, SourceDoc, analysis_from_json, to_json

__all__ = ["DEFAULT_CACHE_DIR", "AnalysisCache", "pipeline_fingerprint"]

log = logging.getLogger(__name__)

DEFAULT_CACHE_DIR = Path(os.environ.get("KG_CACHE_DIR", ".kg-cache"))


@functools.lru_cache(maxsize=1)
def pipeline_fingerprint() -> str:
    """A digest of everything that shapes an analysis: the package version and
    the bytes of every code and data file of :mod:`kg`.

    >>> len(pipeline_fingerprint())
    16
    """
    import kg

    h = hashlib.sha256(kg.__version__.encode())
    root = Path(kg.__file__).parent
    for p in sorted(root.rglob("*")):
        if p.is_file() and p.suffix in {".py", ".yaml", ".yml", ".json", ".txt", ".ttl"}:
            h.update(str(p.relative_to(root)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


class AnalysisCache:
    """JSON files of analyses, keyed by :meth:`key`.

    Parameters
    ----------
    root : Path
        The cache folder (created on first write).
    settings : dict
        Build settings that change results (model name ...); part of every key.
    """

    def __init__(self, root: Path, settings: dict | None = None):
        self.root = Path(root)
        self.settings = json.dumps(settings or {}, sort_keys=True)
        self.hits = 0
        self.misses = 0

    def key(self, doc: SourceDoc) -> str:
        """The cache key of a document."""
        meta = json.dumps(to_json(doc), sort_keys=True, ensure_ascii=False)
        h = hashlib.sha256("\x1f".join([pipeline_fingerprint(), self.settings, meta]).encode("utf-8"))
        return h.hexdigest()

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, doc: SourceDoc) -> DocAnalysis | None:
        """The cached analysis of a document, or None."""
        p = self._path(self.key(doc))
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
            result = analysis_from_json(data)
        except FileNotFoundError:
            self.misses += 1
            return None
        except (ValueError, TypeError, KeyError):
            log.warning("ignoring a broken cache entry %s", p)
            self.misses += 1
            return None
        self.hits += 1
        return result

    def put(self, analysis: DocAnalysis) -> None:
        """Store an analysis (atomically)."""
        p = self._path(self.key(analysis.doc))
        p.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=p.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(to_json(analysis), f, ensure_ascii=False)
        os.replace(tmp, p)
