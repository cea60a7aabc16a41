"""Sides: which state a named person or a capital city stands for in a document.

A person acts for the state of their office at the publication date (from
the knowledge base); a capital as the subject of a diplomatic act speaks for
its state (metonymy). Used by :mod:`kg.extract.arguments_ja` and
:mod:`kg.extract.events_ja`.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from kg.types import Mention

__all__ = ["LEADER_NOUNS", "person_states", "leader_mentions", "capital_states"]

log = logging.getLogger(__name__)


#: Nouns for the leaders of the states compounded before them (「中ロ首脳」, 「日米首脳」).
LEADER_NOUNS = frozenset({"首脳", "両首脳", "首脳陣", "トップ", "指導者", "元首"})


def person_states(mentions: Sequence[Mention], published: str, kb: Any = None) -> dict[int, str]:
    """Mention index -> the state (or body) each named person acts for at the publication date.

    From the knowledge base's offices; people it does not know are left out.
    """
    if kb is None:
        try:
            from kg.kb import load_kb

            kb = load_kb()
        except Exception:  # noqa: BLE001 - without a knowledge base nobody is placed
            log.debug("no knowledge base for person states", exc_info=True)
            return {}
    out: dict[int, str] = {}
    cache: dict[str, str | None] = {}
    for i, m in enumerate(mentions):
        if m.cls != "Person" or not m.key or m.source == "coref":
            continue
        if m.key not in cache:
            cache[m.key] = kb.affiliation_at(m.key, published or "9999")
        if cache[m.key]:
            out[i] = str(cache[m.key])
    return out


def leader_mentions(states: dict[int, str], mentions: Sequence[Mention]) -> dict[str, int]:
    """State key -> the first mention of the person who most often acts for it in the document.

    A leader noun after state names (「中ロ首脳が会談」) stands for those
    states' leaders; ``states`` comes from :func:`person_states`.

    >>> ms = [Mention(0, 2, "岸田", "Person", 0, key="k"), Mention(5, 7, "林", "Person", 0, key="h"),
    ...       Mention(9, 11, "岸田", "Person", 0, key="k")]
    >>> leader_mentions({0: "japan", 1: "japan", 2: "japan"}, ms)
    {'japan': 0}
    """
    first: dict[str, int] = {}
    counts: dict[str, dict[int, int]] = {}
    for i, state in states.items():
        f = first.setdefault(mentions[i].key, i)
        counts.setdefault(state, {})
        counts[state][f] = counts[state].get(f, 0) + 1
    return {st: max(c, key=lambda i: (c[i], -i)) for st, c in counts.items()}


def capital_states(mentions: Sequence[Mention], kb: Any = None) -> dict[int, int]:
    """Mention index of a capital city -> the mention that stands for its state.

    A capital as the subject of an act (「モスクワは…招待した」, 「北京は反発した」)
    acts for its government. The state is the document's first mention of
    the country whose capital it is; when the document never names that
    country, the capital maps to itself (the link stage maps it, see
    ``how="…:metonymy"``). Capitals come from the knowledge base
    (locations with ``kind: capital``).

    >>> from types import SimpleNamespace as NS
    >>> kb = NS(records={"moscow": NS(kind="capital", country="russia"), "kyoto": NS(kind="city", country="japan")})
    >>> ms = [Mention(0, 4, "モスクワ", "Location", 0, key="moscow"), Mention(5, 8, "ロシア", "Country", 0, key="russia"),
    ...       Mention(9, 11, "京都", "Location", 0, key="kyoto")]
    >>> capital_states(ms, kb)
    {0: 1}
    >>> capital_states(ms[:1], kb)
    {0: 0}
    """
    if kb is None:
        try:
            from kg.kb import load_kb

            kb = load_kb()
        except Exception:  # noqa: BLE001 - without a knowledge base no capital is known
            log.debug("no knowledge base for capitals", exc_info=True)
            return {}
    records = getattr(kb, "records", {})
    first_state: dict[str, int] = {}
    for i, m in enumerate(mentions):
        if m.cls == "Country" and m.key and m.source != "coref":
            first_state.setdefault(m.key, i)
    out: dict[int, int] = {}
    for i, m in enumerate(mentions):
        if m.cls != "Location" or not m.key or m.source == "coref":
            continue
        rec = records.get(m.key)
        if rec is None or getattr(rec, "kind", "") != "capital" or not getattr(rec, "country", ""):
            continue
        out[i] = first_state.get(rec.country, i)
    return out
