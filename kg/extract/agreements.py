"""Agreements and named events: spans in the text, and one identity per agreement.

:func:`agreement_spans` finds agreement mentions (共同声明, 条約, 包括的戦略的
パートナーシップ, 12項目の平和計画, 協定, 覚書, ガス供給契約 …) and clear
named events (ウクライナ戦争, 北京五輪, G7サミット) with the patterns in
``kg/data/lexicon/agreements.yaml``. :func:`agreement_identity` gives an
agreement its key and labels, so that the same agreement read in several
documents becomes one entity.

>>> agreement_identity("JointStatement", ["russia", "china"], "2024-05-16", ["Russia", "China"], ["ロシア", "中国"])
('joint-statement/china-russia/2024-05', 'China–Russia joint statement, 2024-05', '中国・ロシア共同声明（2024年5月）')
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from kg.extract.lexicon import LEXICON_DIR

__all__ = ["AGREEMENT_CLASSES", "agreement_spans", "find_agreement_spans", "agreement_identity"]

log = logging.getLogger(__name__)

AGREEMENT_CLASSES = ("Agreement", "JointStatement", "Treaty", "Partnership", "Plan", "Deal")

#: class -> (key slug, English noun, Japanese noun)
_NOUNS = {
    "Agreement": ("agreement", "agreement", "協定"),
    "JointStatement": ("joint-statement", "joint statement", "共同声明"),
    "Treaty": ("treaty", "treaty", "条約"),
    "Partnership": ("partnership", "partnership", "パートナーシップ"),
    "Plan": ("plan", "plan", "計画"),
    "Deal": ("deal", "deal", "取引"),
}


@lru_cache(maxsize=1)
def _patterns() -> tuple[list[tuple[str, re.Pattern[str], int]], list[tuple[re.Pattern[str], bool]]]:
    import yaml

    data = yaml.safe_load((LEXICON_DIR / "agreements.yaml").read_text(encoding="utf-8")) or {}
    ags = [(p["cls"], re.compile(p["re"]), int(p.get("min_len", 0))) for p in data.get("agreements", ())]
    evs = [(re.compile(p["re"]), bool(p.get("proper", False))) for p in data.get("named_events", ())]
    return ags, evs


def find_agreement_spans(text: str, proper_at: Any = None) -> list[tuple[int, int, str]]:
    """Agreement and named-event spans of a plain text (offsets relative to it).

    ``proper_at(i)`` tells whether the character at ``i`` belongs to a proper
    noun (from a parse); without it, patterns that need one are skipped.
    Overlaps are resolved longest first.

    >>> find_agreement_spans("両国は包括的戦略的パートナーシップ条約に署名した")
    [(3, 19, 'Treaty')]
    >>> find_agreement_spans("中国は12項目の和平計画を発表した")
    [(3, 12, 'Plan')]
    >>> find_agreement_spans("G7サミットで共同声明を採択した")
    [(0, 6, 'NamedEvent'), (7, 11, 'JointStatement')]
    >>> find_agreement_spans("新たな戦争は避けたい")
    []
    """
    ags, evs = _patterns()
    cands: list[tuple[int, int, str]] = []
    for cls, rx, min_len in ags:
        for m in rx.finditer(text):
            s, e = m.span()
            if e - s >= max(min_len, 2):
                cands.append((s, e, "Treaty" if text.endswith("条約", s, e) else cls))
    for rx, proper in evs:
        for m in rx.finditer(text):
            s, e = m.span()
            if proper:
                if proper_at is None:
                    continue
                # trim the prefix to its proper-noun part
                k = s
                while k < e and not proper_at(k):
                    k += 1
                if k >= e or not proper_at(k):
                    continue
                s = k
            cands.append((s, e, "NamedEvent"))
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    taken: list[tuple[int, int, str]] = []
    for c in cands:
        if all(c[1] <= t[0] or c[0] >= t[1] for t in taken):
            taken.append(c)
    return sorted(taken)


def agreement_spans(doc: Any, *, offset: int) -> list[tuple[int, int, str]]:
    """Agreement and named-event mentions of a GiNZA-parsed chunk.

    Parameters
    ----------
    doc : spacy.tokens.Doc
        The parse of ``context[offset:offset + len(doc.text)]``.
    offset : int
        Where the chunk starts in the context.

    Returns
    -------
    list of (int, int, str)
        Absolute ``(start, end, cls)``; ``cls`` is one of Agreement,
        JointStatement, Treaty, Partnership, Plan, Deal or NamedEvent.
    """
    proper = [False] * (len(doc.text) + 1)
    for t in doc:
        if "固有名詞" in t.tag_ or t.pos_ == "PROPN" or t.ent_type_ in ("Country", "City", "Province", "GPE"):
            for i in range(t.idx, t.idx + len(t.text)):
                proper[i] = True
    spans = find_agreement_spans(doc.text, lambda i: 0 <= i < len(proper) and proper[i])
    # an agreement span must start on a token boundary (not inside a word)
    starts = {t.idx for t in doc}
    out = []
    for s, e, cls in spans:
        if s not in starts:
            nxt = min((x for x in starts if s < x < e), default=None)
            if nxt is None:
                continue
            s = nxt
        out.append((offset + s, offset + e, cls))
    return out


def agreement_identity(
    cls: str, parties: Sequence[str], date: str, en_parties: Sequence[str], ja_parties: Sequence[str]
) -> tuple[str, str, str]:
    """Key and labels of an agreement: the same class, parties and month give the same key.

    Parameters
    ----------
    cls : str
        Agreement class local name (``JointStatement``, ``Treaty`` …).
    parties : sequence of str
        Entity keys of the parties.
    date : str
        ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or ``""``; the key keeps the month.
    en_parties, ja_parties : sequence of str
        The parties' English and Japanese names, in the order of ``parties``.

    Returns
    -------
    (str, str, str)
        ``(key, English label, Japanese label)``.

    Examples
    --------
    >>> agreement_identity("Plan", ["china"], "", ["China"], ["中国"])
    ('plan/china', 'China plan', '中国計画')
    >>> agreement_identity("Treaty", [], "2024", [], [])[0]
    'treaty/unknown/2024'
    """
    slug, en_noun, ja_noun = _NOUNS.get(cls, _NOUNS["Agreement"])
    rows = sorted(
        zip(
            parties,
            list(en_parties) + [""] * len(parties),
            list(ja_parties) + [""] * len(parties),
            strict=False,
        )
    )
    seen: set[str] = set()
    uniq = [r for r in rows if not (r[0] in seen or seen.add(r[0]))]
    keys = [r[0] for r in uniq]
    en = [r[1] or r[0] for r in uniq]
    ja = [r[2] or r[1] or r[0] for r in uniq]
    month = date[:7] if date else ""
    key = "/".join([slug, "-".join(keys) or "unknown"] + ([month] if month else []))
    en_label = ("–".join(en) + " " if en else "") + en_noun + (f", {month}" if month else "")
    ja_date = ""
    if month:
        y, _, mo = month.partition("-")
        ja_date = f"（{y}年{int(mo)}月）" if mo else f"（{y}年）"
    ja_label = "・".join(ja) + ja_noun + ja_date
    return key, en_label[0].upper() + en_label[1:], ja_label
