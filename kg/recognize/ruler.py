"""Knowledge-base names found in text by character, longest match first.

Japanese has no spaces and GiNZA's tokens do not always fall on a name's
edges (習近平 may come back as 習 + 近平), so the knowledge base is matched
on characters: the longest curated surface form at each position, with
script-aware edges (a katakana name must not sit inside a longer katakana
word: タイ is not found in スタイル; a Latin one not inside a Latin word).
Katakana runs that no exact form covers are looked up by
:func:`kg.normalize.norm_key` (ウラジミール・プーチン meets ウラジーミル・プーチン)
and then with the Korean-transliteration swaps of :mod:`kg.recognize.mt_rules`.

>>> from kg.recognize.gazetteer import Gazetteer
>>> g = Gazetteer(ja_exact={"タイ": ("thailand", "Country"), "NATO": ("nato", "InternationalOrganization")})
>>> [(h.start, h.end, h.key) for h in match_kb("スタイルとタイとNATO", g)]
[(5, 7, 'thailand'), (8, 12, 'nato')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.normalize import norm_key
from kg.recognize.gazetteer import Gazetteer
from kg.recognize.mt_rules import kana_variants

__all__ = ["KBHit", "match_kb"]

_KATA = re.compile(r"[\u30A1-\u30FA\u30FC]")
_ALNUM = re.compile(r"[A-Za-z0-9]")
_RUN = re.compile(r"[\u30A1-\u30FA\u30FC]+(?:[・･=＝][\u30A1-\u30FA\u30FC]+)*")


@dataclass(frozen=True)
class KBHit:
    """A curated name found at ``text[start:end]``; ``how`` is exact, norm or mt."""

    start: int
    end: int
    key: str
    cls: str
    how: str = "exact"


def _edges_ok(text: str, s: int, e: int) -> bool:
    first, last = text[s], text[e - 1]
    before = text[s - 1] if s else ""
    after = text[e] if e < len(text) else ""
    if _KATA.match(first) and before and _KATA.match(before):
        return False
    if _KATA.match(last) and after and _KATA.match(after):
        return False
    if _ALNUM.match(first) and before and _ALNUM.match(before):
        return False
    return not (_ALNUM.match(last) and after and _ALNUM.match(after))


def _index(g: Gazetteer) -> dict[str, list[int]]:
    cached = getattr(g, "_by_first", None)
    if cached is None:
        by_first: dict[str, set[int]] = {}
        for s in g.ja_exact:
            if len(s) >= 2:
                by_first.setdefault(s[0], set()).add(len(s))
        cached = {c: sorted(ls, reverse=True) for c, ls in by_first.items()}
        g._by_first = cached  # type: ignore[attr-defined]
    return cached


def match_kb(text: str, g: Gazetteer, *, variants: bool = True) -> list[KBHit]:
    """Find curated names in a text, longest first, without overlaps.

    Parameters
    ----------
    text : str
    g : Gazetteer
    variants : bool
        Also look katakana runs up with Korean-transliteration swaps.

    Returns
    -------
    list of KBHit
        Sorted by offset; one-character forms are never matched here
        (:mod:`kg.recognize.compounds` decides about 米, 露, 中).

    Examples
    --------
    >>> from kg.recognize.gazetteer import Gazetteer
    >>> g = Gazetteer(ja_exact={"ウラジーミル・プーチン": ("vladimir-putin", "Person")},
    ...               ja_norm={"うらじみるぷちん": ("vladimir-putin", "Person")})
    >>> from kg.normalize import norm_key
    >>> g.ja_norm = {norm_key("ウラジーミル・プーチン"): ("vladimir-putin", "Person")}
    >>> [(h.start, h.end, h.how) for h in match_kb("ウラジミール・プーチン大統領", g)]
    [(0, 11, 'norm')]
    """
    by_first = _index(g)
    hits: list[KBHit] = []
    n = len(text)
    i = 0
    while i < n:
        found = None
        for ln in by_first.get(text[i], ()):
            if i + ln <= n:
                s = text[i:i + ln]
                val = g.ja_exact.get(s)
                if val and _edges_ok(text, i, i + ln):
                    found = KBHit(i, i + ln, val[0], val[1])
                    break
        if found:
            hits.append(found)
            i = found.end
        else:
            i += 1
    covered = [False] * n
    for h in hits:
        for k in range(h.start, h.end):
            covered[k] = True
    extra: list[KBHit] = []
    for m in _RUN.finditer(text):
        if any(covered[m.start():m.end()]) or m.end() - m.start() < 3:
            continue
        hit = _lookup_run(m.group(0), g, variants)
        if hit:
            extra.append(KBHit(m.start(), m.end(), hit[0], hit[1], hit[2]))
            continue
        # pieces of a run: 「ジョー・バイデン」 unknown but 「バイデン」 known
        pos = m.start()
        for piece in re.split(r"([・･=＝])", m.group(0)):
            if len(piece) >= 3:
                hit = _lookup_run(piece, g, variants)
                if hit:
                    extra.append(KBHit(pos, pos + len(piece), hit[0], hit[1], hit[2]))
            pos += len(piece)
    return sorted(hits + extra, key=lambda h: (h.start, h.end))


def _lookup_run(run: str, g: Gazetteer, variants: bool) -> tuple[str, str, str] | None:
    val = g.ja_norm.get(norm_key(run))
    if val:
        return val[0], val[1], "norm"
    if variants and len(run) >= 4:
        for v in sorted(kana_variants(run)):
            val = g.ja_norm.get(norm_key(v))
            if val:
                return val[0], val[1], "mt"
    return None
