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
