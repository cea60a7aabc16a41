"""Agreement spans and identities."""

from __future__ import annotations

import pytest

from kg.extract.agreements import agreement_identity, find_agreement_spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("日本とインドは共同声明を発表した", [("共同声明", "JointStatement")]),
        ("両国は新たな友好条約を結んだ", [("友好条約", "Treaty")]),
        ("中国は20項目の平和計画を示した", [("20項目の平和計画", "Plan")]),
        ("両政府は経済協力に関する覚書に署名した", [("覚書", "Agreement")]),
        ("欧州は天然ガス供給契約を更新した", [("天然ガス供給契約", "Deal")]),
        ("G20サミットが開かれた", [("G20サミット", "NamedEvent")]),
        ("両国の関係は良好だ", []),
    ],
)
def test_spans(text, expected):
    got = [(text[s:e], cls) for s, e, cls in find_agreement_spans(text)]
    assert got == expected


def test_named_event_needs_a_proper_noun():
    text = "朝鮮戦争と新たな戦争"
    proper = set(range(0, 2))
    got = [(text[s:e], c) for s, e, c in find_agreement_spans(text, lambda i: i in proper)]
    assert got == [("朝鮮戦争", "NamedEvent")]


@pytest.mark.parametrize(
    ("args", "key"),
    [
        (
            ("JointStatement", ["russia", "china"], "2024-05-16", ["Russia", "China"], ["ロシア", "中国"]),
            "joint-statement/china-russia/2024-05",
        ),
        (
            ("JointStatement", ["china", "russia"], "2024-05-17", ["China", "Russia"], ["中国", "ロシア"]),
            "joint-statement/china-russia/2024-05",
        ),
        (("Treaty", ["north-korea", "russia"], "2024", [], []), "treaty/north-korea-russia/2024"),
        (("Deal", [], "", [], []), "deal/unknown"),
    ],
)
def test_identity_is_order_free(args, key):
    assert agreement_identity(*args)[0] == key


def test_identity_labels():
    key, en, ja = agreement_identity(
        "Treaty", ["russia", "north-korea"], "2024-06-19", ["Russia", "North Korea"], ["ロシア", "北朝鮮"]
    )
    assert en == "North Korea–Russia treaty, 2024-06"
    assert ja == "北朝鮮・ロシア条約（2024年6月）"
