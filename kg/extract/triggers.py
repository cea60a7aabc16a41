"""Triggers and modes of Japanese events: which lexicon entry a token codes,
which mode the event takes (電話会談 -> phone), whether a meeting is
multilateral, and who a joint statement speaks for (:func:`summit_parties`).
Used by :mod:`kg.extract.events_ja`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kg.extract.lexicon import Lexicon, Predicate
from kg.types import EventCandidate, Mention

__all__ = ["MULTILATERAL_NOUNS", "TYPE_MODES", "GENERIC_MODES", "summit_parties"]


#: Nouns of a gathering of many parties: partners of a meeting held for one are all one meeting.
MULTILATERAL_NOUNS = ("会議", "会合", "サミット", "フォーラム", "総会", "首脳会合", "閣僚会合")


def _multilateral(head: Any) -> bool:
    """True when the clause of ``head`` is about a gathering (「…会合のために招待した」)."""
    for c in head.children:
        if c.dep_ not in ("obl", "obj", "nmod", "advcl"):
            continue
        for t in c.subtree:
            if t.pos_ in ("NOUN", "PROPN") and t.text.endswith(MULTILATERAL_NOUNS) and t.i < head.i:
                return True
    return False


def _trigger(lex: Lexicon, tok: Any) -> tuple[Predicate, str] | None:
    """The predicate coded by ``tok``, trying the compound noun it ends first (首脳会談, 軍事支援)."""
    objs = tuple(c.lemma_ for c in tok.children if c.dep_ in ("obj", "nsubj", "obl"))
    objs += tuple(
        "".join(x.text for x in c.subtree if x.dep_ == "compound" and x.head is c) + c.text
        for c in tok.children
        if c.dep_ == "obj"
    )
    comp = [c for c in tok.children if c.dep_ == "compound" and c.i < tok.i]
    if comp:
        surface = tok.doc[comp[0].i : tok.i + 1].text
        for k in range(len(surface) - len(tok.text)):
            p = lex.lookup(surface[k:], objs)
            if p is not None:
                return p, surface[k:]
    for key in (tok.lemma_, tok.text):
        p = lex.lookup(key, objs)
        if p is not None:
            return p, key
    return None


#: The modes each type admits (others come from the lexicon entry itself).
TYPE_MODES = {
    "CONSULT": frozenset({"phone", "meet", "visit", "multilateral"}),
    "ASSAULT": frozenset({"aerial", "missile", "ground", "cyber", "naval"}),
    "AID": frozenset({"military", "economic", "humanitarian"}),
    "SUPPORT": frozenset({"military", "economic", "humanitarian", "diplomatic"}),
    "SANCTION": frozenset({"economic", "diplomatic", "expel"}),
    "MOBILIZE": frozenset({"missile", "naval", "aerial", "ground"}),
}


#: Modes a more specific hint may replace (「電話で会談」 is a phone call, not a meeting).
GENERIC_MODES = frozenset({"", "meet"})


def _mode(lex: Lexicon, pred: Predicate, etype: str, toks: Sequence[Any]) -> str:
    own = pred.mode if pred.etype == etype else ""
    if own not in GENERIC_MODES:
        return own
    allowed = TYPE_MODES.get(etype, frozenset())
    generic = ""
    for t in toks:
        for c in [t] + [c for c in t.children if c.dep_ in ("compound", "nmod", "obj", "obl")]:
            for hint, mode in lex.mode_hints.items():
                if mode in allowed and (c.text.startswith(hint) or c.text.endswith(hint)):
                    if mode not in GENERIC_MODES:
                        return mode
                    generic = generic or mode
    return own or generic


def summit_parties(
    events: Sequence[EventCandidate], mentions: Sequence[Mention], states: dict[int, str]
) -> tuple[int, ...]:
    """The states that met at the best-attested meeting of some events (who a joint statement speaks for).

    A joint statement whose parties the text never names is the statement of
    the summit it reports: the participants of the surest CONSULT event with
    two or more sides, people replaced by the state they act for when the
    document names it.

    >>> ms = [Mention(0, 2, "習近平", "Person", 0, key="xi"), Mention(3, 5, "中国", "Country", 0, key="china"),
    ...       Mention(6, 9, "プーチン", "Person", 0, key="putin")]
    >>> evs = [EventCandidate("CONSULT", 0, (0, 2), confidence=0.8), EventCandidate("CONSULT", 0, (2,), confidence=0.9)]
    >>> summit_parties(evs, ms, {0: "china", 2: "russia"})
    (1, 2)
    """
    state_mention: dict[str, int] = {}
    for i, m in enumerate(mentions):
        if m.cls == "Country" and m.key and m.source != "coref":
            state_mention.setdefault(m.key, i)
    best: tuple[float, tuple[int, ...]] | None = None
    for ev in events:
        if ev.etype != "CONSULT" or ev.negated:
            continue
        sides = sorted(
            {
                state_mention.get(states.get(i, ""), i)
                for i in ev.actors + ev.targets
                if mentions[i].cls != "Location"
            }
        )
        keys = {mentions[i].key or mentions[i].text for i in sides}
        if len(keys) >= 2 and (best is None or ev.confidence > best[0]):
            best = (ev.confidence, tuple(sides))
    return best[1] if best else ()
