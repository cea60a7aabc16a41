"""The per-document analysis cache."""

from __future__ import annotations

import pytest

from kg.cache import AnalysisCache, pipeline_fingerprint
from kg.types import DocAnalysis, EventCandidate, Mention, Removed, Sentence, SourceDoc, StatedFact

TEXT = "中国の習近平国家主席は北京でロシアのプーチン大統領と会談した。"


def analysis(text: str = TEXT, **doc_kw) -> DocAnalysis:
    doc = SourceDoc("x.txt", text, published="2024-05-16", removed=(Removed("read-time", "1 min read"),), **doc_kw)
    ms = (Mention(0, 2, "中国", "Country", 0, key="china", source="kb"),
          Mention(3, 6, "習近平", "Person", 0, key="xi-jinping", source="kb", position="国家主席"),
          Mention(23, 27, "プーチン", "Person", 0, key="vladimir-putin", source="kb", position="大統領"))
    evs = (EventCandidate("CONSULT", 0, actors=(1,), targets=(2,), trigger="会談", date="2024-05-16"),)
    return DocAnalysis(doc, (Sentence(0, len(text)),), ms, evs, (StatedFact("affiliation", 1, 0, 0, "国家主席"),))


def test_round_trip(tmp_path):
    c = AnalysisCache(tmp_path, {"model": "ja_ginza"})
    a = analysis()
    assert c.get(a.doc) is None and c.misses == 1
    c.put(a)
    assert c.get(a.doc) == a and c.hits == 1


@pytest.mark.parametrize("change", [
    {"text": TEXT + "両首脳は握手した。"},
    {"published": "2024-05-17"},
    {"title": "見出し"},
])
def test_key_changes_with_the_document(tmp_path, change):
    c = AnalysisCache(tmp_path)
    a = analysis()
    c.put(a)
    other = SourceDoc(**{**a.doc.__dict__, **change})
    assert c.get(other) is None


def test_key_changes_with_settings(tmp_path):
    a = analysis()
    AnalysisCache(tmp_path, {"model": "ja_ginza"}).put(a)
    assert AnalysisCache(tmp_path, {"model": "ja_ginza_electra"}).get(a.doc) is None


def test_broken_entry_is_a_miss(tmp_path):
    c = AnalysisCache(tmp_path)
    a = analysis()
    c.put(a)
    p = next(tmp_path.rglob("*.json"))
    p.write_text("{not json", encoding="utf-8")
    assert c.get(a.doc) is None


def test_fingerprint_is_stable():
    assert pipeline_fingerprint() == pipeline_fingerprint()
