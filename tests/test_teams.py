"""Sports clubs (kg.recognize.teams)."""

import pytest

from kg.recognize.teams import team_candidates

PLACES = {"ミラノ", "デンバー", "ポルト", "ダラス"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1998年にACミラノへ移籍した。", ["ACミラノ"]),
        ("彼はFCポルトと契約した。", ["FCポルト"]),
        ("AFCウィンブルドンに加入。", ["AFCウィンブルドン"]),
        ("ヴィテッセSCで初得点を挙げた。", ["ヴィテッセSC"]),
        ("仙台FCのGKが負傷した。", ["仙台FC"]),
        ("金沢ブルーウェーブFCに加わった。", ["金沢ブルーウェーブFC"]),
        ("デンバー・ブロンコスのQBが先発した。", ["デンバー・ブロンコス"]),
        ("ダラス・カウボーイズに指名された。", ["ダラス・カウボーイズ"]),
        # a person's name with a plural-looking surname: the first piece is no curated place
        ("マイケル・ジョーンズが演説した。", []),
        # ordinary Latin abbreviations next to words
        ("USドルで支払い、新曲CDを出した。", []),
    ],
)
def test_team_candidates(text, expected):
    got = [text[s:e] for s, e, cls in team_candidates(text, PLACES.__contains__)]
    assert got == expected
    assert all(c[2] == "Organization" for c in team_candidates(text, PLACES.__contains__))


@pytest.mark.slow
def test_team_wraps_city():
    import spacy

    from kg.extract.entities import find_mentions
    from kg.kb import load_kb

    sentence = "彼はFCモスクワで10年間プレーした。"
    ms = find_mentions(spacy.load("ja_ginza")(sentence), offset=0, sentences=[], kb=load_kb())
    assert [(m.text, m.cls) for m in ms if "モスクワ" in m.text] == [("FCモスクワ", "Organization")]
