"""Date normalisation against the publication date."""

from __future__ import annotations

import pytest

from kg.extract.dates import find_dates, is_future

PUB = "2023-11-10"  # a Friday


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("火曜日、外相が会談した", PUB, ["2023-11-07"]),
        ("金曜日に声明を出した", PUB, ["2023-11-10"]),
        ("先月、首脳が電話で話した", PUB, ["2023-10"]),
        ("昨年、条約を批准した", PUB, ["2022"]),
        ("先週の会議で", PUB, ["2023-11"]),
        ("今年初めに訪問した", PUB, ["2023"]),
        ("2021年8月に撤退した", PUB, ["2021-08"]),
        ("2019年6月30日に会った", "", ["2019-06-30"]),
        ("昨年12月に署名した", PUB, ["2022-12"]),
        ("3月に制裁を科した", PUB, ["2023-03"]),
        ("12月に訪問した", "2024-01-05", ["2023-12"]),
        ("3日前に攻撃した", PUB, ["2023-11-07"]),
        ("同日、共同声明を発表した", PUB, ["2023-11-10"]),
        ("先月、首脳が電話で話した", "", []),
        ("両国は協力を深めた", PUB, []),
    ],
)
def test_find_dates(text, published, expected):
    assert [v for _, _, v in find_dates(text, published)] == expected


def test_offsets_point_at_the_expression():
    text = "両国は昨年10月に合意した"
    ((s, e, v),) = find_dates(text, PUB)
    assert text[s:e] == "昨年10月" and v == "2022-10"


@pytest.mark.parametrize(
    ("value", "future"),
    [("2023-12", True), ("2023-11-11", True), ("2023-11", False), ("2022", False), ("", False)],
)
def test_is_future(value, future):
    assert is_future(value, PUB) is future
