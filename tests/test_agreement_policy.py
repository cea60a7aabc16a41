"""Which agreement and event spans become mentions (kg.recognize.agreement_policy)."""

import pytest

from kg.recognize.agreement_policy import accepted_agreements


def _spans(text, *parts_cls):
    out = []
    for part, cls in parts_cls:
        s = text.index(part)
        out.append((s, s + len(part), cls))
    return out


@pytest.mark.parametrize(
    ("text", "proposed", "kept"),
    [
        # a bare agreement noun names nothing
        ("ブラジルとインドはパートナーシップを確認した", [("パートナーシップ", "Partnership")], []),
        ("外相はこの協定が地域を安定させると述べた", [("協定", "Agreement")], []),
        # with a modifier it does
        ("両国は包括的戦略的パートナーシップを結んだ", [("包括的戦略的パートナーシップ", "Partnership")],
         ["包括的戦略的パートナーシップ"]),
        ("ケニアとタンザニアは国境画定協定に調印した", [("国境画定協定", "Agreement")], ["国境画定協定"]),
        # the joint statement of the reported meeting
        ("会談の後、両首脳は共同声明を発表した", [("共同声明", "JointStatement")], ["共同声明"]),
        # a quoted word only before an agreement noun, without its quote marks
        ("両国は「揺るぎない」関係を誇示した", [("「揺るぎない」", "Partnership")], ["揺るぎない"]),
        ("首相は「制限なし」という表現を避けた", [("「制限なし」", "Partnership")], []),
        # events need Japanese script; a year before one is part of its name
        ("G20とG7の首脳が集まった", [("G20", "NamedEvent"), ("G7", "NamedEvent")], []),
        ("1998年長野オリンピックに出場した", [("年長野オリンピック", "NamedEvent")], ["1998年長野オリンピック"]),
    ],
)
def test_accepted_agreements(text, proposed, kept):
    got = accepted_agreements(text, _spans(text, *proposed))
    assert [text[s:e] for s, e, _ in got] == kept
