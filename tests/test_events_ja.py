"""Japanese event coding over a table of sentences (not from the samples)."""

from __future__ import annotations

import re

import pytest

from kg.types import Mention, Sentence

from .conftest import event_signatures

pytestmark = pytest.mark.slow

#: A tiny gazetteer for the test helper: name -> ontology class.
NAMES = {
    "習近平": "Person", "プーチン": "Person", "ブリンケン": "Person", "王毅": "Person", "ラブロフ": "Person",
    "岸田": "Person", "バイデン": "Person", "ゼレンスキー": "Person", "エルドアン": "Person", "尹錫悦": "Person",
    "北大西洋条約機構": "InternationalOrganization", "NATO": "InternationalOrganization", "国連": "InternationalOrganization",
    "欧州連合": "InternationalOrganization", "EU": "InternationalOrganization", "共同声明": "JointStatement",
    "ガザ地区": "Location",
}  # fmt: skip
ENE = {
    "Country": "Country",
    "City": "Location",
    "Province": "Location",
    "GPE_Other": "Location",
    "Government": "GovernmentBody",
}
COREF = ("両国", "両首脳")


def make_mentions(doc) -> list[Mention]:
    """Mentions from a small name table, GiNZA's entities and 両国-style coreference."""
    out: list[Mention] = []
    taken: set[int] = set()
    for name, cls in NAMES.items():
        for m in re.finditer(re.escape(name), doc.text):
            if not taken.intersection(range(m.start(), m.end())):
                out.append(Mention(m.start(), m.end(), name, cls, 0))
                taken.update(range(m.start(), m.end()))
    for e in doc.ents:
        cls = ENE.get(e.label_)
        if cls and not taken.intersection(range(e.start_char, e.end_char)):
            out.append(Mention(e.start_char, e.end_char, e.text, cls, 0))
            taken.update(range(e.start_char, e.end_char))
    out.sort(key=lambda m: m.start)
    for word in COREF:
        for m in re.finditer(word, doc.text):
            ante = tuple(
                i
                for i, x in enumerate(out)
                if x.end <= m.start() and x.cls in ("Country", "Person") and x.source != "coref"
            )[-2:]
            out.append(Mention(m.start(), m.end(), word, "Country", 0, source="coref", refers_to=ante))
    return out


@pytest.fixture(scope="module")
def nlp():
    spacy = pytest.importorskip("spacy")
    pytest.importorskip("ginza")
    return spacy.load("ja_ginza")


def code(nlp, text: str, published: str = "2023-11-10"):
    from kg.extract.events_ja import extract_events

    doc = nlp(text)
    ms = make_mentions(doc)
    evs = extract_events(doc, ms, [Sentence(0, len(text))], offset=0, published=published)
    return event_signatures(evs, ms), evs


