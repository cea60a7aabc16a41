"""Addresses written as a chain of administrative units are one place (kg.recognize.addresses)."""

import pytest

from kg.recognize.addresses import merge_addresses


def _loc(text: str, piece: str, start: int = 0, key: str | None = None) -> tuple:
    s = text.index(piece, start)
    return (s, s + len(piece), "Location", key, "ner", "", "")


@pytest.mark.parametrize(
    ("text", "pieces", "expected"),
    [
        ("工場は秋田県仙北郡美郷町に建つ", ["秋田県", "仙北郡", "美郷町"], ["秋田県仙北郡美郷町"]),
        ("新校舎は長野県松本市大字里山辺にある", ["長野県松本市", "大字里山辺"], ["長野県松本市大字里山辺"]),
        ("ネバダ州リノ市で講演した", ["ネバダ州", "リノ市"], ["ネバダ州リノ市"]),
        ("札幌と旭川市を結ぶ", ["札幌", "旭川市"], ["札幌", "旭川市"]),  # not touching
        ("箱根湯本の宿", ["箱根", "湯本"], ["箱根", "湯本"]),  # 箱根 ends in no unit
    ],
)
def test_merge_addresses(text: str, pieces: list[str], expected: list[str]) -> None:
    cands, pos = [], 0
    for p in pieces:
        c = _loc(text, p, pos)
        pos = c[1]
        cands.append(c)
    assert [text[s:e] for s, e, *_ in merge_addresses(cands, text)] == expected


def test_merged_address_keeps_the_smallest_units_key() -> None:
    text = "岐阜県高山市の朝市"
    cands = [_loc(text, "岐阜県", key="gifu"), _loc(text, "高山市", key="takayama")]
    (merged,) = merge_addresses(cands, text)
    assert merged[:4] == (0, 6, "Location", "takayama")


def test_a_person_next_to_a_place_is_not_merged() -> None:
    text = "大阪府知事選"
    cands = [_loc(text, "大阪府"), (3, 5, "Person", None, "ner", "", "")]
    assert len(merge_addresses(cands, text)) == 2
