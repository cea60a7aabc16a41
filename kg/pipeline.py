"""The build: the only module that knows the order of the stages.

``ingest -> (cache | GiNZA parse -> extract) -> link -> rdf -> outputs``

Outputs are written to a staging folder beside ``OUT`` and swapped in at
the end, so an interrupted or failed build leaves the previous ``OUT/``
intact. Two builds of the same sources give byte-identical ``graph.trig``.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import ExtractionError, KGError
from kg.types import DocAnalysis, Skipped, SourceDoc

__all__ = ["BuildResult", "build", "analyse", "DOCS_PER_TASK"]

log = logging.getLogger(__name__)

#: documents handed to a worker process at a time with ``jobs > 1``.
DOCS_PER_TASK = 8


@dataclass
class BuildResult:
    """What a build did: counts, skipped inputs with reasons, output paths."""

    out: Path
    documents: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    entities: int = 0
    events: int = 0
    triples: int = 0
    seconds: float = 0.0
    cache_hits: int = 0
    outputs: dict[str, Path] = field(default_factory=dict)

    def summary(self) -> dict:
        """Plain-data summary (also written to ``OUT/build.json``)."""
        return {
            "documents_read": self.documents,
            "documents_skipped": [{"path": s.path, "reason": s.reason} for s in self.skipped],
            "entities": self.entities,
            "events": self.events,
            "triples": self.triples,
            "seconds": round(self.seconds, 2),
            "cache_hits": self.cache_hits,
        }


def _analyse_batch(args: tuple[list[SourceDoc], str]) -> list:
    """Worker: analyse some documents in a fresh process (model loaded once per process)."""
    docs, model = args
    from kg.extract import analyse_documents
    from kg.kb import load_kb
    from kg.nlp import load_pipeline

    out = []
    for r in analyse_documents(docs, load_pipeline(model), load_kb()):
        out.append(r if isinstance(r, DocAnalysis) else (r[0], f"{type(r[1]).__name__}: {r[1]}"))
    return out


def analyse(docs: Sequence[SourceDoc], *, jobs: int = 1, model: str = "ja_ginza", cache=None,
            progress: Callable[[int], None] | None = None) -> tuple[list[DocAnalysis], list[Skipped]]:
    """Analyse documents (cached ones are not parsed again), in ``jobs`` processes.

    Returns the analyses in input order and the documents the pipeline failed on.
    """
    results: dict[str, DocAnalysis] = {}
    failed: list[Skipped] = []
    todo: list[SourceDoc] = []
    for d in docs:
        hit = cache.get(d) if cache is not None else None
        if hit is not None:
            results[d.doc_id] = hit
            if progress:
                progress(1)
        else:
            todo.append(d)

    def take(r) -> None:
        if isinstance(r, DocAnalysis):
            results[r.doc.doc_id] = r
            if cache is not None:
                cache.put(r)
        else:
            doc, err = r
            failed.append(Skipped(doc.path or doc.doc_id, str(ExtractionError.make(
                "E202", path=doc.path or doc.doc_id, detail=str(err)))))
        if progress:
            progress(1)

    if todo and jobs > 1:
        import multiprocessing as mp

        batches = [todo[i:i + DOCS_PER_TASK] for i in range(0, len(todo), DOCS_PER_TASK)]
        with mp.get_context("spawn").Pool(min(jobs, len(batches))) as pool:
            for batch in pool.imap(_analyse_batch, [(b, model) for b in batches]):
                for r in batch:
                    take(r)
    elif todo:
        from kg.extract import analyse_documents
        from kg.kb import load_kb
        from kg.nlp import load_pipeline

        nlp, kb = load_pipeline(model), load_kb()
        for r in analyse_documents(todo, nlp, kb):
            take(r)
    return [results[d.doc_id] for d in docs if d.doc_id in results], failed


def _swap_in(staging: Path, out: Path) -> None:
    """Replace ``out`` by ``staging`` with renames only (the old build stays until the new one is in)."""
    old = out.parent / f".{out.name}.old-{os.getpid()}"
    if out.exists():
        os.replace(out, old)
    os.replace(staging, out)
    if old.exists():
        shutil.rmtree(old, ignore_errors=True)


def build(sources: Iterable[str | Path], out: str | Path = "build", *, jobs: int = 1, use_cache: bool = True,
          cache_dir: str | Path | None = None, strict: bool = False, model: str = "ja_ginza",
          viewer: bool = True, store: bool = True,
          progress: Callable[[int, int], None] | None = None) -> BuildResult:
    """Build the knowledge graph of some article files or folders into ``out``.

    Parameters
    ----------
    sources : iterable of paths
        Files (``.txt``, ``.md``, ``.html``, ``.htm``, ``.jsonl``) or folders (read recursively).
    out : path
        The build folder: ``graph.trig``, ``graph.html``, ``report.md``, ``graph.graphml``,
        ``graph.gexf``, ``build.json`` and the query store ``store/``.
    jobs : int
        Worker processes for parsing.
    use_cache, cache_dir
        Per-document analysis cache (default folder ``.kg-cache`` or ``$KG_CACHE_DIR``).
    strict : bool
        Any skipped input makes the build fail (and leaves ``out`` untouched).
    progress : callable(done, total), optional
        Called as documents are analysed.

    Raises
    ------
    KGError
        ``E301`` when nothing could be built, ``E302`` under ``strict``, ``E107`` for a missing path.
    """
    from kg.cache import DEFAULT_CACHE_DIR, AnalysisCache
    from kg.ingest import read_sources
    from kg.kb import load_kb
    from kg.link import link_corpus
    from kg.ontology import ontology_graph
    from kg.rdf import to_dataset, write_trig
    from kg.store import persist

    t0 = time.perf_counter()
    if isinstance(sources, (str, Path)):
        sources = [sources]
    out = Path(out)
    result = BuildResult(out=out)
    docs: list[SourceDoc] = []
    for r in read_sources(sources):  # duplicate ids come back as Skipped (E109)
        if isinstance(r, Skipped):
            result.skipped.append(r)
        else:
            docs.append(r)
    if strict and result.skipped:
        raise KGError.make("E302", detail="; ".join(s.reason for s in result.skipped))
    cache = AnalysisCache(Path(cache_dir) if cache_dir else DEFAULT_CACHE_DIR, {"model": model}) if use_cache else None
    done = [0]

    def tick(n: int) -> None:
        done[0] += n
        if progress:
            progress(done[0], len(docs))

    analyses, failed = analyse(docs, jobs=jobs, model=model, cache=cache, progress=tick)
    result.skipped.extend(failed)
    result.cache_hits = cache.hits if cache is not None else 0
    if strict and failed:
        raise KGError.make("E302", detail="; ".join(s.reason for s in failed))
    if not analyses:
        reasons = "; ".join(s.reason for s in result.skipped) or "no article files were found"
        raise KGError.make("E301", detail=reasons)

    kb = load_kb()
    corpus = link_corpus(analyses, kb)
    ds = to_dataset(corpus, kb, ontology_graph())
    result.documents = len(analyses)
    result.entities = len(corpus.entities)
    result.events = len(corpus.events)

    out.parent.mkdir(parents=True, exist_ok=True)
    staging = out.parent / f".{out.name}.staging-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    try:
        result.triples = write_trig(ds, staging / "graph.trig")
        result.outputs["graph.trig"] = out / "graph.trig"
        result.seconds = time.perf_counter() - t0
        if viewer:
            from kg.report import write_outputs

            for name, p in write_outputs(ds, staging, result.summary()).items():
                result.outputs[name] = out / Path(p).name
        if store:
            persist(staging / "graph.trig", staging)
        result.seconds = time.perf_counter() - t0
        (staging / "build.json").write_text(
            json.dumps(result.summary() | {"seconds": None}, ensure_ascii=False, indent=1, sort_keys=True),
            encoding="utf-8")
        _swap_in(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    result.seconds = time.perf_counter() - t0
    return result
