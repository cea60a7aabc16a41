from dataclasses import replace

import pytest

from kg.recognize.coref import add_coref, find_coref
from kg.types import Mention, Sentence


def _m(text, surface, cls, key=None, position="", nth=0):
    s = -1
    for _ in range(nth + 1):
        s = text.index(surface, s + 1)
    return Mention(s, s + len(surface), surface, cls, 0, key=key, source="kb", position=position)


@pytest.mark.parametrize("text,names,expr,antecedents", [
    ("インドとパキスタンは停戦で合意した。両国は捕虜を交換する。",
     [("インド", "Country", "india"), ("パキスタン", "Country", "pakistan")], "両国", ["india", "pakistan"]),
    ("バイデン大統領と岸田首相が会談した。両首脳は共同声明を発表した。",
     [("バイデン", "Person", "joe-biden"), ("岸田", "Person", "fumio-kishida")], "両首脳",
     ["joe-biden", "fumio-kishida"]),
    ("イスラエルとハマスの交渉は難航し、双方は譲らなかった。",
     [("イスラエル", "Country", "israel"), ("ハマス", "Organization", "hamas")], "双方", ["israel", "hamas"]),
])
def test_pairs_refer_to_the_two_salient_actors(text, names, expr, antecedents):
    ms = [_m(text, s, c, k) for s, c, k in names]
    out = add_coref(text, 0, ms, [])
    co = [m for m in out if m.source == "coref"]
    assert len(co) == 1 and co[0].text == expr
    assert [out[i].key for i in co[0].refers_to] == antecedents


@pytest.mark.parametrize("text,people,expr,key", [
    ("ショルツ首相はマクロン大統領と会った。同氏は支援継続を約束した。",
     [("ショルツ", "olaf-scholz", "首相"), ("マクロン", "emmanuel-macron", "大統領")], "同氏", "emmanuel-macron"),
    ("ペンウォン外相は王毅外相と会談した後、スナク首相に会った。同外相は記者団に語った。",
     [("ペンウォン", "penny-wong", "外相"), ("王毅", "wang-yi", "外相"), ("スナク", "rishi-sunak", "首相")],
     "同外相", "wang-yi"),
    ("メローニ首相が到着した。彼女はローマに戻る予定だ。", [("メローニ", "giorgia-meloni", "首相")], "彼女",
     "giorgia-meloni"),
    ("エルドアン大統領が演説した。彼は停戦を求めた。", [("エルドアン", "erdogan", "大統領")], "彼", "erdogan"),
])
def test_singular_refers_to_last_compatible_person(text, people, expr, key):
    ms = [_m(text, s, "Person", k, position=p) for s, k, p in people]
    co = [m for m in find_coref(text, 0, ms, []) if m.text == expr]
    assert len(co) == 1 and co[0].key == key and co[0].cls == "Person"
    assert ms[co[0].refers_to[0]].key == key


def test_plural_pronoun_and_unrelated_words_are_not_coreference():
    text = "彼らは彼岸に墓参りをした。"
    ms = [Mention(0, 4, "プーチン", "Person", 0, key="p")]
    assert find_coref("プーチン。" + text, 0, ms, []) == []


def test_refers_to_points_into_final_sorted_list_with_offset():
    text = "日本と韓国は会談した。両国は協力で一致した。"
    off = 100
    ms = [Mention(off + 0, off + 2, "日本", "Country", 0, key="japan"),
          Mention(off + 3, off + 5, "韓国", "Country", 0, key="south-korea"),
          Mention(off + 20, off + 22, "協力", "Agreement", 1)]
    sents = [Sentence(off, off + 11), Sentence(off + 11, off + 22)]
    out = add_coref(text, off, ms, sents)
    assert [m.start for m in out] == sorted(m.start for m in out)
    co = next(m for m in out if m.source == "coref")
    assert co.sentence == 1 and text[co.start - off:co.end - off] == "両国"
    assert [out[i].key for i in co.refers_to] == ["japan", "south-korea"]


