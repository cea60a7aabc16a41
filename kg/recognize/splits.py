"""Repair of split katakana names.

GiNZA often tags only part of a transliterated name: 「アントニー・ブリンケン」
comes back as two people, or as ブリンケン alone with アントニー left out.
:func:`extend_name` grows a person span over the katakana pieces joined to
it by a middle dot (・, ･, ＝, =) or written right next to it;
:func:`merge_pieces` joins neighbouring person spans that such a joint
separates.

>>> t = "国務長官のアントニー・ブリンケンが訪れた"
>>> extend_name(t, 11, 16)
(5, 16)
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["JOINERS", "extend_name", "merge_pieces"]

#: Characters that join the pieces of one transliterated name.
JOINERS = "・･＝=·"
_KATA = re.compile(r"[\u30A1-\u30FA\u30FC]")
#: Katakana words that end a name rather than belong to it (「プーチン・ロシア大統領」 is not one name).
_STOP = re.compile(r"(?:ロシア|アメリカ|ウクライナ|イギリス|フランス|ドイツ|イタリア|カナダ|インド|ブラジル|"
                   r"オーストラリア|ニュース|センター|グループ|チーム|システム|サミット)$")
_MAX_PIECES = 4


def _kata_run_left(text: str, i: int) -> int:
    while i > 0 and _KATA.match(text[i - 1]):
        i -= 1
    return i


def _kata_run_right(text: str, i: int) -> int:
    while i < len(text) and _KATA.match(text[i]):
        i += 1
    return i


def extend_name(text: str, start: int, end: int) -> tuple[int, int]:
    """Grow a katakana person span over the name pieces joined to it.

    Parameters
    ----------
    text : str
    start, end : int
        A person span of ``text`` (offsets into it).

    Returns
    -------
    tuple of int
        The repaired ``(start, end)``; unchanged when nothing is joined.

    Examples
    --------
    >>> extend_name("ウラジーミル・プーチン大統領", 7, 11)
    (0, 11)
    >>> extend_name("ウラジーミル・プーチン大統領", 0, 6)
    (0, 11)
    >>> extend_name("ジョン・F・ケネディ", 6, 10)
    (0, 10)
    >>> extend_name("習近平氏", 0, 3)
    (0, 3)
    >>> extend_name("ロシア・ウクライナ戦争", 4, 9)
    (4, 9)
    """
    s, e = max(0, start), min(len(text), end)
    span = text[s:e]
    if not span or not (_KATA.match(span[0]) or _KATA.match(span[-1]) or span[0].isupper()):
        return start, end
    # left: pieces such as 「アントニー・」 before the span
    s = _kata_run_left(text, s) if _KATA.match(text[s]) else s
    for _ in range(_MAX_PIECES):
        if s >= 2 and text[s - 1] in JOINERS:
            j = s - 1
            k = _kata_run_left(text, j)
            if k == j and j >= 1 and text[j - 1].isupper():  # an initial: ジョン・F・ケネディ
                k = j - 1
            if k < j and not _STOP.search(text[k:j]):
                s = k
                continue
        break
    # right: pieces such as 「・プーチン」 after the span
    e = _kata_run_right(text, e) if _KATA.match(text[e - 1]) else e
    for _ in range(_MAX_PIECES):
        if e + 1 < len(text) and text[e] in JOINERS:
            j = e + 1
            k = _kata_run_right(text, j)
            if k == j and text[j].isupper() and j + 1 < len(text) and text[j + 1] in JOINERS:
                k = j + 1
            if k > j and not _STOP.search(text[j:k]):
                e = k
                continue
        break
    return s, e


def merge_pieces(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join sorted person spans that only a name joiner (or nothing) separates.

    Examples
    --------
    >>> t = "エマニュエル・マクロン氏"
    >>> merge_pieces(t, [(0, 6), (7, 11)])
    [(0, 11)]
    >>> merge_pieces("プーチンと習近平", [(0, 4), (5, 8)])
    [(0, 4), (5, 8)]
    """
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out:
            ps, pe = out[-1]
            gap = text[pe:s]
            if (gap == "" or (len(gap) == 1 and gap in JOINERS)) and _KATA.match(text[pe - 1]) and _KATA.match(text[s]):
                out[-1] = (ps, max(pe, e))
                continue
        out.append((s, e))
    return out
