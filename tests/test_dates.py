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


@pytest.fixture(scope="module")
def nlp():
    spacy = pytest.importorskip("spacy")
    pytest.importorskip("ginza")
    return spacy.load("ja_ginza")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "lemma", "expected"),
    [
        # a date opening the sentence covers every clause of the chain
        ("2023年3月2日、ブラジルの大統領はインドを訪問し、首相と会談した。", "会談", "2023-03-02"),
        # a date written in a later clause is that clause's only
        ("ブラジルの大統領はインドを訪問し、3月2日に首相と会談した。", "訪問", ""),
        ("ブラジルの大統領はインドを訪問し、3月2日に首相と会談した。", "会談", "2023-03-02"),
        # the relative clause that says when an event noun took place dates it
        ("先月10日にパリで行われた首脳会談は成功した。", "会談", "2023-10-10"),
        # a date inside another clause does not date the main one
        ("ロシアが2022年2月に侵攻したウクライナを、ドイツは支援した。", "支援", ""),
    ],
)
def test_clause_date_own_clause_only(nlp, text, lemma, expected):
    from kg.extract.dates import clause_date

    doc = nlp(text)
    head = next(t for t in doc if t.lemma_ == lemma or t.text == lemma)
    assert clause_date(head, find_dates(text, "2023-11-10")) == expected


@pytest.mark.parametrize("offset", [0, 120])
def test_clause_date_with_a_chunk_offset(nlp, offset):
    from kg.extract.dates import clause_date

    text = "木曜日、カナダはイランを非難した。"
    doc = nlp(text)
    dates = [(offset + s, offset + e, v) for s, e, v in find_dates(text, "2023-11-10")]
    head = next(t for t in doc if t.lemma_ == "非難")
    assert clause_date(head, dates, offset) == "2023-11-09"