def test_no_antecedent_no_mention():
    assert find_coref("両国は合意した。", 0, [], []) == []


def _states(text, names):
    """Mentions for (surface, key) pairs, each at its next occurrence, in text order."""
    out, pos = [], 0
    for surface, key in names:
        s = text.index(surface, pos)
        out.append(Mention(s, s + len(surface), surface, "Country", 0, key=key, source="kb"))
        pos = s + len(surface)
    return out


@pytest.mark.parametrize("text,names,people,expected", [
    # a compound pair wins over states named later but not acting together
    ("米中は貿易協議を再開した。交渉には日本とカナダの関係者も注目している。両国は来月も協議する。",
     [("米", "united-states"), ("中", "china"), ("日本", "japan"), ("カナダ", "canada")], [],
     ["united-states", "china"]),
    # two owners of leaders, a third state only mentioned as a topic of talk
    ("ブラジルのルラ大統領とアルゼンチンのミレイ大統領は、ベネズエラ情勢について協議し、両国の協力を確認した。",
     [("ブラジル", "brazil"), ("アルゼンチン", "argentina"), ("ベネズエラ", "venezuela")],
     [("ルラ", "lula"), ("ミレイ", "milei")], ["brazil", "argentina"]),
    # coordinated subjects; a state after that is only an object
    ("ケニアとエチオピアは国境の町で会合を開き、ソマリアへの支援を話し合った。両国は声明を出した。",
     [("ケニア", "kenya"), ("エチオピア", "ethiopia"), ("ソマリア", "somalia")], [], ["kenya", "ethiopia"]),
    # no pair named together: the two latest subjects, not the state merely mentioned after them
    ("フィンランドは演習を始めた。スウェーデンも参加した。演習はノルウェー沖で行われた。両国の部隊は",
     [("フィンランド", "finland"), ("スウェーデン", "sweden"), ("ノルウェー", "norway")], [],
     ["finland", "sweden"]),
    # a bloc of three states acting after the pair is a third party, not one of the two
    ("イランとサウジアラビアは国交を回復した。米国、英国、フランスが歓迎した。両国は大使を交換する。",
     [("イラン", "iran"), ("サウジアラビア", "saudi-arabia"), ("米国", "united-states"), ("英国", "united-kingdom"),
      ("フランス", "france")], [], ["iran", "saudi-arabia"]),
    ("トルコは仲介に動いた。シリアも応じた。日米豪が懸念を示す中、両国は協議した。",
     [("トルコ", "turkey"), ("シリア", "syria"), ("日", "japan"), ("米", "united-states"), ("豪", "australia")], [],
     ["turkey", "syria"]),
    # the same state twice does not make a pair: the distinct ones do
    ("エジプトはカタールと仲介を続けた。エジプトは停戦案を示した。両国は", [("エジプト", "egypt"), ("カタール", "qatar"),
     ("エジプト", "egypt")], [], ["qatar", "egypt"]),
])
def test_two_salient_states_are_acting_participants(text, names, people, expected):
    ms = _states(text, names)
    for surface, key in people:
        s = text.index(surface)
        ms.append(Mention(s, s + len(surface), surface, "Person", 0, key=key, source="kb"))
    out = add_coref(text, 0, ms, [])
    co = [m for m in out if m.source == "coref" and m.text == "両国"]
    assert len(co) == 1
    assert [out[i].key for i in co[0].refers_to] == expected


def test_no_pair_without_two_distinct_states():
    text = "チリは新憲法を公布した。同国の議会は両国間の"
    ms = _states(text, [("チリ", "chile")])
    assert [m for m in find_coref(text, 0, ms, []) if m.text == "両国"] == []


