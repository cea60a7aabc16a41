"""``kg analyze OUT``: print the network analysis of a build as tables."""

from __future__ import annotations

import click

__all__ = ["command"]


def _show(title: str, df, columns: list[str] | None = None, max_colwidth: int = 40) -> None:
    click.echo(f"\n== {title} ==")
    if df is None or len(df) == 0:
        click.echo("(none)")
        return
    view = df[columns] if columns else df
    click.echo(view.to_string(index=False, max_colwidth=max_colwidth))


def _ties(title: str, df) -> None:
    click.echo(f"\n== {title} ==")
    if len(df) == 0:
        click.echo("(none)")
    for i, r in enumerate(df.to_dict("records"), 1):
        click.echo(f"{i:>2}. {r['a']} – {r['b']}: {r['events']} events ({r['types']}), score {r['score']:g}")
        if r["evidence"]:
            click.echo(f"    「{r['evidence']}」")
        click.echo(f"    — {r['title'] or r['doc_id']} ({r['doc_id']}{', ' + r['date'] if r['date'] else ''})"
                   f"{'  ' + r['url'] if r['url'] else ''}")


@click.command("analyze")
@click.argument("out", type=click.Path())
@click.option("--actor", metavar="NAME", help="Also show this actor's ties (Japanese or English name, or IRI).")
@click.option("--between", nargs=2, metavar="A B", help="Also show the shortest paths between two actors.")
@click.option("--since", metavar="DATE", help="Only events on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--until", metavar="DATE", help="Only events on or before DATE.")
@click.option("--top", default=10, show_default=True, type=click.IntRange(1, 1000), help="Rows per table.")
def command(out, actor, between, since, until, top):
    """Print the actor network of a build: centrality, communities, balance, strongest ties with evidence.

    Example: kg analyze build --actor 習近平 --between Putin "Xi Jinping" --since 2024-01
    """
    from kg.analysis import (
        actor_graph,
        balance,
        centrality,
        communities,
        ego_network,
        load_build,
        shortest_paths,
        strongest_ties,
        ties,
    )

    G = actor_graph(load_build(out), since=since, until=until)
    span = f" from {since or '…'} to {until or '…'}" if since or until else ""
    click.echo(f"actors {G.number_of_nodes()}, ties {G.number_of_edges()}, events {G.graph['events']}{span}")
    _show("Top actors (PageRank)", centrality(G).head(top),
          ["label", "label_en", "cls", "degree", "weighted_degree", "betweenness", "pagerank"])
    com = communities(G).head(top)
    if len(com):
        com = com.assign(members=com["members"].map("、".join))
    _show("Communities (Louvain)", com, ["community", "size", "members"], max_colwidth=100)
    _ties("Strongest cooperative ties", strongest_ties(G, kind="cooperative", n=top))
    _ties("Strongest conflictual ties", strongest_ties(G, kind="conflictual", n=top))
    _show("Cooperation–conflict balance", balance(G).head(top),
          ["a", "b", "events", "VerbalCooperation", "MaterialCooperation", "VerbalConflict", "MaterialConflict",
           "balance", "score"])
    if actor:
        ego = ego_network(G, actor, radius=1)
        _show(f"Ties of {G.nodes[ego.graph['center']].get('label')}", ties(ego),
              ["source", "target", "event_type", "events", "first", "last", "evidence", "doc_id"])
    if between:
        _show(f"Shortest paths {between[0]} → {between[1]}", shortest_paths(G, *between), max_colwidth=60)
