"""Organisation names over runs of nouns (kg.recognize.runs)."""

import pytest

from kg.recognize.runs import run_candidates

from .conftest import tokens

N, P, C, S = "名詞-普通名詞-一般", "名詞-固有名詞-地名-国", "助詞-格助詞", "接尾辞-名詞的-一般"




@pytest.mark.parametrize(
    ("pieces", "starts", "expected"),
    [
        # 「カナダ空軍の将校が」: the state opens the force's name
        ([("カナダ", P), ("空軍", N), ("の", C), ("将校", N)], (), [("カナダ空軍", "ArmedForces")]),
        # 「ペルー陸上競技連盟会長は」: the title after the head is left out
        ([("ペルー", P), ("陸上", N), ("競技", N), ("連盟", N), ("会長", N), ("は", C)], (),
         [("ペルー陸上競技連盟", "Organization")]),
        # 「西海電力が」: a curated place opens a company's name
        ([("西海", N), ("電力", N), ("が", C)], (0,), [("西海電力", "Company")]),
        # 「ケニア政府は」: a state's government is the state
        ([("ケニア", P), ("政府", N), ("は", C)], (), []),
        # 「チリ国民は」: no organisation head
        ([("チリ", P), ("国民", N), ("は", C)], (), []),
        # 「森山社長が」: 社 ends a family name; only a token of its own is a head
        ([("森山", "名詞-固有名詞-人名-姓"), ("社長", N), ("が", C)], (), []),
        # 「東和」+「社」: the weak head as its own token names a firm
        ([("東和", "名詞-固有名詞-一般"), ("社", S), ("と", C)], (), [("東和社", "Company")]),
        # 「チリ国営放送は」: a state broadcaster described, not named
        ([("チリ", P), ("国営", N), ("放送", N), ("は", C)], (), []),
        ([("ケニア", P), ("大手", N), ("銀行", N), ("が", C)], (), []),
        # 「ガリア北部遠征作戦に」: an operation named after a place
        ([("ガリア", P), ("北部", N), ("遠征", N), ("作戦", N), ("に", C)], (), [("ガリア北部遠征作戦", "NamedEvent")]),
        # 「北陸化学が」: one dictionary proper noun with a company head
        ([("北陸化学", "名詞-固有名詞-一般"), ("が", C)], (), [("北陸化学", "Company")]),
        # 「中島」 alone: a weak head inside one proper noun is a family name or a place
        ([("中島", "名詞-固有名詞-人名-姓"), ("は", C)], (), []),
        # 「モルテン国際空港に」: a facility named after a proper noun
        ([("モルテン", "名詞-固有名詞-一般"), ("国際", N), ("空港", N), ("に", C)], (), [("モルテン国際空港", "Location")]),
        # 「リマ中央広場で」: a square described by its curated city stays the city's mention
        ([("リマ", "名詞-固有名詞-地名-一般"), ("中央", N), ("広場", N), ("で", C)], (0,), []),
        # 「ボルガ川流域」: land heads (川, 半島 …) are not runs
        ([("ボルガ", "名詞-固有名詞-一般"), ("川", S), ("流域", N)], (), []),
        # 「第4師団司令部は」: a numbered unit opens at 第
        ([("第", "接頭辞"), ("4", "名詞-数詞"), ("師団", N), ("司令部", N), ("は", C)], (), [("第4師団司令部", "GovernmentBody")]),
        # a run that does not open at a proper noun or a curated name
        ([("自動車", N), ("産業", N), ("が", C)], (), []),
    ],
)
def test_run_candidates(pieces, starts, expected):
    toks = tokens(*pieces)
    text = "".join(p[0] for p in pieces)
    got = [(text[c[0]:c[1]], c[2]) for c in run_candidates(toks, starts)]
    assert got == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "name", "cls"),
    [
        ("ノルウェー海軍の艦艇が寄港した。", "ノルウェー海軍", "ArmedForces"),
        ("ブラジルサッカー連盟の会長が辞任した。", "ブラジルサッカー連盟", "Organization"),
    ],
)
def test_runs_in_find_mentions(sentence, name, cls):
    import spacy

    from kg.extract.entities import find_mentions
    from kg.kb import load_kb

    nlp = spacy.load("ja_ginza")
    doc = nlp(sentence)
    ms = find_mentions(doc, offset=0, sentences=[], kb=load_kb())
    assert (name, cls) in [(m.text, m.cls) for m in ms]
    start = sentence.index(name)
    assert not any(m.start == start and m.end < start + len(name) for m in ms)
