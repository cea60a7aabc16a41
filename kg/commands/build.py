"""``kg build SOURCES... -o OUT``: build the knowledge graph."""

from __future__ import annotations

import sys

import click

__all__ = ["command"]


@click.command("build")
@click.argument("sources", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--out", default="build", show_default=True, type=click.Path(), help="Build folder.")
@click.option("-j", "--jobs", default=1, show_default=True, type=click.IntRange(1, 64), help="Parser processes.")
@click.option("--no-cache", is_flag=True, help="Parse every document again (ignore the analysis cache).")
@click.option("--cache-dir", type=click.Path(), help="Analysis cache folder (default .kg-cache or $KG_CACHE_DIR).")
@click.option("--strict", is_flag=True, help="Fail (exit 1, OUT untouched) if any input is skipped.")
@click.option("--no-viewer", is_flag=True, help="Skip graph.html, report.md, GraphML and GEXF.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def command(sources, out, jobs, no_cache, cache_dir, strict, no_viewer, quiet):
    """Build a knowledge graph from news articles (.txt/.md/.html/.jsonl files or folders).

    Example: kg build sources/ -o build
    """
    from kg.pipeline import build

    bar = None
    if not quiet:
        from tqdm import tqdm

        bar = tqdm(total=0, unit="doc", desc="analysing", file=sys.stderr, dynamic_ncols=True)

    def progress(done: int, total: int) -> None:
        if bar is not None:
            bar.total = total
            bar.n = done
            bar.refresh()

    try:
        r = build(sources, out, jobs=jobs, use_cache=not no_cache, cache_dir=cache_dir, strict=strict,
                  viewer=not no_viewer, progress=progress)
    finally:
        if bar is not None:
            bar.close()
    click.echo(f"documents read     {r.documents}")
    click.echo(f"documents skipped  {len(r.skipped)}")
    for s in r.skipped:
        click.echo(f"  - {s.path}: {s.reason}")
    click.echo(f"entities           {r.entities}")
    click.echo(f"events             {r.events}")
    click.echo(f"triples            {r.triples}")
    click.echo(f"cached documents   {r.cache_hits}")
    click.echo(f"time               {r.seconds:.1f} s")
    click.echo(f"graph              {r.out / 'graph.trig'}")
    if "graph.html" in r.outputs:
        click.echo(f"viewer             {r.outputs['graph.html']}  (open it in a browser; works offline)")
    if "report.md" in r.outputs:
        click.echo(f"report             {r.outputs['report.md']}")
