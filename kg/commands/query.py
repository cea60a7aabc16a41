"""``kg query OUT QUERY`` / ``kg query OUT -f FILE.rq``: run SPARQL over a build."""

from __future__ import annotations

from pathlib import Path

import click

__all__ = ["command"]


@click.command("query")
@click.argument("out", type=click.Path(exists=True, file_okay=False))
@click.argument("query", required=False)
@click.option("-f", "--file", "file", type=click.Path(exists=True, dir_okay=False), help="Read the query from a .rq file.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json", "turtle"]), default="table",
              show_default=True, help="Output format (json: SPARQL 1.1 JSON results; turtle: for CONSTRUCT).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), help="Give up after this many seconds.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind a variable before running (e.g. target=kzr:nato); repeatable.")
def command(out, query, file, fmt, timeout, params):
    """Run a SPARQL query over the build in OUT (prefixes kz:, kzr:, skos:, schema: … are pre-bound).

    The default graph is the union of all graphs; GRAPH ?g reaches each document's graph.

    Example: kg query build 'SELECT ?p ?l WHERE { ?p a kz:Person ; skos:prefLabel ?l }'

    Example: kg query build -f queries/meetings.rq --format csv

    Example: kg query build -f queries/criticism.rq --param target=kzr:nato
    """
    from kg.query import run_query

    if (query is None) == (file is None):
        raise click.UsageError("give the query text or -f FILE.rq (exactly one)")
    text = Path(file).read_text(encoding="utf-8") if file else query
    bound = {}
    for p in params:
        name, sep, value = p.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(f"expected NAME=VALUE, got {p!r}", param_hint="--param")
        bound[name.strip()] = value
    result = run_query(Path(out), text, timeout=timeout, params=bound)
    if fmt == "turtle" and result.kind != "graph":
        raise click.UsageError("--format turtle is for CONSTRUCT or DESCRIBE queries")
    if fmt == "table" and result.kind == "graph":
        fmt = "turtle"
    click.echo(result.format(fmt).rstrip("\n"))
