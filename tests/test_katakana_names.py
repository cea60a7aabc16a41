"""Foreign full names from the tokeniser's dictionary (kg.recognize.ner.katakana_name_candidates)."""

import pytest

from kg.recognize.ner import katakana_name_candidates

from .conftest import tokens

PN, N, P, D = "名詞-固有名詞-人名-一般", "名詞-普通名詞-一般", "助詞-係助詞", "補助記号-一般"




@pytest.mark.parametrize(
    ("pieces", "expected"),
    [
        # 「マリア・ケルステンは」: one piece is a dictionary given name
        ([("マリア", PN), ("・", D), ("ケルステン", N), ("は", P)], ["マリア・ケルステン"]),
        ([("ハンス", PN), ("・", D), ("ペーター", PN), ("・", D), ("ヴォルフ", N), ("が", P)],
         ["ハンス・ペーター・ヴォルフ"]),
        # no piece known as a name: a place or a product
        ([("ノース", N), ("・", D), ("ダコタ", N), ("は", P)], []),
        # a head word after it makes an organisation of it (「…・…大学」)
        ([("ジョン", PN), ("・", D), ("ホプキンソン", N), ("大学", N)], []),
        # one katakana word alone is left to GiNZA
        ([("カール", PN), ("は", P)], []),
    ],
)
def test_katakana_name_candidates(pieces, expected):
    toks = tokens(*pieces)
    text = "".join(p[0] for p in pieces)
    got = katakana_name_candidates(toks)
    assert [text[c[0]:c[1]] for c in got] == expected
    assert all(c[2] == "Person" and c[4] == "lex" for c in got)
