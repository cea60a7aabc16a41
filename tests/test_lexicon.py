"""The predicate lexicons load, are large and well-formed."""

from __future__ import annotations

import pytest

from kg.extract.lexicon import PLOVER_TYPES, load_lexicon


@pytest.mark.parametrize(("lang", "minimum"), [("ja", 400), ("en", 200)])
def test_size_and_types(lang, minimum):
    lex = load_lexicon(lang)
    assert len(lex) >= minimum
    types = {p.etype for ps in lex.predicates.values() for p in ps}
    assert types == set(PLOVER_TYPES)
    assert all(0.0 <= p.strength <= 1.0 for ps in lex.predicates.values() for p in ps)


@pytest.mark.parametrize(
    ("lemma", "objects", "etype"),
    [
        ("会談", (), "CONSULT"),
        ("電話会談", (), "CONSULT"),
        ("制裁", (), "SANCTION"),
        ("侵攻", (), "ASSAULT"),
        ("撤退", (), "RETREAT"),
        ("要求", (), "REQUEST"),
        ("拒否", (), "REJECT"),
        ("配備", (), "MOBILIZE"),
        ("没収", (), "COERCE"),
        ("抗議デモ", (), "PROTEST"),
        ("強化", ("協力関係",), "COOPERATE"),
        ("結ぶ", ("協定",), "AGREE"),
    ],
)
def test_japanese_lookup(lemma, objects, etype):
    assert load_lexicon("ja").lookup(lemma, objects).etype == etype


def test_modes():
    lex = load_lexicon("ja")
    assert lex.lookup("電話会談").mode == "phone"
    assert lex.lookup("空爆").mode == "aerial"
    assert lex.lookup("人道支援").mode == "humanitarian"


def test_light_verbs_and_retyping():
    lex = load_lexicon("ja")
    assert lex.is_light("科す") and lex.is_light("行う") and not lex.is_light("非難")
    assert lex.retype("表明", "AID") == "SUPPORT"
    assert lex.retype("科す", "SANCTION") == "SANCTION"


def test_restricted_entry_needs_its_object():
    assert load_lexicon("ja").lookup("深める", ("理解",)) is None
