"""``kg export OUT --format nquads|turtle|jsonld``: write a build's graph in a standard format."""

from __future__ import annotations

from pathlib import Path

import click

__all__ = ["command"]


@click.command("export")
@click.argument("out", type=click.Path(exists=True, file_okay=False))
@click.option("--format", "fmt", type=click.Choice(["nquads", "turtle", "jsonld"]), default="turtle",
              show_default=True, help="nquads keeps the named graphs; turtle and jsonld write the union graph.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="File to write (default: standard output).")
def command(out, fmt, output):
    """Export the graph of the build in OUT, streamed from its store.

    JSON-LD uses ontology/context.jsonld (short keys such as actor, eventType, prefLabel).

    Example: kg export build --format jsonld -o build/graph.jsonld
    """
    from kg.export import export

    path = export(Path(out), fmt, Path(output) if output else None)
    if path is not None:
        click.echo(f"wrote {path}", err=True)
