"""Temporal expressions: find them with ``ja-timex`` and normalise them.

Relative expressions (木曜日, 先月, 昨年, 今年初め, 先週, 3日前) are resolved
against the document's publication date; without one they are dropped
(never guessed). Values are ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``
(``xsd:date``, ``xsd:gYearMonth``, ``xsd:gYear``).

Resolution rules
----------------
* a weekday is the latest such day on or before publication (news reports
  the past: 「木曜日」 in Thursday's paper is that day);
* 先週/今週/N週間前 give the month of that week (a week is not a date);
* 先月/今月/Nか月前 give a month, 昨年/今年/N年前 a year;
* a month (and day) without a year takes the publication year, or the year
  before when it would lie more than a month after publication;
* 昨年10月 (a relative year right before a month) combines into 2023-10;
* この日/同日/本日/今日 give the publication date; 先日/最近 give nothing.

>>> find_dates("木曜日、両国は北京で会談した。", "2024-05-16")
[(0, 3, '2024-05-16')]
>>> find_dates("昨年10月に訪問した", "2024-05-16")
[(0, 5, '2023-10')]
>>> find_dates("先月、米国は支援を承認した", "")
[]
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

__all__ = ["find_dates", "resolve", "clause_date", "is_future"]

log = logging.getLogger(__name__)

_WEEKDAYS = {"月": 0, "火": 1, "水": 2, "木": 3, "金": 4, "土": 5, "日": 6}
#: Expressions ja-timex leaves alone, resolved to the publication date.
_SAME_DAY = re.compile(r"この日|同日|本日|当日")
_DUR = re.compile(r"^P(\d+(?:\.\d+)?)([YMWD])$")


@lru_cache(maxsize=1)
def _parser() -> Any:
    from ja_timex import TimexParser

    return TimexParser()


def _pub(published: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def _shift_month(d: dt.date, months: int) -> tuple[int, int]:
    m = d.year * 12 + (d.month - 1) + months
    return m // 12, m % 12 + 1


def resolve(value: str, mod: str | None, pub: dt.date | None) -> str:
    """Normalise one ja-timex value against the publication date.

    Parameters
    ----------
    value : str
        A TIMEX3 value (``2022-02-XX``, ``XXXX-WXX-4``, ``P1M`` ...).
    mod : str or None
        The TIMEX3 ``mod`` (``BEFORE``, ``AFTER``, ``NOW``) for durations.
    pub : datetime.date or None
        The publication date.

    Returns
    -------
    str
        ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or ``""`` when it cannot be resolved.

    Examples
    --------
    >>> p = dt.date(2024, 5, 16)
    >>> resolve("XXXX-WXX-3", None, p), resolve("P1M", "BEFORE", p), resolve("P1Y", "BEFORE", p)
    ('2024-05-15', '2024-04', '2023')
    >>> resolve("P1W", "BEFORE", p), resolve("P0Y", "NOW", p), resolve("2022-02-XX", None, None)
    ('2024-05', '2024', '2022-02')
    >>> resolve("XXXX-10-XX", None, p), resolve("XXXX-XX-14", None, p), resolve("P3Y", None, p)
    ('2023-10', '2024-05-14', '')
    """
    if value.startswith("P"):
        m = _DUR.match(value)
        if not m or pub is None or mod not in ("BEFORE", "AFTER", "NOW"):
            return ""
        n = int(float(m.group(1)))
        sign = -1 if mod == "BEFORE" else 1
        unit = m.group(2)
        if unit == "Y":
            return f"{pub.year + sign * n:04d}"
        if unit == "M":
            y, mo = _shift_month(pub, sign * n)
            return f"{y:04d}-{mo:02d}"
        if unit == "W":
            d = pub + dt.timedelta(days=7 * sign * n)
            return f"{d.year:04d}-{d.month:02d}"
        d = pub + dt.timedelta(days=sign * n)
        return d.isoformat()
    wk = re.match(r"^XXXX-WXX-(\d)$", value)
    if wk:
        if pub is None:
            return ""
        want = int(wk.group(1)) - 1
        back = (pub.weekday() - want) % 7
        return (pub - dt.timedelta(days=back)).isoformat()
    parts = value.split("-")
    if len(parts) != 3:
        return ""
    y, mo, d = parts
    if y == "XXXX":
        if pub is None:
            return ""
        yy = pub.year
        if mo != "XX" and (int(mo) - pub.month) > 1:
            yy -= 1
        y = f"{yy:04d}"
        if mo == "XX":
            mo = f"{pub.month:02d}" if d != "XX" else "XX"
    if not y.isdigit():
        return ""
    if mo == "XX" or not mo.isdigit():
        return y
    if d == "XX" or not d.isdigit():
        return f"{y}-{mo}"
    try:
        return dt.date(int(y), int(mo), int(d)).isoformat()
    except ValueError:
        return f"{y}-{mo}"


def find_dates(text: str, published: str) -> list[tuple[int, int, str]]:
    """Find and normalise the temporal expressions of a text.

    Parameters
    ----------
    text : str
        Japanese text (a sentence or a paragraph).
    published : str
        The document's publication date, ``YYYY-MM-DD`` or ``""``.

    Returns
    -------
    list of (int, int, str)
        ``(start, end, value)`` with offsets relative to ``text``, sorted;
        expressions that cannot be resolved are left out.

    Examples
    --------
    >>> find_dates("2022年2月、ロシアはウクライナに侵攻した。", "")
    [(0, 7, '2022-02')]
    >>> find_dates("先週の欧州訪問で", "2024-05-16")
    [(0, 2, '2024-05')]
    >>> find_dates("同日、声明を発表した", "2024-05-16")
    [(0, 2, '2024-05-16')]
    >>> find_dates("先月10日と先週木曜日に", "2024-05-20")
    [(0, 5, '2024-04-10'), (6, 11, '2024-05-16')]
    """
    pub = _pub(published)
    out: list[tuple[int, int, str]] = []
    if not text.strip():
        return out
    try:
        tags = _parser().parse(text)
    except Exception as exc:  # ja-timex fails on some odd inputs; dates are optional
        log.debug("ja-timex failed on %r: %s", text[:40], exc)
        tags = []
    found: list[tuple[int, int, str, str, str | None]] = []
    for t in tags:
        if t.type not in ("DATE", "DURATION"):
            continue
        s, e = t.span
        if text[s:e] != t.text:
            k = text.find(t.text, max(0, s - 3))
            if k < 0:
                continue
            s, e = k, k + len(t.text)
        found.append((s, e, t.type, t.value, t.mod))
    found.sort()
    i = 0
    while i < len(found):
        s, e, typ, value, mod = found[i]
        # 昨年10月 / 今年3月: a relative year then a month without a year
        if typ == "DURATION" and value.endswith("Y") and i + 1 < len(found):
            s2, e2, typ2, v2, _ = found[i + 1]
            if typ2 == "DATE" and v2.startswith("XXXX-") and s2 - e <= 1:
                year = resolve(value, mod, pub)
                if year:
                    out.append((s, e2, resolve(year + v2[4:], None, pub)))
                i += 2
                continue
        # 先月10日 / 今月3日: a relative month then a day without a month
        if typ == "DURATION" and value.endswith("M") and i + 1 < len(found):
            s2, e2, typ2, v2, _ = found[i + 1]
            if typ2 == "DATE" and v2.startswith("XXXX-XX-") and s2 - e <= 1:
                month = resolve(value, mod, pub)
                if month:
                    out.append((s, e2, resolve(month + v2[7:], None, pub)))
                i += 2
                continue
        # 先週木曜日: a weekday of the week before publication
        if typ == "DURATION" and value.endswith("W") and i + 1 < len(found) and pub is not None:
            s2, e2, typ2, v2, _ = found[i + 1]
            wk = re.match(r"^XXXX-WXX-(\d)$", v2)
            if typ2 == "DATE" and wk and s2 - e <= 1:
                weeks = int(float(value[1:-1])) * (-1 if mod == "BEFORE" else 1 if mod == "AFTER" else 0)
                monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=weeks)
                out.append((s, e2, (monday + dt.timedelta(days=int(wk.group(1)) - 1)).isoformat()))
                i += 2
                continue
        v = resolve(value, mod, pub)
        if v:
            out.append((s, e, v))
        i += 1
    if pub is not None:
        for m in _SAME_DAY.finditer(text):
            if not any(a <= m.start() < b for a, b, _ in out):
                out.append((m.start(), m.end(), pub.isoformat()))
    return sorted(out)


def is_future(value: str, published: str) -> bool:
    """True when a normalised date lies after the publication date (a plan).

    >>> is_future("2024-06", "2024-05-16"), is_future("2024-05", "2024-05-16"), is_future("2024", "")
    (True, False, False)
    """
    if not value or not published:
        return False
    n = len(value)
    return value > published[:n]


#: Verbs of a relative clause that tell when an event noun took place (「…に行われた会談」).
HAPPEN_VERBS = frozenset({"行う", "おこなう", "開く", "開催", "実施", "開始", "始まる", "始める", "行なう"})


def clause_date(head: Any, dates: Sequence[tuple[int, int, str]], offset: int = 0) -> str:
    """The date of the clause headed by ``head`` (a spaCy token).

    ``dates`` are ``(start, end, value)`` in the same coordinates as
    ``offset + token.idx``. A date belongs to the first predicate up its
    dependency path; a clause without one takes the date of the clause it
    is chained to (〜し、〜した), the date of a relative clause that says
    when an event noun took place (「木曜日に行われた会談」), or a date that
    opens the sentence before its first chained clause (「5月16日、…を訪問し、
    …と会談した」), and otherwise has none: never the date of another
    clause of the sentence.
    """
    doc = head.doc

    def owner(tok: Any) -> Any:
        t = tok
        for _ in range(12):
            if t.pos_ in ("VERB",) or (t.dep_ == "ROOT") or t.head is t:
                return t
            if t is not tok and t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("acl",):
                return t
            t = t.head
        return t

    owned: dict[int, str] = {}
    dated_tokens: dict[int, set[int]] = {}
    for s, e, v in dates:
        toks = [t for t in doc if offset + t.idx >= s and offset + t.idx < e]
        if not toks:
            continue
        o = owner(toks[-1])
        if o.i not in owned or len(v) > len(owned[o.i]):  # the most specific date of the clause
            owned[o.i] = v
            dated_tokens[o.i] = {t.i for t in toks}
    start = min(t.i for t in head.subtree)
    h = head
    for _ in range(6):
        if h.i in owned and (h is head or max(dated_tokens[h.i]) < start):
            # a governing clause's date covers this one only when it is written before it
            return owned[h.i]
        if h.dep_ in ("advcl", "conj", "acl", "ccomp") and h.head is not h:
            h = h.head
            continue
        break
    # 「先週木曜日に北京で行われた首脳会談」: the clause describing an event noun dates it
    for c in head.children:
        if c.dep_ == "acl" and c.i < head.i and c.i in owned and c.lemma_ in HAPPEN_VERBS:
            return owned[c.i]
    # 「5月16日、AはXを訪問し、Yと会談した」: a date opening the sentence covers its chain
    for c in head.children:
        if c.dep_ in ("advcl", "conj") and c.i < head.i and c.i in owned:
            first = next((t for t in head.subtree if not t.is_punct), None)
            if first is not None and first.i in dated_tokens.get(c.i, ()):
                return owned[c.i]
    return ""
