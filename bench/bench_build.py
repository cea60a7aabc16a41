"""Benchmark: a full `kg build` against bare GiNZA on the same texts.

Times, in one run and one process:
  1. bare ``ja_ginza`` ``nlp.pipe`` over the cleaned texts of the sources (model already loaded);
  2. a full ``kg build`` with an empty cache (cold);
  3. the same build again with the cache filled (cached).
and prints the ratios build/bare. Not a test: speed is never asserted.

    .venv/bin/python bench/bench_build.py [SOURCES...] [--repeat N]
"""

from __future__ import annotations

import argparse
import platform
import statistics
import tempfile
import time
from pathlib import Path


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sources", nargs="*", default=[str(Path(__file__).parent.parent / "sources")])
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args(argv)

    from kg.ingest import read_sources
    from kg.nlp import load_pipeline
    from kg.pipeline import build
    from kg.types import SourceDoc

    docs = [d for d in read_sources(a.sources) if isinstance(d, SourceDoc)]
    texts = [d.text for d in docs]
    nlp = load_pipeline()
    list(nlp.pipe(texts[:1]))  # warm up
    bare, cold, cached = [], [], []
    for _ in range(a.repeat):
        t = time.perf_counter()
        list(nlp.pipe(texts, batch_size=16))
        bare.append(time.perf_counter() - t)
        with tempfile.TemporaryDirectory() as tmp:
            t = time.perf_counter()
            build(a.sources, Path(tmp) / "out", cache_dir=Path(tmp) / "cache")
            cold.append(time.perf_counter() - t)
            t = time.perf_counter()
            build(a.sources, Path(tmp) / "out", cache_dir=Path(tmp) / "cache")
            cached.append(time.perf_counter() - t)
    b, c, k = statistics.median(bare), statistics.median(cold), statistics.median(cached)
    chars = sum(len(x) for x in texts)
    print(f"machine: {platform.machine()} {platform.processor() or ''} python {platform.python_version()}")
    print(f"texts: {len(texts)} documents, {chars} characters; median of {a.repeat} runs")
    print(f"bare ja_ginza nlp.pipe   {b:7.2f} s   1.00x")
    print(f"kg build (cold cache)    {c:7.2f} s   {c / b:5.2f}x")
    print(f"kg build (cached)        {k:7.2f} s   {k / b:5.2f}x")


if __name__ == "__main__":
    main()
