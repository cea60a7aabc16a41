"""English clause rules over a table of sentences."""

from __future__ import annotations

import re

import pytest

from kg.extract.events_en import extract_events_en, inflections
from kg.types import Mention, Sentence

from .conftest import event_signatures

NAMES = {"Canada": "Country", "Iran": "Country", "Germany": "Country", "Poland": "Country", "Belarus": "Country",
         "Japan": "Country", "India": "Country", "Brazil": "Country", "Israel": "Country", "Egypt": "Country",
         "Olaf Scholz": "Person", "Narendra Modi": "Person", "Lula": "Person", "NATO": "InternationalOrganization",
         "Cairo": "Location"}  # fmt: skip


def code(text, published="2023-11-10"):
    ms = sorted(
        (
            Mention(m.start(), m.end(), n, c, 0)
            for n, c in NAMES.items()
            for m in re.finditer(re.escape(n), text)
        ),
        key=lambda m: m.start,
    )
    sents = [Sentence(m.start(), m.end(), "en") for m in re.finditer(r"[^.]+\.", text)]
    evs = extract_events_en(text, ms, sents, offset=0, published=published)
    return event_signatures(evs, ms), evs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Canada condemned Iran.", {("ACCUSE", ("Canada",), ("Iran",), False)}),
        ("Germany imposed sanctions on Belarus.", {("SANCTION", ("Germany",), ("Belarus",), False)}),
        ("Narendra Modi and Lula met in Cairo.", {("CONSULT", ("Lula", "Narendra Modi"), (), False)}),
        ("Poland did not criticize Japan.", {("ACCUSE", ("Poland",), ("Japan",), True)}),
        ("Belarus was criticized by Poland.", {("ACCUSE", ("Poland",), ("Belarus",), False)}),
        ("Olaf Scholz visited India.", {("CONSULT", ("Olaf Scholz",), ("India",), False)}),
        ("Israel rejected the plan of Egypt.", {("REJECT", ("Israel",), ("Egypt",), False)}),
        ("If Japan sanctioned Iran, Germany would object.", set()),
        ("Brazil plans to visit Egypt.", set()),
        ("Canada will support NATO.", set()),
    ],
)
def test_sentence_table(text, expected):
    got, _ = code(text)
    assert got == expected


def test_dates_and_confidence():
    _, evs = code("On Tuesday Canada condemned Iran.")
    (e,) = evs
    assert e.date == "2023-11-07" and 0 < e.confidence <= 1


def test_inflections_irregular():
    assert "held talks" in inflections("hold talks", ["held"])
