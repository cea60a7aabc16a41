"""Span repairs: unit words after a name, names inside a longer word (kg.recognize.spans)."""

import pytest

from kg.recognize.spans import inside_word, unit_after


@pytest.mark.parametrize(
    ("text", "end", "expected"),
    [
        ("桶狭間の戦いの後", 3, ("の戦い", "NamedEvent")),
        ("島津隊が退いた", 2, ("隊", "ArmedForces")),
        ("ノキア社は発表した", 3, ("社", "Company")),
        ("ノキア社長は発表した", 3, ("", "")),  # 社長 is another word
        ("シリア軍事筋によると", 3, ("", "")),  # 軍事 likewise
        ("ブラジル選手団が到着", 4, ("選手団", "Organization")),
    ],
)
def test_unit_after(text, end, expected):
    assert unit_after(text, end) == expected


@pytest.mark.parametrize(
    ("tokens", "span", "inside"),
    [
        ([(0, 4, "名詞-固有名詞-一般"), (4, 5, "助詞-格助詞")], (0, 2), True),  # 韓国電力: 韓国 inside
        ([(0, 2, "名詞-固有名詞-地名-国"), (2, 4, "名詞-普通名詞-一般")], (0, 2), False),  # 韓国 / 企業
        ([(0, 3, "名詞-固有名詞-地名-国"), (3, 4, "助詞-格助詞")], (1, 3), True),  # 西ドイツ: ドイツ inside
    ],
)
def test_inside_word(tokens, span, inside):
    assert inside_word(tokens, *span) is inside


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        ("全日本卓球選手権大会の決勝", "全日本卓球選手権大会"),  # a second head right after the first
        ("アジア太平洋経済会議の開幕", "アジア太平洋経済会議"),
        ("湾岸戦争終結後", "湾岸戦争"),  # an ordinary word after the head is cut
        ("世界水泳選手権で", "世界水泳選手権"),
    ],
)
def test_trim_event_keeps_stacked_heads(span, expected):
    from kg.recognize.spans import trim_event

    assert trim_event(span) == expected


@pytest.mark.parametrize(
    ("text", "start", "end", "expected"),
    [
        ("2031年北海道陸上競技大会で優勝した", 5, 14, "2031年北海道陸上競技大会"),
        ("第12回湖畔音楽祭が開かれた", 4, 9, "第12回湖畔音楽祭"),
        ("彼女は草原杯2027で二位だった", 3, 6, "草原杯2027"),
        ("At the 2040 Lunar Games he won", 12, 23, "2040 Lunar Games"),
        ("湖畔音楽祭が開かれた", 0, 5, "湖畔音楽祭"),
    ],
)
def test_event_edges_take_year_and_edition(text: str, start: int, end: int, expected: str) -> None:
    from kg.recognize.spans import event_edges

    a, b = event_edges(text, start, end)
    assert text[a:b] == expected


@pytest.mark.parametrize(
    ("text", "end", "expected"),
    [
        ("ペルー代表が決勝に進んだ", 3, ("代表", "Organization")),
        ("モナコGPで優勝した", 3, ("GP", "NamedEvent")),
        ("ペルー代表団が到着した", 3, ("", "")),
    ],
)
def test_place_units(text: str, end: int, expected: tuple[str, str]) -> None:
    from kg.recognize.spans import PLACE_UNIT_SUFFIXES, unit_after

    assert unit_after(text, end, PLACE_UNIT_SUFFIXES) == expected
