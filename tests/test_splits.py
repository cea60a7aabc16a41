import pytest

from kg.recognize.splits import extend_name, merge_pieces


@pytest.mark.parametrize("text,piece,full", [
    ("国務長官のマルコ・ルビオが到着した", "ルビオ", "マルコ・ルビオ"),
    ("外相のアンナレーナ・ベーアボック氏", "アンナレーナ", "アンナレーナ・ベーアボック"),
    ("報道官のドミトリー・ペスコフによると", "ペスコフ", "ドミトリー・ペスコフ"),
    ("元大統領のジョン・F・ケネディは", "ケネディ", "ジョン・F・ケネディ"),
    ("オラフ・ショルツ首相は", "オラフ", "オラフ・ショルツ"),
])
def test_extend_joins_katakana_pieces(text, piece, full):
    s = text.index(piece)
    a, b = extend_name(text, s, s + len(piece))
    assert text[a:b] == full


@pytest.mark.parametrize("text,piece", [
    ("ロシア・ウクライナ戦争が続く", "ウクライナ"),
    ("李強首相が述べた", "李強"),
])
def test_extend_leaves_other_spans(text, piece):
    s = text.index(piece)
    assert extend_name(text, s, s + len(piece)) == (s, s + len(piece))


def test_merge_pieces_joins_dot_separated_people():
    t = "キア・スターマー首相とマクロン"
    assert merge_pieces(t, [(0, 2), (3, 8), (11, 15)]) == [(0, 8), (11, 15)]
