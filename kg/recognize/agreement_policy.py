"""Which agreement and named-event spans become entity mentions.

:func:`kg.extract.agreements.agreement_spans` proposes spans by pattern;
this module decides which of them name a *specific* agreement or event:

* a bare agreement noun (「パートナーシップ」「協定」「計画」) names nothing by
  itself; it needs a modifier (「戦略的パートナーシップ」「新START条約」).
  「共同声明」 is the exception: news uses it for the statement of the
  meeting it reports (see :data:`BARE_OK`);
* a quoted word (「無制限」) is a name only when an agreement noun follows it
  (「無制限」のパートナーシップ); the mention then drops the quote marks;
* a named event needs a word in Japanese script (「G7」「G36」 alone are not
  events), and a year written before it belongs to it (1972年札幌オリンピック).

>>> t = "両国はパートナーシップを深め、戦略的パートナーシップに署名した"
>>> [t[s:e] for s, e, _ in accepted_agreements(t, [(3, 11, "Partnership"), (15, 26, "Partnership")])]
['戦略的パートナーシップ']
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["BARE_HEADS", "BARE_OK", "AGREEMENT_NOUNS", "accepted_agreements"]

#: agreement nouns that name nothing without a modifier
BARE_HEADS: frozenset[str] = frozenset({
    "パートナーシップ", "パートナー関係", "協定", "計画", "合意", "条約", "協約", "取引", "契約", "覚書", "宣言",
    "声明", "議定書", "構想", "提案", "案", "プラン", "枠組み", "ディール", "合意文書", "同盟",
})
#: bare nouns that news uses for the document of the reported meeting
BARE_OK: frozenset[str] = frozenset({"共同声明", "共同宣言", "共同コミュニケ"})
#: what may follow a quoted name to make it an agreement's name
AGREEMENT_NOUNS: tuple[str, ...] = (
    "パートナーシップ", "パートナー関係", "協定", "条約", "合意", "計画", "宣言", "声明", "同盟", "関係",
)
_QUOTES = "「『\"“"
_CLOSE = "」』\"”"
_JA_SCRIPT = re.compile(r"[\u3040-\u30FF\u3400-\u9FFF々]")
_DIGITS = "0123456789０１２３４５６７８９"


def _quoted_ok(text: str, e: int) -> bool:
    rest = text[e:e + 12]
    if rest.startswith("の"):
        rest = rest[1:]
    return rest.startswith(AGREEMENT_NOUNS)


def accepted_agreements(text: str, spans: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Keep the agreement and event spans that name a specific one (see the module notes).

    Parameters
    ----------
    text : str
        The chunk the offsets refer to.
    spans : iterable of (int, int, str)
        ``(start, end, cls)`` from the agreement patterns.

    Returns
    -------
    list of (int, int, str)
        The accepted spans, possibly trimmed (quotes) or extended (a year).

    Examples
    --------
    >>> t = "両首脳は「鉄壁の」パートナーシップを誇り、「特別な」と述べた"
    >>> [t[s:e] for s, e, _ in accepted_agreements(t, [(4, 9, "Partnership"), (21, 26, "Partnership")])]
    ['鉄壁の']
    >>> t = "2030年冬季五輪とG20"
    >>> [t[s:e] for s, e, _ in accepted_agreements(t, [(4, 9, "NamedEvent"), (10, 13, "NamedEvent")])]
    ['2030年冬季五輪']
    >>> t = "会談後に共同声明を出した"
    >>> [t[s:e] for s, e, _ in accepted_agreements(t, [(4, 8, "JointStatement")])]
    ['共同声明']
    """
    out: list[tuple[int, int, str]] = []
    for s, e, cls in spans:
        if not 0 <= s < e <= len(text):
            continue
        span = text[s:e]
        if cls == "NamedEvent":
            if not _JA_SCRIPT.search(span):
                continue
            if span[0] in "年月" and s > 0 and text[s - 1] in _DIGITS:
                while s > 0 and text[s - 1] in _DIGITS:
                    s -= 1
            out.append((s, e, cls))
            continue
        if span[0] in _QUOTES:
            if span[-1] not in _CLOSE or e - s < 3 or not _quoted_ok(text, e):
                continue
            out.append((s + 1, e - 1, cls))
            continue
        if span in BARE_HEADS and span not in BARE_OK:
            continue
        out.append((s, e, cls))
    return out
