import pytest

from kg.kb import load_kb
from kg.recognize.resolve import latin_matches_kana, resolve_names
from kg.types import Mention


def _ms(text, spans):
    out, pos = [], 0
    for surface, cls, key in spans:
        s = text.index(surface, pos)
        out.append(Mention(s, s + len(surface), surface, cls, 0, key=key))
        pos = s + len(surface)
    return out


def test_surname_of_uncurated_person_becomes_coreference():
    text = "研究員のマリア・ペトロワ氏は述べた。ペトロワ氏によると、Petrova also said"
    ms = _ms(text, [("マリア・ペトロワ", "Person", None), ("ペトロワ", "Person", None), ("Petrova", "Person", None)])
    out = resolve_names(ms, None)
    assert out[1].source == "coref" and out[1].refers_to == (0,)
    assert out[2].source == "coref" and out[2].refers_to == (0,)


@pytest.mark.slow
def test_surname_and_variant_of_curated_person_get_the_key():
    kb = load_kb()
    text = "ウラジミール・プーチン大統領が演説した。プーチンは西側を批判した。"
    ms = _ms(text, [("ウラジミール・プーチン", "Person", None), ("プーチン", "Person", None)])
    out = resolve_names(ms, kb)
    assert out[0].key == "vladimir-putin" and out[1].key == "vladimir-putin"


def test_majority_class_within_document():
    text = "メドベージェフは述べた。メドベージェフが語った。メドベージェフによれば"
    ms = _ms(text, [("メドベージェフ", "Person", None), ("メドベージェフ", "Country", None),
                    ("メドベージェフ", "Person", None)])
    assert [m.cls for m in resolve_names(ms, None)] == ["Person"] * 3


@pytest.mark.parametrize("latin,kana,same", [
    ("Kuhrt", "クルト", True), ("Putin", "プーチン", True), ("Lavrov", "ラブロフ", True),
    ("Kirby", "クルト", False), ("Shoigu", "ラブロフ", False),
])
def test_latin_surname_against_katakana(latin, kana, same):
    assert latin_matches_kana(latin, kana) is same
