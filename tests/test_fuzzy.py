import pytest

from kg.recognize.fuzzy import DEFAULT_THRESHOLD, best_match, similarity

KB_NAMES = [("ウラジーミル・プーチン", "vladimir-putin"), ("アントニー・ブリンケン", "antony-blinken"),
            ("アンドレイ・ベロウソフ", "andrei-belousov"), ("ウォロディミル・ゼレンスキー", "volodymyr-zelensky"),
            ("ユーリー・ウシャコフ", "yuri-ushakov"), ("ロイド・オースティン", "lloyd-austin"),
            ("キム・ジョンウン", "kim-jong-un"), ("ドナルド・トランプ", "donald-trump"),
            ("ジョン・カービー", "john-kirby"), ("マイク・ポンペオ", "mike-pompeo")]


@pytest.mark.parametrize("variant,key", [
    ("ウラジミール・プーチン", "vladimir-putin"),
    ("アントニー・ブリンカーン", "antony-blinken"),
    ("アンドレイ・ベルソフ", "andrei-belousov"),
    ("ボロディミール・ゼレンスキー", "volodymyr-zelensky"),
    ("ユリ・ウシャコフ", "yuri-ushakov"),
    ("ロイド・オースチン", "lloyd-austin"),
])
def test_transliteration_variants_match(variant, key):
    assert best_match(variant, KB_NAMES, threshold=DEFAULT_THRESHOLD) == key


@pytest.mark.parametrize("other_person", [
    "キム・ジョンイル",      # Kim Jong Il, not Kim Jong Un
    "ドナルド・トゥスク",    # Donald Tusk, not Donald Trump
    "ジョン・ケリー",        # John Kerry, not John Kirby
    "マイク・ペンス",        # Mike Pence, not Mike Pompeo
    "ハンター・バイデン",
])
def test_near_misses_do_not_match(other_person):
    assert best_match(other_person, KB_NAMES, threshold=DEFAULT_THRESHOLD) is None


def test_threshold_sits_between_variants_and_near_misses():
    assert similarity("キム・ジョンイル", "キム・ジョンウン") < DEFAULT_THRESHOLD
    assert similarity("アンドレイ・ベルソフ", "アンドレイ・ベロウソフ") >= DEFAULT_THRESHOLD
    assert similarity("プーチン", "ウラジーミル・プーチン") == 0.0   # surnames are resolve's job


def test_ambiguous_match_is_refused():
    cands = [("ジョン・スミス", "a"), ("ジョン・スミス", "b")]
    assert best_match("ジョン・スミス", cands, threshold=0.5) is None
