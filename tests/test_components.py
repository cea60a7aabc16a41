import pytest
import spacy

from kg.components import SPANS_KEY, KBRuler, make_kb_ruler  # noqa: F401 (registers the factory)
from kg.kb import load_kb


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("ja")
    nlp.add_pipe("kg_kb_ruler", config={"kb_path": None})
    return nlp


@pytest.mark.parametrize("text,expected", [
    ("ドイツとポーランドの国境で", [("ドイツ", "germany"), ("ポーランド", "poland")]),
    ("NATOの首脳会議がワシントンで開かれた", [("NATO", "nato")]),
    ("スタイルの問題だ", []),   # タイ (Thailand) must not be found inside スタイル
])
def test_ruler_marks_kb_names(nlp, text, expected):
    doc = nlp(text)
    hits = [(text[s:e], key) for s, e, key, *_ in doc.user_data["kg_kb_hits"]]
    for pair in expected:
        assert pair in hits
    if not expected:
        assert hits == []
    assert all(sp.kb_id_ for sp in doc.spans[SPANS_KEY])


def test_factory_declares_what_it_assigns(nlp):
    summary = nlp.analyze_pipes()["summary"]["kg_kb_ruler"]
    assert "doc.spans" in summary["assigns"]
    assert "kg_kb_ruler" in spacy.registry.factories or "kg_kb_ruler" in nlp.factory_names


def test_ruler_accepts_a_given_kb():
    kb = load_kb()
    ruler = KBRuler(spacy.blank("ja"), kb=kb)
    doc = ruler(spacy.blank("ja")("インドネシアとインド"))
    keys = [h[2] for h in doc.user_data["kg_kb_hits"]]
    assert keys == ["indonesia", "india"]
