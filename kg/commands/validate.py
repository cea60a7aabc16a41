"""``kg validate OUT``: check a build against the SHACL shapes."""

from __future__ import annotations

import sys

import click

__all__ = ["command"]


@click.command("validate")
@click.argument("out", type=click.Path(exists=True))
@click.option("--limit", default=50, show_default=True, type=click.IntRange(0), help="Violations to print (0: all).")
@click.option("--full", is_flag=True, help="Print pySHACL's full report instead of one line per violation.")
def command(out, limit, full):
    """Validate a build (a folder with graph.trig, or a .trig file) with the shapes of ontology/shapes.ttl.

    Prints one line per violation (focus node, property, message) and exits
    with 1 when the build does not conform.

    Example: kg validate build
    """
    from kg.validate import validate

    result = validate(out)
    click.echo(result.report_text if full else result.summary(limit or None))
    if not result.conforms:
        sys.exit(1)  # click.Exit is swallowed by kg.cli.main (standalone_mode=False)
