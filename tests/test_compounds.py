import pytest

from kg.recognize.compounds import find_compounds

AB = {"米": "united-states", "中": "china", "日": "japan", "豪": "australia", "印": "india", "ロ": "russia",
      "露": "russia", "英": "united-kingdom", "韓": "south-korea", "朝": "north-korea", "西": "spain",
      "比": "philippines", "土": "turkey", "ウ": "ukraine"}


@pytest.mark.parametrize("text,states", [
    ("日米豪印の外相が東京で会合を開いた", ["japan", "united-states", "australia", "india"]),
    ("米英豪の安全保障枠組みが拡大する", ["united-states", "united-kingdom", "australia"]),
    ("中ロ両国は合同演習を実施した", ["china", "russia"]),
    ("日韓関係の改善が進む", ["japan", "south-korea"]),
    ("中朝国境で貿易が再開された", ["china", "north-korea"]),
    ("露朝の軍事協力に懸念が広がる", ["russia", "north-korea"]),
    ("米中首脳会談は来月行われる", ["united-states", "china"]),
    ("首相は来週訪米する予定だ", ["united-states"]),
    ("対中輸出規制が強化された", ["china"]),
    ("英首相が声明を出した", ["united-kingdom"]),
    ("露ウ戦争は3年目に入った", ["russia", "ukraine"]),
])
def test_compounds_expand_each_state(text, states):
    hits = find_compounds(text, AB)
    assert [k for _, _, k in hits] == states
    for s, e, k in hits:
        assert e - s == 1 and AB[text[s]] == k


@pytest.mark.parametrize("text", [
    "日中は気温が上がる見込みだ",       # daytime
    "西日本で大雨が続いた",             # western Japan
    "中西部の州で選挙があった",
    "日比谷公園で集会が開かれた",
    "二つの案を対比すると違いが分かる",
    "土日は休業する",
    "西側諸国は制裁を強めた",           # the West, not Spain
    "滞在中に会談した",
    "中心部の米価が上がった",
    "ロシアとウクライナ",
])
def test_ordinary_words_are_not_states(text):
    assert find_compounds(text, AB) == []
