"""`kg serve`: a read-only SPARQL 1.1 Protocol endpoint, queried over HTTP, updates refused."""

from __future__ import annotations

import subprocess
import sys
import time

import httpx
import pytest

from kg.serve import free_port, start

PREFIX = "PREFIX kz: <https://w3id.org/kizuna/ontology#>\nPREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"


@pytest.fixture(scope="module")
def server(mini_build):
    srv = start(mini_build, "127.0.0.1", free_port(), timeout=10, wait=20)
    try:
        yield srv
    finally:
        srv.stop()
    assert srv.process.poll() is not None


def _select(server, query: str) -> list[dict]:
    r = httpx.get(server.endpoint, params={"query": PREFIX + query},
                  headers={"Accept": "application/sparql-results+json"}, timeout=10)
    r.raise_for_status()
    return r.json()["results"]["bindings"]


@pytest.mark.parametrize("query,column,expected", [
    ("SELECT ?n WHERE { ?p a kz:Person ; skos:prefLabel ?n FILTER (lang(?n) = 'en') } ORDER BY ?n",
     "n", ["Fumio Kishida", "Jens Stoltenberg", "Joe Biden"]),
    # union default graph: events (document graphs) joined with labels (background graph)
    ("SELECT ?n WHERE { ?e kz:eventType kz:ACCUSE ; kz:target/skos:prefLabel ?n FILTER (lang(?n) = 'ja') } ORDER BY ?n",
     "n", ["ロシア", "北朝鮮"]),
])
def test_http_select(server, query, column, expected):
    rows = _select(server, query)
    assert sorted({b[column]["value"] for b in rows}) == sorted(expected)


def test_post_query_and_sparqlwrapper(server):
    r = httpx.post(server.endpoint, content=PREFIX + "ASK { ?e kz:eventType kz:ASSAULT }",
                   headers={"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"},
                   timeout=10)
    assert r.status_code == 200 and r.json()["boolean"] is True
    SPARQLWrapper = pytest.importorskip("SPARQLWrapper")
    sw = SPARQLWrapper.SPARQLWrapper(server.endpoint)
    sw.setQuery(PREFIX + "SELECT (COUNT(?e) AS ?n) WHERE { ?e a kz:Event }")
    sw.setReturnFormat(SPARQLWrapper.JSON)
    assert sw.query().convert()["results"]["bindings"][0]["n"]["value"] == "7"


def test_update_is_refused(server):
    update = "INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }"
    r = httpx.post(server.update_endpoint, content=update,
                   headers={"Content-Type": "application/sparql-update"}, timeout=10)
    assert r.status_code >= 400
    r2 = httpx.post(server.endpoint, data={"update": update}, timeout=10)
    assert r2.status_code >= 400
    assert _select(server, "SELECT ?o WHERE { <http://example.org/a> ?p ?o }") == []


def test_query_page(server):
    r = httpx.get(server.url, timeout=10)
    assert r.status_code == 200 and "html" in r.headers.get("content-type", "")


def test_port_taken(mini_build, server):
    from kg.errors import ConfigError

    port = int(server.endpoint.rsplit(":", 1)[1].split("/")[0])
    with pytest.raises(ConfigError, match="E503"):
        start(mini_build, "127.0.0.1", port, timeout=5, wait=5).stop()


def test_cli_prints_url(mini_build):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", str(mini_build), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = ""
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            line = proc.stdout.readline()
            if line:
                break
        assert line.strip() == f"SPARQL query page: http://127.0.0.1:{port}/"
        r = httpx.get(f"http://127.0.0.1:{port}/query", params={"query": "ASK { ?s ?p ?o }"},
                      headers={"Accept": "application/sparql-results+json"}, timeout=10)
        assert r.json()["boolean"] is True
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)
