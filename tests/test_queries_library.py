"""Every analyst question in queries/ runs and gives checked answers (mini build now, sample build slow)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.query import run_query

ROOT = Path(__file__).resolve().parent.parent
QUERIES = sorted((ROOT / "queries").glob("*.rq"))
K = "https://w3id.org/kizuna/id/"
ONT = "https://w3id.org/kizuna/ontology#"


def _run(build: Path, name: str, **params):
    return run_query(build, (ROOT / "queries" / f"{name}.rq").read_text(encoding="utf-8"), timeout=120,
                     params=params or None)


def test_library_size():
    assert len(QUERIES) >= 15


@pytest.mark.parametrize("path", QUERIES, ids=[p.stem for p in QUERIES])
def test_each_query_states_its_question(path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# Question: ") and first.endswith("?") and len(first) > 25


# query -> a check of its answer on the mini build
def _meetings(r):
    (row,) = r.records()
    assert (row["a"], row["b"]) == (K + "fumio-kishida", K + "joe-biden")
    assert row["date"] == "2024-03-09" and row["places"] == "ワシントン" and row["reports"] == 1
    assert "会談" in row["evidence"] and row["documents"] == "mini_ja_001.txt"


def _agreements(r):
    (row,) = r.records()
    assert row["class"] == ONT + "JointStatement" and row["date"] == "2024-03-09"
    assert set(row["parties"].split(", ")) == {"日本", "米国"}


def _blocs(r):
    assert [(x["blocLabel"], x["memberLabel"], x["memberMentioned"]) for x in r.records()] == [
        ("NATO", "United States", False)]


def _criticism(r):
    pairs = {(x["actor"].rsplit("/", 1)[1], x["target"].rsplit("/", 1)[1]) for x in r.records()}
    assert pairs == {("fumio-kishida", "north-korea"), ("joe-biden", "north-korea"), ("jens-stoltenberg", "russia")}


def _per_month(r):
    got = {(x["month"], x["type"].rsplit("#", 1)[1]): x["events"] for x in r.records()}
    assert got == {("2024-03", "CONSULT"): 1, ("2024-03", "AGREE"): 1, ("2024-03", "ACCUSE"): 1,
                   ("2024-03", "COOPERATE"): 1, ("2024-04", "ACCUSE"): 1, ("2024-04", "ASSAULT"): 1}


def _offices(r):
    got = {(x["personLabel"], x["titleEn"], x["ofLabel"]) for x in r.records()}
    assert got == {("岸田文雄", "Prime Minister", "日本"), ("バイデン", "President", "米国"),
                   ("ストルテンベルグ", "Secretary General", "北大西洋条約機構")}


def _balance(r):
    got = {(x["labelA"], x["labelB"]): (x["events"], x["total"]) for x in r.records()}
    assert got[("Japan", "United States")] == (2, 11.0)  # CONSULT +4, AGREE +7; ACCUSE is not between them
    assert got[("China", "Russia")] == (1, 6.0)
    assert got[("Japan", "North Korea")] == (1, -4.0)


def _edge(r):
    rows = r.records()
    assert {x["type"].rsplit("#", 1)[1] for x in rows if x["b"] == K + "russia"} == {"ACCUSE", "COOPERATE"}
    for x in rows:
        assert x["end"] - x["begin"] == len(x["sentence"])


def _wikidata(r):
    got = {x["en"]: x["wikidata"].rsplit("/", 1)[1] for x in r.records()}
    assert got["Russia"] == "Q159" and got["NATO"] == "Q7184" and "Kharkiv" not in got
    assert {x["class"] for x in r.records() if x["en"] == "NATO"} == {ONT + "InternationalOrganization"}


def _additions(r):
    by_doc = {}
    for x in r.records():
        by_doc.setdefault(x["id"], set()).add((x["kind"], x["item"].rsplit("/", 1)[1]))
    assert ("entity", "kharkiv") in by_doc["mini_en_002.txt"]
    assert ("entity", "north-korea") in by_doc["mini_ja_001.txt"]
    assert not any(k == "entity" and i == "russia" for k, i in by_doc["mini_ja_001.txt"])


def _top(r):
    top = r.records()[:3]
    assert {x["en"] for x in top} == {"Fumio Kishida", "Joe Biden", "Russia"} and top[0]["events"] == 3


def _removed(r):
    got = {x["id"]: (x["removedBlocks"], x["removedText"]) for x in r.records()}
    assert got["mini_en_002.txt"] == (1, "Subscribe to our newsletter")
    assert got["mini_ja_001.txt"][0] == 0 and not got["mini_ja_001.txt"][1]


def _negated(r):
    (row,) = r.records()
    assert row["type"] == ONT + "RETREAT" and row["actors"] == "Russia" and "did not" in row["evidence"]


def _confidence(r):
    conf = r.column("confidence")
    assert conf == sorted(conf) and conf[0] == 0.6 and len(conf) == 7


def _types(r):
    rows = r.records()
    assert len(rows) == 16 and rows[0]["score"] >= rows[-1]["score"] and rows[-1]["en"] == "assault"
    assert {x["en"]: x["events"] for x in rows}["accuse"] == 2


def _quads(r):
    got = {x["label"]: x["events"] for x in r.records()}
    assert got == {"verbal cooperation": 2, "verbal conflict": 2, "material cooperation": 1, "material conflict": 1}


def _mentions(r):
    first = r.records()[0]
    assert first["en"] == "Russia" and first["mentions"] == 3 and first["surfaces"] == "Russia"


def _network(r):
    text = r.to_turtle()
    for edge in ("kzr:fumio-kishida kz:consult kzr:joe-biden", "kzr:jens-stoltenberg kz:accuse kzr:russia"):
        assert edge.split()[1] in text
    assert r.kind == "graph" and len(r) > 10


def _places(r):
    got = {x["en"]: (x["events"], x["country"]) for x in r.records()}
    assert got["Washington, D.C."] == (2, K + "united-states") and got["Kharkiv"][0] == 1


CHECKS = {
    "meetings": _meetings, "agreements": _agreements, "bloc_members": _blocs, "criticism": _criticism,
    "events_per_month": _per_month, "offices": _offices, "cooperation_balance": _balance,
    "edge_evidence": _edge, "wikidata_links": _wikidata, "document_additions": _additions,
    "top_actors": _top, "removed_text": _removed, "negated_events": _negated,
    "events_by_confidence": _confidence, "event_types": _types, "quad_classes": _quads,
    "entity_mentions": _mentions, "actor_network": _network, "event_places": _places,
}


def test_every_query_has_a_check():
    assert {p.stem for p in QUERIES} == set(CHECKS)


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_query_on_mini_build(mini_build, name):
    CHECKS[name](_run(mini_build, name))


@pytest.mark.parametrize("name,params,column,expected", [
    ("criticism", {"target": "kzr:russia"}, "actor", [K + "jens-stoltenberg"]),
    ("edge_evidence", {"a": "kzr:china", "b": "kzr:russia"}, "type", [ONT + "COOPERATE"]),
    ("meetings", {"a": "kzr:russia"}, "e", []),
])
def test_parameters(mini_build, name, params, column, expected):
    assert _run(mini_build, name, **params).column(column) == expected


# ---------------------------------------------------------------- the sample build (slow)

@pytest.fixture(scope="module")
def sample(request) -> Path:
    try:
        return request.getfixturevalue("sample_build")
    except pytest.FixtureLookupError:
        pytest.skip("no `sample_build` fixture in tests/conftest.py yet")


@pytest.mark.slow
def test_sample_beijing_summit(sample):
    rows = _run(sample, "meetings", a="kzr:vladimir-putin", b="kzr:xi-jinping").records()
    assert rows, "no CONSULT event between Putin and Xi"
    summit = [x for x in rows if "北京" in (x["places"] or "")]
    assert summit, rows
    assert any(str(x["date"]).startswith("2024-05") for x in summit), [x["date"] for x in summit]
    assert all(x["evidence"] and x["reports"] >= 1 for x in summit)


@pytest.mark.slow
def test_sample_every_query_answers(sample):
    empty = [name for name in sorted(CHECKS) if len(_run(sample, name)) == 0]
    assert not [n for n in empty if n not in ("negated_events", "removed_text")], empty


@pytest.mark.slow
@pytest.mark.parametrize("name,needle", [
    ("wikidata_links", "Q159"), ("agreements", "共同声明"), ("cooperation_balance", "https://w3id.org/kizuna/id/china"),
])
def test_sample_answers(sample, name, needle):
    assert needle in _run(sample, name).to_csv()


@pytest.mark.slow
def test_sample_validates(sample):
    from kg.validate import validate

    res = validate(sample)
    assert res.conforms, res.summary(20)
