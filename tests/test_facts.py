"""Stated affiliations, memberships and agreement parties."""

from __future__ import annotations

import pytest

from kg.extract.facts import stated_facts_from_text
from kg.types import Mention, Sentence


def M(text, s, e, cls, **kw):
    assert text[s:e]
    return Mention(s, e, text[s:e], cls, 0, **kw)


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        (
            "インドのジャイシャンカル外相は",
            [(0, 3, "Country"), (4, 11, "Person", "外相")],
            {("affiliation", 1, 0, "外相")},
        ),
        (
            "ドイツ首相のショルツ氏は",
            [(0, 3, "Country"), (6, 10, "Person", "")],
            {("affiliation", 1, 0, "首相")},
        ),
        (
            "ショルツ・ドイツ首相は",
            [(0, 4, "Person", ""), (5, 8, "Country")],
            {("affiliation", 0, 1, "首相")},
        ),
        (
            "NATO加盟国のポーランドは",
            [(0, 4, "InternationalOrganization"), (8, 13, "Country")],
            {("memberOf", 1, 0, "")},
        ),
        (
            "日米豪印の枠組みクアッドは",
            [
                (0, 1, "Country"),
                (1, 2, "Country"),
                (2, 3, "Country"),
                (3, 4, "Country"),
                (8, 12, "InternationalOrganization"),
            ],
            {("memberOf", i, 4, "") for i in range(4)},
        ),
        ("インドとブラジルは会談した", [(0, 3, "Country"), (4, 8, "Country")], set()),
    ],
)
def test_surface_facts(text, spans, expected):
    ms = [M(text, s[0], s[1], s[2], position=(s[3] if len(s) > 3 else "")) for s in spans]
    assert set(stated_facts_from_text(text, ms)) == expected


@pytest.mark.slow
def test_parties_and_joining_from_the_parse():
    spacy = pytest.importorskip("spacy")
    pytest.importorskip("ginza")
    from kg.extract.facts import extract_facts

    nlp = spacy.load("ja_ginza")
    text = "ベトナムとラオスは友好条約に署名した。フィンランドはNATOに加盟した。"
    doc = nlp(text)
    spans = [
        ("ベトナム", "Country"),
        ("ラオス", "Country"),
        ("友好条約", "Treaty"),
        ("フィンランド", "Country"),
        ("NATO", "InternationalOrganization"),
    ]
    ms = [Mention(text.index(t), text.index(t) + len(t), t, c, 0) for t, c in spans]
    sents = [Sentence(0, 19), Sentence(19, len(text))]
    got = {
        (f.predicate, ms[f.subject].text, ms[f.object].text) for f in extract_facts(doc, ms, sents, offset=0)
    }
    assert got == {
        ("party", "友好条約", "ベトナム"),
        ("party", "友好条約", "ラオス"),
        ("memberOf", "フィンランド", "NATO"),
    }


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # the partnership a signed statement deepens belongs to the signers
        (
            "インドとフランスは、戦略的パートナーシップを深化させる共同声明に署名した。",
            [("インド", "Country"), ("フランス", "Country"), ("戦略的パートナーシップ", "Partnership"),
             ("共同声明", "JointStatement")],
            {("戦略的パートナーシップ", "インド"), ("戦略的パートナーシップ", "フランス"),
             ("共同声明", "インド"), ("共同声明", "フランス")},
        ),
        # a partnership a clause merely mentions, under no signing, has no party
        (
            "専門家は戦略的パートナーシップを深める共同声明の意義を論じた。",
            [("戦略的パートナーシップ", "Partnership"), ("共同声明", "JointStatement")],
            set(),
        ),
    ],
)
def test_deepened_partnership_belongs_to_the_signers(text, spans, expected):
    spacy = pytest.importorskip("spacy")
    pytest.importorskip("ginza")
    from kg.extract.facts import extract_facts

    doc = spacy.load("ja_ginza")(text)
    ms = [Mention(text.index(t), text.index(t) + len(t), t, c, 0) for t, c in spans]
    got = {
        (ms[f.subject].text, ms[f.object].text)
        for f in extract_facts(doc, ms, [Sentence(0, len(text))], offset=0)
        if f.predicate == "party"
    }
    assert got == expected