# sentence -> the exact set of (type, actors, targets, negated)
CASES = [
    ("ドイツ政府はイランの核開発を強く非難した。", {("ACCUSE", ("ドイツ政府",), ("イラン",), False)}),
    ("米国はロシアに対する追加制裁を科した。", {("SANCTION", ("米国",), ("ロシア",), False)}),
    ("インドとブラジルはニューデリーで首脳会談を行った。", {("CONSULT", ("インド", "ブラジル"), (), False)}),
    ("カナダはウクライナへの軍事支援を発表した。", {("AID", ("カナダ",), ("ウクライナ",), False)}),
    ("日本はフィリピンとの連携を強化した。", {("COOPERATE", ("日本",), ("フィリピン",), False)}),
    ("トルコはスウェーデンの要求を拒否した。", {("REJECT", ("トルコ",), ("スウェーデン",), False)}),
    ("韓国は北朝鮮を非難しなかった。", {("ACCUSE", ("韓国",), ("北朝鮮",), True)}),
    ("イスラエルはガザ地区を空爆した。", {("ASSAULT", ("イスラエル",), ("ガザ地区",), False)}),
    ("ロシアはフランスによって批判された。", {("ACCUSE", ("フランス",), ("ロシア",), False)}),
    (
        "ブリンケン国務長官はサウジアラビアを訪問し、エジプトと協議した。",
        {
            ("CONSULT", ("ブリンケン",), ("サウジアラビア",), False),
            ("CONSULT", ("ブリンケン",), ("エジプト",), False),
        },
    ),
    (
        "習近平国家主席はバイデン大統領との会談で、台湾問題を議論したと述べた。",
        {("CONSULT", ("習近平",), ("バイデン",), False)},
    ),
    (
        "ポーランドはウクライナに侵攻したロシアを批判した。",
        {("ASSAULT", ("ロシア",), ("ウクライナ",), False), ("ACCUSE", ("ポーランド",), ("ロシア",), False)},
    ),
    ("イランとサウジアラビアは国交正常化で合意した。", {("AGREE", ("イラン", "サウジアラビア"), (), False)}),
    # the addressee of a request sits in the requested clause (〜よう求めた)
    ("米国は中国に対し、ロシアへの軍事支援をやめるよう求めた。", {("REQUEST", ("米国",), ("中国",), False)}),
    (
        "ゼレンスキー大統領は欧州連合に追加の防空システムを供与するよう要請した。",
        {("REQUEST", ("ゼレンスキー",), ("欧州連合",), False)},
    ),
    # a statement's target owns what it is about (「…に対する演説で」, 「…への支援に懸念」)
    (
        "ラブロフ外相はフランスとドイツに対する演説の中で厳しく批判した。",
        {("ACCUSE", ("ラブロフ",), ("ドイツ", "フランス"), False)},
    ),
    (
        "ブリンケン国務長官は王毅外相と会談し、ロシアへの支援に懸念を伝えた。",
        {("CONSULT", ("ブリンケン",), ("王毅",), False), ("ACCUSE", ("ブリンケン",), ("ロシア",), False)},
    ),
    # the recipient deeper in the noun phrase of an aid
    (
        "カナダはウクライナに対する20億ドルの軍事支援を承認した。",
        {("AID", ("カナダ",), ("ウクライナ",), False)},
    ),
    # a leader noun after a state's の stands for the state when its leader is not named
    ("ベラルーシの指導者はポーランドを非難した。", {("ACCUSE", ("ベラルーシ",), ("ポーランド",), False)}),
    # a clause with its own subject (an unrecognised place) does not borrow 英国 as its actor
    ("英国は声明を発表し、キーウが交渉を拒否したと伝えた。", set()),
    # a tour: the listed countries are the partners, the person of の the visitor
    (
        "岸田首相の最近のフィリピン、ベトナム歴訪は成功した。",
        {("CONSULT", ("岸田",), ("フィリピン",), False), ("CONSULT", ("岸田",), ("ベトナム",), False)},
    ),
]

