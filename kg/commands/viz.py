"""``kg viz OUT``: render a subgraph of a build as an offline HTML viewer."""

from __future__ import annotations

from pathlib import Path

import click

__all__ = ["command"]


@click.command("viz")
@click.argument("out", type=click.Path())
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False),
              help="HTML file to write (default OUT/view.html).")
@click.option("--query", "query", type=click.Path(exists=True, dir_okay=False),
              help="A SPARQL SELECT or CONSTRUCT file: keep the actors it names.")
@click.option("--actor", metavar="NAME", help="Draw the ego network of this actor (Japanese or English name, or IRI).")
@click.option("--depth", default=1, show_default=True, type=click.IntRange(1, 5), help="Hops around --actor.")
@click.option("--since", metavar="DATE", help="Only events on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--until", metavar="DATE", help="Only events on or before DATE.")
@click.option("--max-nodes", default=300, show_default=True, type=click.IntRange(2, 100000),
              help="Above this many actors, draw only the top ones with a precomputed layout.")
def command(out, output, query, actor, depth, since, until, max_nodes):
    """Render the actor network (or the part chosen by SPARQL or around an actor) as an offline HTML page.

    Example: kg viz build --actor プーチン --depth 2 -o putin.html
    """
    from kg.analysis import actor_graph, ego_network, load_build
    from kg.viz import subgraph_by_query, write_html

    ds = load_build(out)
    G = actor_graph(ds, since=since, until=until)
    title = "Kizuna"
    if query:
        G = subgraph_by_query(ds, G, Path(query).read_text(encoding="utf-8"))
        title += f" · {Path(query).name}"
    if actor:
        G = ego_network(G, actor, radius=depth)
        title += f" · {G.nodes[G.graph['center']].get('label')} ({depth})"
    path = write_html(G, Path(output) if output else Path(out) / "view.html", title=title, max_nodes=max_nodes)
    click.echo(f"{G.number_of_nodes()} actors, {G.number_of_edges()} ties -> {path}")
