import pytest

from kg.recognize.gazetteer import Gazetteer, Person
from kg.recognize.mt_rules import KANA_SWAPS, find_mt, kana_variants, word_variants

G = Gazetteer(persons={"xi-jinping": Person("xi-jinping", "習近平", "Xi Jinping", ("国家主席", "総書記"))},
              ja_exact={"新華社": ("xinhua", "Media"), "西側": ("the-west", "Location")})


@pytest.mark.parametrize("text,surface,key", [
    ("市主席は記者会見で台湾問題に触れた", "市主席", "xi-jinping"),       # 시 주석 -> 市主席
    ("米大統領と市国家主席の電話会談", "市国家主席", "xi-jinping"),
    ("会談後、市錫は声明を読み上げた", "市錫", "xi-jinping"),            # 시 (주)석 -> 市錫
    ("神話通信が伝えたところによると", "神話通信", "xinhua"),             # 신화 -> 神話
    ("西方諸国の対応を批判した", "西方諸国", "the-west"),                 # 서방 -> 西方
])
def test_mt_rules_find_garbled_names(text, surface, key):
    hits = find_mt(text, G)
    assert [(text[h.start:h.end], h.key) for h in hits] == [(surface, key)]


@pytest.mark.parametrize("text", ["市議会が開かれた", "市長選挙の結果", "東京都の市部", "神話の世界"])
def test_ordinary_city_words_are_left_alone(text):
    assert find_mt(text, G) == []


@pytest.mark.parametrize("garbled,right", [
    ("ポンデアライエン", "フォンデアライエン"),      # ㅍ for f
    ("ファンデミック", "パンデミック"),               # the reverse
    ("ウルジュラ", "ウルズラ"),                      # ㅈ for z
    ("ボルカー", "ヴォルカー"),                      # ㅂ for v
])
def test_kana_variants_undo_korean_transliteration(garbled, right):
    assert right in kana_variants(garbled)


def test_every_swap_is_a_pair_of_kana():
    assert all(a and b and a != b for a, b in KANA_SWAPS)
    assert word_variants("東京") == []
