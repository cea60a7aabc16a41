"""Lists of organisations joined by middle dots (kg.recognize.ner.split_list)."""

import pytest

from kg.recognize.ner import split_list


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        ("北陸銀行・丸紅", ["北陸銀行", "丸紅"]),
        ("山陽新聞・中国放送・四国電力", ["山陽新聞", "中国放送", "四国電力"]),
        ("ジョンソン・エンド・ジョンソン", ["ジョンソン・エンド・ジョンソン"]),  # one katakana name with dots
        ("ソニー・ミュージック", ["ソニー・ミュージック"]),
        ("東京大学", ["東京大学"]),
    ],
)
def test_split_list(span, expected):
    assert [span[a:b] for a, b in split_list(span)] == expected
