"""End-to-end: `kg build` on real inputs (GiNZA; slow).

Covers the schema of the sample build (checked with SPARQL), the offset
invariant, determinism, the cache, every bad input, --strict, exit codes,
atomic outputs and the offline viewer.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset

from kg.cli import main as cli_main
from kg.errors import KGError

from .conftest import GOLD, SOURCES

pytestmark = pytest.mark.slow

GOOD = "ロシアのラブロフ外相は20日、モスクワで中国の王毅外相と会談した。両外相は協力の強化で一致した。\n"
GOOD2 = "米国のバイデン大統領はベルリンでドイツのショルツ首相と会談した。\n"

PREFIXES = """
PREFIX kz: <https://w3id.org/kizuna/ontology#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX itsrdf: <http://www.w3.org/2005/11/its/rdf#>
PREFIX schema: <https://schema.org/>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""


def run_cli(*args: str) -> int:
    try:
        cli_main(list(args))
    except SystemExit as e:
        return int(e.code or 0)
    return 0


# --------------------------------------------------------------------------- the sample build
def test_every_sample_document_is_in_the_graph(sample_dataset):
    ids = {str(r[0]) for r in sample_dataset.query(PREFIXES + """
        SELECT ?id WHERE { ?d a kz:Document ; dcterms:identifier ?id }""")}
    assert ids == {p.name for p in SOURCES.glob("*.txt")}


def test_one_named_graph_per_document_and_a_background_graph(sample_build):
    ds = Dataset()
    ds.parse(sample_build / "graph.trig", format="trig")
    names = {str(g.identifier) for g in ds.graphs() if len(g)}
    assert "https://w3id.org/kizuna/id/graph/background" in names
    for p in SOURCES.glob("*.txt"):
        assert f"https://w3id.org/kizuna/id/doc/{p.name}" in names


def test_documents_have_context_and_metadata(sample_dataset):
    rows = list(sample_dataset.query(PREFIXES + """
        SELECT ?d ?date (COUNT(DISTINCT ?m) AS ?n) WHERE {
          ?d a kz:Document . OPTIONAL { ?d dcterms:date ?date }
          ?ctx a nif:Context ; kz:inDocument ?d ; nif:isString ?s .
          ?m nif:referenceContext ?ctx ; itsrdf:taIdentRef ?e .
          ?d schema:mentions ?e .
        } GROUP BY ?d ?date"""))
    assert len(rows) == 5
    assert all(int(r[2]) >= 10 for r in rows), "every sample article mentions at least 10 entities"
    assert sum(1 for r in rows if r[1] is not None) >= 4, "publication dates come from the front matter"


def test_offsets_slice_the_context(sample_dataset):
    rows = sample_dataset.query(PREFIXES + """
        SELECT ?a ?b ?e ?s WHERE { ?p a nif:Phrase ; nif:anchorOf ?a ; nif:beginIndex ?b ; nif:endIndex ?e ;
                                     nif:referenceContext ?c . ?c nif:isString ?s }""")
    n = 0
    for anchor, b, e, s in rows:
        assert str(s)[int(b):int(e)] == str(anchor)
        n += 1
    assert n > 100


def test_events_are_well_formed(sample_dataset):
    rows = list(sample_dataset.query(PREFIXES + """
        SELECT ?ev ?t ?d ?sent WHERE { ?ev a kz:Event ; kz:eventType ?t ; kz:actor ?a ; kz:inDocument ?d ;
                                       prov:wasDerivedFrom ?p . ?p nif:anchorOf ?sent }"""))
    assert len({r[0] for r in rows}) >= 10
    types = {str(r[1]).rsplit("#", 1)[-1] for r in rows}
    assert "CONSULT" in types


def test_entities_have_labels(sample_dataset):
    unlabeled = list(sample_dataset.query(PREFIXES + """
        SELECT ?e WHERE { ?d schema:mentions ?e FILTER NOT EXISTS { ?e skos:prefLabel ?l } }"""))
    assert unlabeled == []


def test_score_script_finds_all_documents(sample_build):
    score = GOLD / "score.py"
    if not score.exists():
        pytest.skip("the shared gold folder is not beside this checkout")
    r = subprocess.run([sys.executable, str(score), str(sample_build / "graph.trig"), str(GOLD / "seeds")],
                       capture_output=True, text=True, cwd=Path(__file__).parent.parent, timeout=300)
    assert r.returncode == 0, r.stderr
    assert "documents not found" not in r.stdout
    m = re.search(r"^entities\s+P=\S+ R=\S+ F1=(\S+)", r.stdout, re.M)
    assert m and float(m.group(1)) > 0.5


def test_viewer_and_report_are_offline(sample_build):
    html = (sample_build / "graph.html").read_text(encoding="utf-8")
    assert not re.search(r"<(script|link|img)[^>]+(src|href)\s*=\s*[\"']?https?://", html, re.I)
    assert not re.search(r"@import\s+url\(\s*[\"']?https?://", html, re.I)
    for name in ("report.md", "graph.graphml", "graph.gexf", "build.json"):
        assert (sample_build / name).stat().st_size > 0


# --------------------------------------------------------------------------- small builds
@pytest.fixture
def corpus_dir(tmp_path) -> Path:
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / "a.txt").write_text(GOOD, encoding="utf-8")
    (d / "sub" / "b.md").write_text("---\ntitle: 米独首脳会談\npublished: 2023-03-03\n---\n" + GOOD2, encoding="utf-8")
    return d