# hypotheticals, conditions and plans: no event at all
NO_EVENT = [
    "日本は来月、インドを訪問する予定だ。",
    "中国が台湾を攻撃すれば、米国は制裁を科すだろう。",
    "フランスはロシアを非難する可能性がある。",
    "英国はウクライナへの支援を検討している。",
    "ロシアがウクライナに侵攻した場合、ドイツは制裁を発動する方針だ。",
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_sentence_table(nlp, text, expected):
    got, _ = code(nlp, text)
    assert got == expected


@pytest.mark.parametrize("text", NO_EVENT)
def test_hypotheticals_give_no_asserted_event(nlp, text):
    got, _ = code(nlp, text)
    assert {g for g in got if not g[3]} == set()


def test_coreference_expands_to_antecedents(nlp):
    got, evs = code(nlp, "ベトナムとラオスの首脳が会った。両国は協力文書に署名した。")
    assert ("AGREE", ("ベトナム", "ラオス"), (), False) in got
    agree = [e for e in evs if e.etype == "AGREE"][0]
    assert agree.confidence < 0.9  # reached through coreference


def test_date_of_own_clause_and_none_otherwise(nlp):
    _, evs = code(nlp, "木曜日、カナダはイランを非難した。", published="2023-11-10")
    assert [e.date for e in evs] == ["2023-11-09"]
    _, evs = code(nlp, "カナダはイランを非難した。", published="2023-11-10")
    assert [e.date for e in evs] == [""]


def test_reported_demand_credits_the_speaker(nlp):
    got, _ = code(nlp, "ゼレンスキー大統領は、ロシアが占領地から撤退するよう要求したと述べた。")
    assert ("REQUEST", ("ゼレンスキー",), (), False) in {(t, a, (), n) for t, a, _, n in got}
    assert not any(t == "RETREAT" for t, *_ in got)


def test_confidence_in_unit_interval(nlp):
    _, evs = code(nlp, "米国はロシアに対する追加制裁を科し、中国を批判した。")
    assert evs and all(0.0 <= e.confidence <= 1.0 for e in evs)


def test_leader_noun_after_states_stands_for_their_leaders(nlp):
    from kg.extract.events_ja import extract_events

    text = "日米首脳が電話会談を行った。"
    doc = nlp(text)
    ms = make_mentions(doc)
    # the states' leaders named elsewhere in the document, known to the knowledge base
    extra = [
        Mention(100, 102, "岸田", "Person", 1, key="fumio-kishida"),
        Mention(110, 114, "バイデン", "Person", 1, key="joe-biden"),
    ]
    states = [
        Mention(
            m.start, m.end, m.text, "Country", 0, key={"日": "japan", "米": "united-states"}.get(m.text, "")
        )
        for m in ms
    ]
    if not any(m.key for m in states):  # the parser keeps 日米 whole: split it like the recogniser
        states = [
            Mention(0, 1, "日", "Country", 0, key="japan"),
            Mention(1, 2, "米", "Country", 0, key="united-states"),
        ]
    allm = states + extra
    evs = extract_events(
        doc, allm, [Sentence(0, len(text)), Sentence(100, 120)], offset=0, published="2023-11-10"
    )
    consult = [e for e in evs if e.etype == "CONSULT"]
    assert consult
    assert {allm[i].key for e in consult for i in e.actors + e.targets} == {"fumio-kishida", "joe-biden"}


KEYS = {"習近平": "xi-jinping", "プーチン": "vladimir-putin", "中国": "china", "ロシア": "russia"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a person and the state they act for are one side of a meeting
        (
            "プーチン大統領は中国の習近平国家主席と会談した。",
            {("CONSULT", frozenset({"習近平", "プーチン"}))},
        ),
        (
            "ロシアのプーチン大統領は習近平国家主席と電話で会談した。",
            {("CONSULT", frozenset({"習近平", "プーチン"}))},
        ),
    ],
)
def test_person_and_own_state_are_one_side(nlp, text, expected):
    from dataclasses import replace

    from kg.extract.events_ja import extract_events

    doc = nlp(text)
    ms = [replace(m, key=KEYS.get(m.text, "")) for m in make_mentions(doc)]
    evs = extract_events(doc, ms, [Sentence(0, len(text))], offset=0, published="2024-05-16")
    got = {
        (e.etype, frozenset(ms[i].text for i in e.actors + e.targets)) for e in evs if e.etype == "CONSULT"
    }
    assert got == expected


#: Knowledge-base keys for the metonymy and statement tests (capitals are KB locations).
KB_KEYS = {
    "モスクワ": ("Location", "moscow"), "北京": ("Location", "beijing"), "ワシントン": ("Location", "washington-dc"),
    "ロシア": ("Country", "russia"), "中国": ("Country", "china"), "米国": ("Country", "united-states"),
    "インド": ("Country", "india"), "トルコ": ("Country", "turkey"), "エジプト": ("Country", "egypt"),
    "イラン": ("Country", "iran"), "日本": ("Country", "japan"), "韓国": ("Country", "south-korea"),
    "岸田": ("Person", "fumio-kishida"), "尹錫悦": ("Person", "yoon-suk-yeol"),
}  # fmt: skip


def code_keyed(nlp, text: str, published: str = "2024-06-20"):
    """Like :func:`code`, with knowledge-base keys on the names of ``KB_KEYS``."""
    from dataclasses import replace

    from kg.extract.events_ja import extract_events

    doc = nlp(text)
    ms = []
    for m in make_mentions(doc):
        cls, key = KB_KEYS.get(m.text, (m.cls, ""))
        ms.append(replace(m, cls=cls, key=key or None))
    for name, (cls, key) in KB_KEYS.items():  # names GiNZA left out
        for hit in re.finditer(re.escape(name), text):
            if not any(x.start < hit.end() and hit.start() < x.end for x in ms):
                ms.append(Mention(hit.start(), hit.end(), name, cls, 0, key=key))
    ms.sort(key=lambda m: m.start)
    sents = [Sentence(0, len(text))]
    evs = extract_events(doc, ms, sents, offset=0, published=published)
    return ms, evs