@pytest.mark.parametrize("text,names,antecedents", [
    # 彼 is resolved first (to Macron), then 両国 takes the states of 「彼とショルツ首相」, not the subject 中国
    ("フランスのマクロン大統領がドイツを訪れ、中国は反発した。彼とショルツ首相は夕食会に出席した。両国は防衛協力を強化する。",
     [("フランス", "Country", "france"), ("マクロン", "Person", "emmanuel-macron"), ("ドイツ", "Country", "germany"),
      ("中国", "Country", "china"), ("ショルツ", "Person", "olaf-scholz")], ["france", "germany"]),
    # leaders the knowledge base does not know: their stated 「Xの」 state
    ("トルコのアイドゥン首相とインドのラオ首相が会談し、豪州は懸念を示した。両国は貿易協定に署名した。",
     [("トルコ", "Country", "turkey"), ("アイドゥン", "Person", None), ("インド", "Country", "india"),
      ("ラオ", "Person", None), ("豪州", "Country", "australia")], ["turkey", "india"]),
    # two leaders joined with a title and a stated state before the second (「モディ首相とオーストラリアのアルバニージー首相が」)
    ("モディ首相とオーストラリアのアルバニージー首相が会談し、インドは歓迎した。両国は合同演習を行う。",
     [("モディ", "Person", "narendra-modi"), ("オーストラリア", "Country", "australia"),
      ("アルバニージー", "Person", "anthony-albanese"), ("インド", "Country", "india")], ["australia", "india"]),
    # the leaders' states are not named in the text: the participant rule still applies
    ("エルドアン大統領とモディ首相は電話で協議した。日本と韓国は会合を開いた。両国は声明を出した。",
     [("エルドアン", "Person", "recep-tayyip-erdogan"), ("モディ", "Person", "narendra-modi"),
      ("日本", "Country", "japan"), ("韓国", "Country", "south-korea")], ["japan", "south-korea"]),
])
def test_both_states_follow_a_subject_of_two_leaders(text, names, antecedents):
    ms = [_m(text, s, c, k) for s, c, k in names]
    sents, start = [], 0
    for i, ch in enumerate(text):
        if ch == "。":
            sents.append(Sentence(start, i + 1))
            start = i + 1
    out = add_coref(text, 0, ms, sents)
    co = [m for m in out if m.source == "coref" and m.text == "両国"]
    assert len(co) == 1
    assert [out[i].key for i in co[0].refers_to] == antecedents


@pytest.mark.parametrize("text,names,at,speaker", [
    # the speaker before the opener, the act two sentences into the quote
    ("サンチェス外相は「交渉の余地はない。我々は経済封鎖を非難する。」と記者団に語った。",
     [("サンチェス", "Person", "x-sanchez")], "非難", "x-sanchez"),
    # the speaker after the closing mark, as the subject of the speech verb
    ("「圧力には屈しない。ロシアの侵攻を強く批判する」と、ノバク首相は強調した。",
     [("ロシア", "Country", "russia"), ("ノバク", "Person", "x-novak")], "批判", "x-novak"),
    # the first sentence of the quote is left to the parser
    ("サンチェス外相は「経済封鎖を非難する。対話を続ける」と述べた。", [("サンチェス", "Person", "x-sanchez")],
     "非難", None),
    # a closed quote does not reach the next sentence
    ("サンチェス外相は「対話を続ける」と述べた。政府は封鎖を非難した。", [("サンチェス", "Person", "x-sanchez")],
     "非難", None),
    # a new paragraph ends an unclosed quote
    ("サンチェス外相は「対話を続ける。\n政府は封鎖を非難した。", [("サンチェス", "Person", "x-sanchez")], "非難", None),
])
def test_quote_speaker_across_sentences(text, names, at, speaker):
    from kg.recognize.quotes import quote_speaker

    off = 40
    ms = [replace(_m(text, s, c, k), start=off + _m(text, s, c, k).start, end=off + _m(text, s, c, k).end)
          for s, c, k in names]
    got = quote_speaker(text, off, ms, off + text.index(at))
    assert [ms[i].key for i in got] == ([speaker] if speaker else [])