def test_determinism_and_cache(tmp_path, corpus_dir, monkeypatch):
    from kg.pipeline import build

    r1 = build([corpus_dir], tmp_path / "o1", cache_dir=tmp_path / "c", viewer=False)
    build([corpus_dir], tmp_path / "o2", use_cache=False, viewer=False)
    assert r1.documents == 2 and r1.cache_hits == 0
    assert (tmp_path / "o1" / "graph.trig").read_bytes() == (tmp_path / "o2" / "graph.trig").read_bytes()
    # a rebuild of unchanged sources does not parse: the model is never loaded
    import kg.nlp

    def no_model(*a, **k):
        raise AssertionError("the model was loaded although every document is cached")

    monkeypatch.setattr(kg.nlp, "load_pipeline", no_model)
    r3 = build([corpus_dir], tmp_path / "o3", cache_dir=tmp_path / "c", viewer=False)
    assert r3.cache_hits == 2
    assert (tmp_path / "o3" / "graph.trig").read_bytes() == (tmp_path / "o1" / "graph.trig").read_bytes()


BAD_INPUTS = {
    "empty.txt": b"",
    "binary.txt": b"\x00\x01\x02\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
    "broken-front-matter.md": "---\ntitle: [unclosed\npublished: 2024-01-01\n---\n本文。\n".encode(),
    # Windows-1252 bytes: not UTF-8, Shift_JIS or EUC-JP text
    "undecodable.txt": "Caf\u00e9 na\u00efve r\u00e9sum\u00e9 \u00e0 la cr\u00e8me br\u00fbl\u00e9e. ".encode("cp1252") * 20,
    "bad-date.md": "---\npublished: yesterday\n---\n本文です。\n".encode(),
    "notes.docx": b"PK\x03\x04 not an article",
}


def test_bad_inputs_are_reported_and_skipped(tmp_path, corpus_dir):
    from kg.pipeline import build

    for name, data in BAD_INPUTS.items():
        (corpus_dir / name).write_bytes(data)
    (corpus_dir / "records.jsonl").write_text(
        '{"id": "r1", "text": "' + GOOD.strip() + '"}\nthis is not json\n{"text": "no id"}\n', encoding="utf-8")
    r = build([corpus_dir], tmp_path / "out", cache_dir=tmp_path / "c", viewer=False)
    assert r.documents == 3  # a.txt, b.md, record r1
    reasons = {Path(s.path.split(":")[0]).name: s.reason for s in r.skipped}
    for name in ("empty.txt", "binary.txt", "broken-front-matter.md", "undecodable.txt", "bad-date.md"):
        assert name in reasons, f"{name} should be skipped with a reason; got {sorted(reasons)}"
        assert reasons[name]
    assert sum(1 for s in r.skipped if "records.jsonl" in s.path) == 2
    assert (tmp_path / "out" / "graph.trig").exists()


def test_strict_fails_and_leaves_previous_build(tmp_path, corpus_dir):
    out = tmp_path / "out"
    assert run_cli("build", str(corpus_dir), "-o", str(out), "-q", "--no-viewer",
                   "--cache-dir", str(tmp_path / "c")) == 0
    before = (out / "graph.trig").read_bytes()
    (corpus_dir / "empty.txt").write_bytes(b"")
    assert run_cli("build", str(corpus_dir), "-o", str(out), "-q", "--strict",
                   "--cache-dir", str(tmp_path / "c")) == 1
    assert (out / "graph.trig").read_bytes() == before


def test_exit_codes(tmp_path):
    empty = tmp_path / "nothing"
    empty.mkdir()
    (empty / "e.txt").write_bytes(b"")
    assert run_cli("build", str(empty), "-o", str(tmp_path / "o"), "-q") == 1
    assert not (tmp_path / "o").exists()
    assert run_cli("build", str(tmp_path / "missing"), "-o", str(tmp_path / "o"), "-q") == 1
    assert run_cli("build", "--no-such-option") == 2
    assert run_cli("build") == 2


def test_interrupted_build_leaves_previous_output(tmp_path, corpus_dir, monkeypatch):
    from kg import rdf
    from kg.pipeline import build

    out = tmp_path / "out"
    build([corpus_dir], out, cache_dir=tmp_path / "c", viewer=False)
    before = (out / "graph.trig").read_bytes()

    def boom(ds, path):
        Path(path).write_text("half a file", encoding="utf-8")
        raise KeyboardInterrupt

    monkeypatch.setattr(rdf, "write_trig", boom)
    with pytest.raises(KeyboardInterrupt):
        build([corpus_dir], out, cache_dir=tmp_path / "c", viewer=False)
    assert (out / "graph.trig").read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == []


def test_jobs_give_the_same_graph(tmp_path, corpus_dir):
    from kg.pipeline import build

    build([corpus_dir], tmp_path / "one", use_cache=False, viewer=False)
    build([corpus_dir], tmp_path / "two", use_cache=False, viewer=False, jobs=2)
    assert (tmp_path / "one" / "graph.trig").read_bytes() == (tmp_path / "two" / "graph.trig").read_bytes()


def test_missing_path_is_a_clear_error(tmp_path):
    from kg.pipeline import build

    with pytest.raises(KGError, match="E107"):
        build([tmp_path / "nope"], tmp_path / "o")


def test_python_dash_m(tmp_path):
    r = subprocess.run([sys.executable, "-m", "kg", "--help"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0 and "build" in r.stdout