def _keys(ms, idx) -> tuple[str, ...]:
    return tuple(sorted(ms[i].key or ms[i].text for i in idx))


@pytest.mark.parametrize(
    ("text", "etype", "actors", "targets"),
    [
        # the capital stands for the state the text names elsewhere
        ("ロシアは孤立している。モスクワはトルコの外相を招待した。", "CONSULT", ("russia",), ("turkey",)),
        # without a mention of the state, the capital itself (the link stage maps it)
        ("北京は米国の新たな関税措置に強く反発した。", "REJECT", ("beijing",), ("united-states",)),
        ("ワシントンはイランの核開発を非難した。", "ACCUSE", ("washington-dc",), ("iran",)),
    ],
)
def test_capital_subject_acts_for_its_state(nlp, text, etype, actors, targets):
    ms, evs = code_keyed(nlp, text)
    ev = [e for e in evs if e.etype == etype]
    assert [(_keys(ms, e.actors), _keys(ms, e.targets)) for e in ev] == [(actors, targets)]
    assert ev[0].how.endswith(":metonymy")


def test_capital_as_place_is_no_actor(nlp):
    ms, evs = code_keyed(nlp, "インドとトルコは北京で会談した。")
    consult = [e for e in evs if e.etype == "CONSULT"]
    assert [_keys(ms, e.actors + e.targets) for e in consult] == [("india", "turkey")]
    assert not any("metonymy" in e.how for e in evs)


def test_invitation_to_a_gathering_is_one_multilateral_meeting(nlp):
    ms, evs = code_keyed(
        nlp, "ロシアは先週、地域会合のために、インド、トルコ、エジプトなど各国の外相を招待した。"
    )
    consult = [e for e in evs if e.etype == "CONSULT"]
    assert len(consult) == 1
    assert _keys(ms, consult[0].targets) == ("egypt", "india", "turkey")
    assert consult[0].mode == "multilateral"


def test_visits_to_listed_states_stay_separate(nlp):
    ms, evs = code_keyed(nlp, "ロシアの外相はインドとトルコを訪問した。")
    pairs = sorted(_keys(ms, e.targets) for e in evs if e.etype == "CONSULT")
    assert pairs == [("india",), ("turkey",)]


def test_partner_beside_a_means_noun(nlp):
    """「Xと電話で会談」: X is the partner (not a place), the mode is phone."""
    ms, evs = code_keyed(nlp, "韓国の尹錫悦大統領は日本の岸田首相と電話で会談した。")
    consult = [e for e in evs if e.etype == "CONSULT"]
    assert [(_keys(ms, e.actors), _keys(ms, e.targets), e.mode) for e in consult] == [
        (("yoon-suk-yeol",), ("fumio-kishida",), "phone")
    ]


@pytest.mark.parametrize(
    ("text", "etype", "target"),
    [
        (
            "中国とロシアは共同声明を発表した。共同声明はまた、米国の制裁を非難したとしている。",
            "ACCUSE",
            "united-states",
        ),
        (
            "中国とロシアは共同声明に署名した。共同声明は、日本に軍備拡張をやめるよう求めている。",
            "REQUEST",
            "japan",
        ),
    ],
)
def test_statement_as_subject_speaks_for_its_parties(nlp, text, etype, target):
    ms, evs = code_keyed(nlp, text)
    ev = [e for e in evs if e.etype == etype]
    assert [(_keys(ms, e.actors), _keys(ms, e.targets)) for e in ev] == [(("china", "russia"), (target,))]


def test_joint_statement_of_a_summit_speaks_for_its_participants(nlp):
    ms, evs = code_keyed(
        nlp, "インドはトルコと首脳会談を行った。会談後に発表された共同声明は、米国の関税措置を非難した。"
    )
    ev = [e for e in evs if e.etype == "ACCUSE"]
    assert [(_keys(ms, e.actors), _keys(ms, e.targets)) for e in ev] == [
        (("india", "turkey"), ("united-states",))
    ]


def test_statement_without_known_parties_speaks_for_nobody(nlp):
    _, evs = code_keyed(nlp, "共同声明は米国の制裁を非難した。")
    assert [e for e in evs if e.etype == "ACCUSE"] == []


