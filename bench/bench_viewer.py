"""Benchmark: time until a synthetic actor graph is interactive and stable in headless Chromium.

Not a test. Run::

    .venv/bin/python bench/bench_viewer.py [--actors 1000] [--edges 3000] [--max-nodes 300]

It prints, for the default viewer (top ``--max-nodes`` actors, layout
precomputed in Python) and for the full graph drawn with physics
(``--max-nodes`` raised above the actor count): the Python render time, the
page load time, and the time from navigation until physics has stabilised
and stopped (``window.kgViewer.ready``), all network requests blocked.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

import networkx as nx

from kg.analysis.projection import EVENT_TYPE_TABLE
from kg.viz import write_html

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


def synthetic(n_actors: int, n_edges: int, seed: int = 1) -> nx.MultiDiGraph:
    """A scale-free-ish actor graph with ``n_edges`` (pair, type) edges and one evidence sentence each."""
    rnd = random.Random(seed)
    G = nx.MultiDiGraph()
    for i in range(n_actors):
        G.add_node(f"kzr:actor{i}", label=f"主体{i}", label_ja=f"主体{i}", label_en=f"Actor {i}", alt=[],
                   cls=("Person", "Country", "Organization")[i % 3], subclass="")
    types = sorted(EVENT_TYPE_TABLE)
    weights = [1.0 / (i + 1) ** 0.8 for i in range(n_actors)]
    while G.number_of_edges() < n_edges:
        u, v = rnd.choices(range(n_actors), weights=weights, k=2)
        t = rnd.choice(types)
        if u == v or G.has_edge(f"kzr:actor{u}", f"kzr:actor{v}", t):
            continue
        quad, score = EVENT_TYPE_TABLE[t]
        date = f"2024-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
        G.add_edge(f"kzr:actor{u}", f"kzr:actor{v}", key=t, event_type=t, weight=rnd.randint(1, 4), quad=quad,
                   score=score, cooperative=quad.endswith("Cooperation"), symmetric=False, dates=[date],
                   evidence=[{"text": f"主体{u}は主体{v}に対して行動した。", "date": date, "doc_id": f"d{u}.txt",
                              "title": "合成記事", "url": "https://example.org/a"}])
    return G


def measure(browser, path: Path) -> dict[str, float]:
    url = path.resolve().as_uri()
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.route("**/*", lambda r: r.continue_() if r.request.url == url else r.abort())
    t0 = time.perf_counter()
    page.goto(url, wait_until="load")
    loaded = time.perf_counter() - t0
    page.wait_for_function("window.kgViewer && window.kgViewer.ready", timeout=600_000, polling=50)
    ready = time.perf_counter() - t0
    drawn = page.evaluate("[window.nodes.length, window.edges.length, window.network.physics.physicsEnabled]")
    page.close()
    return {"load_s": loaded, "ready_s": ready, "nodes": drawn[0], "edges": drawn[1], "physics_on": drawn[2]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--actors", type=int, default=1000)
    ap.add_argument("--edges", type=int, default=3000)
    ap.add_argument("--max-nodes", type=int, default=300)
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    a = ap.parse_args()
    from playwright.sync_api import sync_playwright

    G = synthetic(a.actors, a.edges)
    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=a.chromium, args=ARGS)
        for name, limit in (("default (top actors, precomputed layout)", a.max_nodes),
                            ("full graph, physics then stop", a.actors + 1)):
            t0 = time.perf_counter()
            path = write_html(G, tmp / f"bench-{limit}.html", max_nodes=limit)
            render = time.perf_counter() - t0
            r = measure(browser, path)
            print(f"{name}: {a.actors} actors / {G.number_of_edges()} edges -> drew {r['nodes']} nodes, "
                  f"{r['edges']} edges; render {render:.2f} s, page load {r['load_s']:.2f} s, "
                  f"interactive and stable after {r['ready_s']:.2f} s (physics on: {r['physics_on']}); "
                  f"{path.stat().st_size / 1e6:.1f} MB")
        browser.close()


if __name__ == "__main__":
    main()
