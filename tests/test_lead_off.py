"""Kinship words and dotted titles before person names (kg.recognize.titles.lead_off)."""

import pytest

from kg.recognize.titles import lead_off


@pytest.mark.parametrize(
    ("span", "name"),
    [
        ("次男健二", "健二"),
        ("四女由美子", "由美子"),
        ("祖父清", "祖父清"),  # the rest must be a name of two characters or more
        ("社長・高田正人", "高田正人"),
        ("監督・森一", "森一"),
        ("エマ・ワトソン", "エマ・ワトソン"),  # katakana names hold a middle dot
        ("長谷川一夫", "長谷川一夫"),  # 長 opens the surname, not a kinship word
        ("息子", "息子"),
        ("GK川島正樹", "川島正樹"),  # a player's position glued before the name
        ("NHK", "NHK"),
    ],
)
def test_lead_off(span, name):
    assert span[lead_off(span):] == name
