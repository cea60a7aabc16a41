import pytest

from kg.extract.entities import ENE_CLASSES, _select, ene_class
from kg.types import Sentence


@pytest.mark.parametrize("label,cls", [
    ("Person", "Person"), ("Country", "Country"), ("City", "Location"), ("Province", "Location"),
    ("International_Organization", "InternationalOrganization"), ("Company", "Company"),
    ("Political_Party", "Organization"), ("Government", "GovernmentBody"), ("Military", "ArmedForces"),
    ("Treaty", "Treaty"), ("Plan", "Plan"), ("War", "NamedEvent"), ("Conference", "NamedEvent"),
    ("Position_Vocation", None), ("Date", None), ("Money", None), ("Day_Of_Week", None), ("Product_Other", None),
])
def test_label_table(label, cls):
    assert ene_class(label) == cls


def test_label_table_covers_ginza_mapper():
    mapper = pytest.importorskip("ginza.ene_ontonotes_mapper").ENE_ONTONOTES_MAPPING
    missing = [k for k in mapper if k not in ENE_CLASSES]
    assert missing == []


def test_kb_wins_over_ginza_and_organ_span_wraps_state():
    cands = [(0, 3, "Country", "russia", "kb", "", ""), (0, 3, "Person", None, "ner", "Person", ""),
             (5, 10, "ArmedForces", None, "ner", "Military", ""), (5, 8, "Country", "china", "kb", "", "")]
    got = [(c[0], c[1], c[2]) for c in _select(cands)]
    assert got == [(0, 3, "Country"), (5, 10, "ArmedForces")]


def test_agreement_span_beats_plain_ginza_span():
    cands = [(0, 6, "Agreement", None, "agreement", "", ""), (2, 6, "Location", None, "ner", "City", "")]
    assert [c[4] for c in _select(cands)] == ["agreement"]


@pytest.fixture(scope="module")
def nlp():
    spacy = pytest.importorskip("spacy")
    pytest.importorskip("ginza")
    return spacy.load("ja_ginza")


@pytest.fixture(scope="module")
def kb():
    from kg.kb import load_kb

    return load_kb()


def _run(nlp, kb, text, offset=0):
    from kg.extract.entities import find_mentions

    doc = nlp(text)
    sents = [Sentence(offset + s.start_char, offset + s.end_char) for s in doc.sents]
    context = " " * offset + text
    ms = find_mentions(doc, offset=offset, sentences=sents, kb=kb)
    for m in ms:
        assert context[m.start:m.end] == m.text
    assert [(m.start, m.end) for m in ms] == sorted((m.start, m.end) for m in ms)
    for m in ms:
        for i in m.refers_to:
            assert ms[i].source != "coref"
    return ms


@pytest.mark.slow
@pytest.mark.parametrize("text,surface,cls,key,position", [
    ("ゼレンスキー大統領はキーウで記者会見を開いた。", "ゼレンスキー", "Person", "volodymyr-zelensky", "大統領"),
    ("中国の王毅外相は北京で演説した。", "王毅", "Person", "wang-yi", "外相"),
    ("ドイツのオラフ・ショルツ首相がパリを訪れた。", "オラフ・ショルツ", "Person", "olaf-scholz", "首相"),
    ("習主席は台湾問題について言及した。", "習", "Person", "xi-jinping", "主席"),
    ("NATOの加盟国はハーグで会合を開いた。", "NATO", "InternationalOrganization", "nato", ""),
])
def test_people_states_and_titles(nlp, kb, text, surface, cls, key, position):
    ms = _run(nlp, kb, text, offset=7)
    hit = [m for m in ms if m.text == surface]
    assert hit, [m.text for m in ms]
    assert hit[0].cls == cls and hit[0].key == key
    assert hit[0].position == position


@pytest.mark.slow
def test_compounds_and_coreference_in_a_parsed_chunk(nlp, kb):
    ms = _run(nlp, kb, "日米豪印の4カ国は海洋安全保障で協力する。インドとオーストラリアの両国は演習も行う。")
    keys = [m.key for m in ms if m.source == "rule"]
    assert keys[:4] == ["japan", "united-states", "australia", "india"]
    co = [m for m in ms if m.text == "両国"]
    assert co and {ms[i].key for i in co[0].refers_to} == {"india", "australia"}


@pytest.mark.slow
def test_mt_rule_inside_parsed_chunk(nlp, kb):
    ms = _run(nlp, kb, "市主席は上海で米国の財務長官と会談した。")
    assert ms[0].text == "市主席" and ms[0].key == "xi-jinping" and ms[0].source == "mt"


@pytest.mark.slow
def test_ginza_common_nouns_are_not_entities(nlp, kb):
    ms = _run(nlp, kb, "首都の中心部で市民がデモを行った。")
    assert all(m.text not in ("首都", "中心部", "市民") for m in ms)


def test_curated_surname_after_another_given_name_is_no_hit():
    from kg.extract.entities import _kb_hit_ok
    from kg.recognize.ruler import KBHit

    text = "ドロシー・ジョンソン氏とジョンソン英首相とコロナ19"
    s = text.index("ジョンソン")
    assert not _kb_hit_ok(KBHit(s, s + 5, "boris-johnson", "Person"), text, [])
    s2 = text.index("ジョンソン", s + 1)
    assert _kb_hit_ok(KBHit(s2, s2 + 5, "boris-johnson", "Person"), text, [])
    s3 = text.index("コロナ")
    assert not _kb_hit_ok(KBHit(s3, s3 + 3, "catherine-colonna", "Person"), text, [])


@pytest.mark.parametrize("tokens,expected", [
    # a dictionary full name in kanji that the NER model left out
    ([(0, 4, "織田信長", "名詞-固有名詞-人名-一般"), (4, 5, "は", "助詞-係助詞")], [(0, 4, "Person")]),
    # surname + given name, both kanji and adjacent
    ([(0, 2, "山本", "名詞-固有名詞-人名-姓"), (2, 4, "五郎", "名詞-固有名詞-人名-名")], [(0, 4, "Person")]),
    # a katakana piece of a foreign name, a lone surname, a two-character dictionary name: nothing
    ([(0, 4, "ジョージ", "名詞-固有名詞-人名-一般"), (4, 6, "鈴木", "名詞-固有名詞-人名-姓"),
      (6, 7, "が", "助詞-格助詞"), (7, 9, "一休", "名詞-固有名詞-人名-一般")], []),
])
def test_lexicon_candidates(tokens, expected):
    from kg.recognize.ner import lexicon_candidates
    assert [(s, e, c) for s, e, c, *_ in lexicon_candidates(tokens)] == expected
