"""Count events, not reports."""

from __future__ import annotations

import pytest

from kg.extract.merge import merge_events
from kg.types import CodedEvent, Evidence


def ev(etype, actors, targets=(), date="", conf=0.5, doc="d1", start=0, negated=False):
    return CodedEvent(
        etype,
        tuple(actors),
        tuple(targets),
        date=date,
        confidence=conf,
        negated=negated,
        evidence=(Evidence(doc, start, start + 5, "s"),),
        triggers=(etype.lower(),),
    )


@pytest.mark.parametrize(
    ("events", "count"),
    [
        # same meeting reported twice, partners swapped between actor and target
        (
            [
                ev("CONSULT", ["a", "b"], date="2023-03-01"),
                ev("CONSULT", ["b"], ["a"], date="2023-03-01", doc="d2"),
            ],
            1,
        ),
        # a report the next day
        (
            [
                ev("AGREE", ["a", "b"], date="2023-03-01"),
                ev("AGREE", ["a", "b"], date="2023-03-02", doc="d2"),
            ],
            1,
        ),
        # three days apart: two happenings
        (
            [
                ev("AGREE", ["a", "b"], date="2023-03-01"),
                ev("AGREE", ["a", "b"], date="2023-03-04", doc="d2"),
            ],
            2,
        ),
        # directed types keep direction
        ([ev("ACCUSE", ["a"], ["b"]), ev("ACCUSE", ["b"], ["a"], doc="d2")], 2),
        # month contains day; an undated report joins
        (
            [
                ev("SANCTION", ["a"], ["b"], date="2023-03"),
                ev("SANCTION", ["a"], ["b"], date="2023-03-15", start=9),
                ev("SANCTION", ["a"], ["b"], doc="d3"),
            ],
            1,
        ),
        # different years stay apart
        ([ev("ASSAULT", ["a"], ["b"], date="2022"), ev("ASSAULT", ["a"], ["b"], date="2023-02")], 2),
        # negated and affirmed are not one
        ([ev("REJECT", ["a"], ["b"]), ev("REJECT", ["a"], ["b"], negated=True, start=7)], 2),
        # different types
        ([ev("CONSULT", ["a", "b"]), ev("AGREE", ["a", "b"])], 2),
    ],
)
def test_merge_counts(events, count):
    assert len(merge_events(events)) == count
    assert len(merge_events(list(reversed(events)))) == count


def test_merged_event_keeps_all_evidence_and_combines_confidence():
    out = merge_events(
        [
            ev("CONSULT", ["a", "b"], date="2023-03", conf=0.5),
            ev("CONSULT", ["a", "b"], date="2023-03-01", conf=0.5, doc="d2"),
        ]
    )
    (m,) = out
    assert m.report_count == 2
    assert m.date == "2023-03-01"
    assert m.confidence == pytest.approx(0.75)


def test_same_sentence_counted_once():
    a = ev("CONSULT", ["a", "b"], conf=0.6)
    (m,) = merge_events([a, a])
    assert m.report_count == 1