@pytest.mark.parametrize(
    ("text", "n"), [("米国は中国を非難した。", 1), ("米国は中国を非難する可能性がある。", 0)]
)
def test_confidence_threshold_drops_weak_events(nlp, text, n, monkeypatch):
    """Events under ``MIN_CONFIDENCE`` are dropped; raising it above every event drops them all."""
    import kg.extract.events_ja as ej

    _, evs = code_keyed(nlp, text)
    assert len([e for e in evs if e.etype == "ACCUSE"]) == n
    assert all(e.confidence >= ej.MIN_CONFIDENCE for e in evs)
    monkeypatch.setattr(ej, "MIN_CONFIDENCE", 1.0)
    _, evs = code_keyed(nlp, text)
    assert evs == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the items of a proposed condition are not acts of their own
        ("トルコは、スウェーデンがテロ組織への支援を撤回するなど、加盟承認の条件を提案した。", set()),
        ("イランは米国が制裁を解除するなど、核合意復帰の条件を示した。", set()),
        # an example of an act that happened stays an event
        (
            "ロシアは国境に部隊を集結させるなど、ウクライナを威嚇した。",
            {("MOBILIZE", ("ロシア",), (), False), ("THREATEN", ("ロシア",), ("ウクライナ",), False)},
        ),
    ],
)
def test_items_of_a_proposal_are_not_events(nlp, text, expected):
    got, _ = code(nlp, text)
    assert got == expected


def test_leader_speaks_for_own_state_in_the_quote(nlp):
    from dataclasses import replace

    from kg.extract.events_ja import extract_events

    text = "プーチン大統領は、ロシアは中国の提案を高く評価していると述べた。"
    doc = nlp(text)
    ms = [replace(m, key=KEYS.get(m.text, "")) for m in make_mentions(doc)]
    evs = extract_events(doc, ms, [Sentence(0, len(text))], offset=0, published="2024-05-16")
    got = {(e.etype, tuple(ms[i].text for i in e.actors), tuple(ms[i].text for i in e.targets)) for e in evs}
    assert got == {("SUPPORT", ("プーチン",), ("中国",))}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # support reaches only the owner of the object itself, not the owner's owner
        ("インドは、日本の自動車メーカーの参入を歓迎した。", {("SUPPORT", ("インド",), (), False)}),
        ("インドは日本の提案を歓迎した。", {("SUPPORT", ("インド",), ("日本",), False)}),
        # an accusation still reaches further down
        ("ドイツは、ロシアの国営企業の軍事支援を非難した。", {("ACCUSE", ("ドイツ",), ("ロシア",), False)}),
    ],
)
def test_support_target_is_the_objects_own_owner(nlp, text, expected):
    got, _ = code(nlp, text)
    assert got == expected


DETACHED = {"オラフ・ショルツ": "Person", "ヨゼップ・ボレル": "Person", "ペドロ・サンチェス": "Person",
            "シャルル・ミシェル": "Person"}  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # names the parser hangs off as adverbs/obliques still act, not the organisation in their title
        (
            "岸田首相は、オラフ・ショルツドイツ首相とヨゼップ・ボレル欧州連合外交安全保障上級代表から非難された。",
            {("ACCUSE", ("オラフ・ショルツ", "ヨゼップ・ボレル"), ("岸田",), False)},
        ),
        (
            "尹錫悦大統領は、ペドロ・サンチェススペイン首相とシャルル・ミシェル欧州理事会常任議長から強い圧力を受けた。",
            {("REQUEST", ("シャルル・ミシェル",), ("尹錫悦",), False)},
        ),
    ],
)
def test_detached_name_before_title_is_the_actor(nlp, text, expected, monkeypatch):
    monkeypatch.setitem(globals(), "NAMES", {**NAMES, **DETACHED})
    got, _ = code(nlp, text)
    assert got == expected


@pytest.mark.parametrize("text,etype,speaker", [
    ("エルドアン大統領は「対話の扉は閉ざされていない。しかし我々はイスラエルの空爆を非難する。」と語った。",
     "ACCUSE", "エルドアン"),
    ("「時間は十分にあった。イランに核開発の停止を要求する」と、ブリンケン国務長官は強調した。", "REQUEST", "ブリンケン"),
])
def test_later_sentence_of_a_quote_is_the_speakers(nlp, text, etype, speaker):
    got, _ = code(nlp, text)
    assert any(t == etype and speaker in a for t, a, _, _ in got), got
