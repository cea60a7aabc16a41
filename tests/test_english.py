import logging

import pytest

from kg.kb import load_kb
from kg.recognize.english import classify_latin, english_model, find_mentions_en


@pytest.fixture(scope="module")
def kb():
    return load_kb()


@pytest.mark.parametrize("text,surface,key", [
    ("Officials in Washington said the United States would respond.", "United States", "united-states"),
    ("NATO allies met in Brussels on Tuesday.", "NATO", "nato"),
    ("Ukraine asked for more air defence systems.", "Ukraine", "ukraine"),
])
def test_kb_names_are_linked(kb, text, surface, key):
    ms = find_mentions_en(text, offset=0, sentences=[], kb=kb)
    hit = [m for m in ms if m.text == surface]
    assert hit and hit[0].key == key and hit[0].source == "kb"


@pytest.mark.parametrize("text,surface,cls", [
    ("The report was written by Fiona Hill and Angela Stent last year.", "Fiona Hill", "Person"),
    ("Researchers at the Carnegie Endowment for International Peace disagreed.",
     "Carnegie Endowment for International Peace", "Institute"),
    ("Satellite images from Capella Space Technologies showed new construction.", "Capella Space Technologies",
     "Company"),
    ("A spokesman for the Ministry of Digital Transformation declined to comment.",
     "Ministry of Digital Transformation", "GovernmentBody"),
])
def test_capitalised_fallback_finds_unknown_names(text, surface, cls):
    ms = find_mentions_en(text, offset=5, sentences=[], kb=None)  # no KB: every name is unknown
    hit = [m for m in ms if m.text == surface]
    assert hit and hit[0].cls == cls and hit[0].key is None
    assert all(text[m.start - 5:m.end - 5] == m.text for m in ms)


@pytest.mark.parametrize("text", [
    "However, the talks stalled.",
    "The delegation left early.",
    "But Monday brought no progress.",
])
def test_sentence_initial_function_words_are_not_names(kb, text):
    assert find_mentions_en(text, offset=0, sentences=[], kb=kb) == []


def test_possessive_and_title_are_split_off(kb):
    text = "He met China's President Xi Jinping in the capital."
    ms = find_mentions_en(text, offset=0, sentences=[], kb=kb)
    texts = [m.text for m in ms]
    assert "China" in texts and "Xi Jinping" in texts


def test_reduced_coverage_is_said_once(caplog):
    english_model.cache_clear()
    with caplog.at_level(logging.WARNING, logger="kg.recognize.english"):
        english_model()
        english_model()
    said = [r for r in caplog.records if "English coverage is reduced" in r.getMessage()]
    assert len(said) <= 1


@pytest.mark.parametrize("name,cls", [("Beijing Olympics", "NamedEvent"), ("Joint Statement", "Agreement"),
                                      ("Red Army", "ArmedForces"), ("Sergei Shoigu", "Person")])
def test_classify_latin(name, cls):
    assert classify_latin(name) == cls
