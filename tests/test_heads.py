"""Head-word typing of names (kg.recognize.heads)."""

import pytest

from kg.recognize.heads import head_class, head_of


@pytest.mark.parametrize(
    ("span", "person", "expected"),
    [
        ("名古屋港駅", False, "Location"),
        ("松山空港", False, "Location"),
        ("大和重工業", True, "Company"),
        ("北海道新聞", False, "Media"),
        ("西都大学", True, "Institute"),
        ("ネパール外務省", True, "GovernmentBody"),
        ("ペルー大統領選挙", False, "NamedEvent"),
        ("ボスニア紛争", True, "NamedEvent"),
        ("カナダ海軍", False, "ArmedForces"),
        ("国民民主同盟党", False, "Organization"),
        ("長野市", False, "Location"),
        ("第12軍団", False, "ArmedForces"),
        ("第3旅団", True, "ArmedForces"),
        ("ベルギー選手団", True, "Organization"),
        ("ケベック水力公社", False, "Organization"),
        ("大橋巨泉後援会", True, "Organization"),
        ("ノルウェー国教会", False, "Organization"),
        ("リンデ・グループ", True, "Organization"),
        ("中村", True, None),  # a family name ends in 村: never retyped when read as a person
        ("北島", True, None),
        ("北島", False, "Location"),
        ("ヨハネス", False, None),
        ("駅", False, None),  # the head alone names nothing
    ],
)
def test_head_class(span, person, expected):
    assert head_class(span, person=person) == expected


@pytest.mark.parametrize(
    ("span", "head"),
    [("横浜国際競技場", "競技場"), ("東和原子力発電所", "原子力発電所"), ("第3回アジア選手権", "選手権")],
)
def test_longest_head_wins(span, head):
    assert head_of(span)[0] == head


@pytest.mark.parametrize(
    ("span", "owner"),
    [("北陸電力志賀原子力発電所", "北陸電力"), ("南海製紙高知工場", "南海製紙"), ("札幌ドーム球場", None), ("長崎市民病院", None)],
)
def test_owner_split(span, owner):
    from kg.recognize.heads import owner_split

    k = owner_split(span)
    assert (span[:k] if k else None) == owner


_PLACES = {"米", "韓", "日", "ソウル", "パリ", "ワシントン"}


@pytest.mark.parametrize(
    ("span", "generic"),
    [("米韓首脳会談", True), ("ソウル会談", True), ("日米外相会談", True), ("パリ講和会議", False),
     ("国際平和首脳会談", False), ("ワシントン", False)],
)
def test_generic_meeting(span, generic):
    from kg.recognize.heads import generic_meeting

    def is_place(t):
        return t in _PLACES or all(c in _PLACES for c in t)

    assert generic_meeting(span, is_place) is generic
