"""Count events, not reports: merge coded events that tell of one happening.

Rule
----
Two events are one when

* their type and polarity are the same;
* their participants are the same: for the symmetric types (AGREE, CONSULT,
  COOPERATE) the same *set* of participants, actors and targets together;
  for the others the same actors and the same targets;
* their dates are compatible: equal; or two full dates at most one day
  apart (a report the next day, a time-zone edge); or one is a partial date
  that contains the other (``2024-05`` and ``2024-05-16``, ``2024`` and
  ``2024-05``); or one has no date at all, which then joins the most
  well-reported dated group of the same participants, under the rule below.

Undated reports
---------------
A report without a date of its own joins a dated group when the group
holds a report from the same document, or when its document's
publication date lies within :data:`NEAR_DAYS` days of the group's date
(a partial group date such as ``2024-05`` stretches over its whole month),
or when its document has no known publication date. Among the groups it
may join, it prefers one its own document reports, then the one reported
by the most documents (then the most specific and earliest). Undated reports that join no dated group are
grouped by document publication date (within :data:`NEAR_DAYS` days, or
unknown), so an undated 2022 report never merges with an undated 2024
one.

The merged event takes the most specific date (the earliest of two
adjacent days), the union of evidence (each sentence once), triggers,
locations and ``about``, the most frequent mode, and the combined
confidence ``1 - Π(1 - c_i)`` (several independent reports make it
surer), capped at 0.99.

>>> from kg.types import CodedEvent, Evidence
>>> a = CodedEvent("CONSULT", ("putin", "xi"), date="2024-05-16", confidence=0.6, evidence=(Evidence("d1", 0, 5, "x"),))
>>> b = CodedEvent("CONSULT", ("xi",), ("putin",), date="2024-05-17", confidence=0.5, evidence=(Evidence("d2", 3, 9, "y"),))
>>> [(e.date, e.report_count, e.confidence) for e in merge_events([a, b])]
[('2024-05-16', 2, 0.8)]
>>> old = CodedEvent("CONSULT", ("putin", "xi"), confidence=0.5, evidence=(Evidence("d3", 0, 5, "z"),))
>>> [(e.date, e.report_count) for e in merge_events([a, b, old], published={"d1": "2024-05-16", "d3": "2022-02-05"})]
[('', 1), ('2024-05-16', 2)]
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping

from kg.extract.lexicon import SYMMETRIC_TYPES
from kg.types import CodedEvent

__all__ = ["merge_events", "dates_compatible", "participant_key", "near_publication", "NEAR_DAYS"]

#: How far (in days) a document's publication may lie from an event it reports without a date.
NEAR_DAYS = 7


def participant_key(ev: CodedEvent) -> tuple:
    """What must be equal for two events to be one (besides date).

    >>> participant_key(CodedEvent("AGREE", ("a",), ("b",))) == participant_key(CodedEvent("AGREE", ("b", "a")))
    True
    >>> participant_key(CodedEvent("ACCUSE", ("a",), ("b",))) == participant_key(CodedEvent("ACCUSE", ("b",), ("a",)))
    False
    """
    if ev.etype in SYMMETRIC_TYPES:
        return (ev.etype, ev.negated, frozenset(ev.actors) | frozenset(ev.targets))
    return (ev.etype, ev.negated, frozenset(ev.actors), frozenset(ev.targets))


def dates_compatible(a: str, b: str) -> bool:
    """True when two normalised dates may name the same happening.

    >>> dates_compatible("2024-05-16", "2024-05-17"), dates_compatible("2024-05-16", "2024-05-19")
    (True, False)
    >>> dates_compatible("2024-05", "2024-05-16"), dates_compatible("2024", "2023-12"), dates_compatible("", "2024")
    (True, False, True)
    """
    if not a or not b or a == b:
        return True
    if len(a) == len(b) == 10:
        try:
            return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days) <= 1
        except ValueError:
            return False
    short, long_ = sorted((a, b), key=len)
    return long_.startswith(short)


def _best_date(dates: Iterable[str]) -> str:
    ds = [d for d in dates if d]
    if not ds:
        return ""
    top = max(len(d) for d in ds)
    return min(d for d in ds if len(d) == top)


def _combine(group: list[CodedEvent]) -> CodedEvent:
    first = group[0]
    evidence = tuple(dict.fromkeys(e for g in group for e in g.evidence))
    conf = 1.0
    for g in group:
        conf *= 1.0 - max(0.0, min(1.0, g.confidence))
    modes = Counter(g.mode for g in group if g.mode)
    actors = tuple(sorted({a for g in group for a in g.actors}))
    targets = tuple(
        sorted(
            {t for g in group for t in g.targets} - (set(actors) if first.etype in SYMMETRIC_TYPES else set())
        )
    )
    return CodedEvent(
        etype=first.etype,
        actors=actors,
        targets=targets,
        date=_best_date(g.date for g in group),
        mode=modes.most_common(1)[0][0] if modes else "",
        locations=tuple(sorted({x for g in group for x in g.locations})),
        about=tuple(sorted({x for g in group for x in g.about})),
        negated=first.negated,
        confidence=round(min(0.99, 1.0 - conf), 3),
        evidence=evidence,
        triggers=tuple(dict.fromkeys(t for g in group for t in g.triggers)),
    )


def _span(date: str) -> tuple[dt.date, dt.date] | None:
    """First and last day a normalised date covers (``2024-05`` covers the month)."""
    try:
        if len(date) == 10:
            d = dt.date.fromisoformat(date)
            return d, d
        if len(date) == 7:
            y, m = int(date[:4]), int(date[5:7])
            nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
            return dt.date(y, m, 1), nxt - dt.timedelta(days=1)
        if len(date) == 4:
            return dt.date(int(date), 1, 1), dt.date(int(date), 12, 31)
    except ValueError:
        return None
    return None


def near_publication(published: str, date: str, days: int = NEAR_DAYS) -> bool:
    """True when a report published on ``published`` may tell of an event dated ``date``.

    Unknown dates (``""`` or unparsable) never rule a report out.

    >>> near_publication("2024-05-20", "2024-05-16"), near_publication("2024-05-20", "2024-02-24")
    (True, False)
    >>> near_publication("2024-06-03", "2024-05"), near_publication("2022-02-05", "2024"), near_publication("", "2024")
    (True, False, True)
    """
    pub, span = _span(published[:10]) if published else None, _span(date) if date else None
    if pub is None or span is None:
        return True
    p = pub[0]
    return span[0] - dt.timedelta(days=days) <= p <= span[1] + dt.timedelta(days=days)


def _docs(ev: CodedEvent) -> set[str]:
    return {x.doc_id for x in ev.evidence}


def merge_events(
    events: Iterable[CodedEvent], published: Mapping[str, str] | None = None
) -> list[CodedEvent]:
    """Merge the reports of one happening into one event (see the module rule).

    Parameters
    ----------
    events : iterable of CodedEvent
        Linked events, one per report (sentence).
    published : mapping of str to str, optional
        Document id -> publication date (``YYYY-MM-DD`` or ``""``), used to
        place undated reports; without it every publication date is unknown.

    Returns
    -------
    list of CodedEvent
        One per happening, sorted by type, date and participants; the input
        order does not change the result.
    """
    pubs = published or {}

    def pub_of(ev: CodedEvent) -> str:
        ds = sorted({pubs.get(d, "") for d in _docs(ev)} - {""})
        return ds[0] if ds else ""

    buckets: dict[tuple, list[CodedEvent]] = {}
    for ev in events:
        buckets.setdefault(participant_key(ev), []).append(ev)
    out: list[CodedEvent] = []
    for evs in buckets.values():
        evs.sort(
            key=lambda e: (
                -len(e.date),
                e.date,
                -e.confidence,
                e.evidence and (e.evidence[0].doc_id, e.evidence[0].start) or ("", 0),
            )
        )
        clusters: list[list[CodedEvent]] = []
        undated: list[CodedEvent] = []
        for ev in evs:
            if not ev.date:
                undated.append(ev)
                continue
            for cl in clusters:
                if all(dates_compatible(ev.date, c.date) for c in cl):
                    cl.append(ev)
                    break
            else:
                clusters.append([ev])
        dated = [(cl, _best_date(c.date for c in cl), {d for c in cl for d in _docs(c)}) for cl in clusters]
        rest: list[list[CodedEvent]] = []
        for ev in undated:
            docs, pub = _docs(ev), pub_of(ev)
            fits = [(cl, date, ds) for cl, date, ds in dated if docs & ds or near_publication(pub, date)]
            if fits:
                cl, _, ds = min(fits, key=lambda f: (not docs & f[2], -len(f[2]), -len(f[1]), f[1]))
                cl.append(ev)
                ds.update(docs)
                continue
            for grp in rest:
                if all(near_publication(pub, pub_of(g), NEAR_DAYS) for g in grp):
                    grp.append(ev)
                    break
            else:
                rest.append([ev])
        out.extend(_combine(cl) for cl in clusters + rest)
    out.sort(key=lambda e: (e.etype, e.date, e.actors, e.targets, e.negated))
    return out
