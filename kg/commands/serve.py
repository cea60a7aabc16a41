"""``kg serve OUT``: a read-only SPARQL 1.1 endpoint over a build."""

from __future__ import annotations

import sys
from pathlib import Path

import click

__all__ = ["command"]


@click.command("serve")
@click.argument("out", type=click.Path(exists=True, file_okay=False))
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535), help="Port (0: any free port).")
@click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(min=1), help="Query time limit in seconds.")
def command(out, host, port, timeout):
    """Serve the build in OUT over HTTP (SPARQL 1.1 Protocol, read-only) until Ctrl-C.

    Point any SPARQL client (SPARQLWrapper, Jupyter, YASGUI) at the /query URL
    it prints; the default graph is the union of all graphs.

    Example: kg serve build --port 7878
    """
    from kg.serve import serve

    def ready(server):
        click.echo(f"SPARQL query page: {server.url}")  # flush: a parent may be reading the pipe
        click.echo(f"SPARQL endpoint:   {server.endpoint}  (read-only, {timeout:g} s per query; Ctrl-C stops)")

    code = serve(Path(out), host, port, timeout=timeout, on_ready=ready)
    if code:
        sys.exit(code)
