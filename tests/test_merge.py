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


PUBS = {"d2022": "2022-02-05", "d2024a": "2024-05-17", "d2024b": "2024-05-20", "dnone": "", "dother": ""}


@pytest.mark.parametrize(
    ("undated_doc", "joins"),
    [
        ("d2024a", "2024-05-16"),  # published the next day: a retelling of the dated meeting
        ("d2024b", "2024-05-16"),  # four days later, still near
        ("d2022", ""),  # two years earlier: another meeting, left undated
        ("dnone", "2024-05-16"),  # no publication date: joins the best-reported group
    ],
)
def test_undated_report_joins_only_a_group_near_its_publication(undated_doc, joins):
    dated = [
        ev("CONSULT", ["putin", "xi"], date="2024-05-16", doc="d2024a"),
        ev("CONSULT", ["putin", "xi"], date="2024-05-16", doc="d2024b", start=9),
        ev("CONSULT", ["putin", "xi"], date="2024-02-24", doc="dother", start=20),
    ]
    undated = ev("CONSULT", ["xi"], ["putin"], doc=undated_doc, start=40)
    out = merge_events([*dated, undated], published=PUBS)
    holder = [e for e in out if any(x.start == 40 for x in e.evidence)]
    assert [e.date for e in holder] == [joins]


def test_undated_reports_of_distant_years_stay_apart():
    a = ev("AGREE", ["china", "russia"], doc="d2022")
    b = ev("AGREE", ["russia", "china"], doc="d2024a", start=7)
    assert len(merge_events([a, b], published=PUBS)) == 2
    assert len(merge_events([a, b])) == 1  # without publication dates nothing tells them apart


def test_undated_report_prefers_its_own_documents_group():
    own = ev("SUPPORT", ["a"], ["b"], date="2023-01", doc="dnone")
    other = ev("SUPPORT", ["a"], ["b"], date="2023-06-02", doc="d2022", start=3)
    undated = ev("SUPPORT", ["a"], ["b"], doc="dnone", start=50)
    out = merge_events([own, other, undated], published=PUBS)
    holder = [e for e in out if any(x.start == 50 for x in e.evidence)]
    assert [e.date for e in holder] == ["2023-01"]
