"""Transliteration variants matched to known names.

Katakana renderings of one foreign name vary (ウラジミール/ウラジーミル,
ブリンカーン/ブリンケン, ベルソフ/ベロウソフ). Names are compared on a
romanised form of their :func:`kg.normalize.norm_key`, part by part (given
name with given name, the rest with the rest), so two different people who
share a given name (ジョン・ケリー, ジョン・カービー) or a surname stay apart:
every part must be close, not only the whole.

>>> best_match("ブリンカーン", [("ブリンケン", "antony-blinken"), ("ブレア", "tony-blair")], threshold=DEFAULT_THRESHOLD)
'antony-blinken'
>>> best_match("ジョン・ケリー", [("ジョン・カービー", "john-kirby")], threshold=DEFAULT_THRESHOLD) is None
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kg.normalize import nfkc, norm_key

__all__ = ["DEFAULT_THRESHOLD", "romanize", "name_parts", "similarity", "best_match"]

#: Tested in tests/test_fuzzy.py on variants that must match and on different
#: people with close names that must not.
DEFAULT_THRESHOLD = 0.85
#: How far ahead the best candidate must be of a different second one.
MARGIN = 0.04

_ROW = {
    "ア": "a", "イ": "i", "ウ": "u", "エ": "e", "オ": "o",
    "カ": "ka", "キ": "ki", "ク": "ku", "ケ": "ke", "コ": "ko", "ガ": "ga", "ギ": "gi", "グ": "gu", "ゲ": "ge",
    "ゴ": "go", "サ": "sa", "シ": "si", "ス": "su", "セ": "se", "ソ": "so", "ザ": "za", "ジ": "zi", "ズ": "zu",
    "ゼ": "ze", "ゾ": "zo", "タ": "ta", "チ": "ti", "ツ": "tu", "テ": "te", "ト": "to", "ダ": "da", "ヂ": "zi",
    "ヅ": "zu", "デ": "de", "ド": "do", "ナ": "na", "ニ": "ni", "ヌ": "nu", "ネ": "ne", "ノ": "no",
    "ハ": "ha", "ヒ": "hi", "フ": "fu", "ヘ": "he", "ホ": "ho", "バ": "ba", "ビ": "bi", "ブ": "bu", "ベ": "be",
    "ボ": "bo", "パ": "pa", "ピ": "pi", "プ": "pu", "ペ": "pe", "ポ": "po", "マ": "ma", "ミ": "mi", "ム": "mu",
    "メ": "me", "モ": "mo", "ヤ": "ya", "ユ": "yu", "ヨ": "yo", "ラ": "ra", "リ": "ri", "ル": "ru", "レ": "re",
    "ロ": "ro", "ワ": "wa", "ヲ": "o", "ン": "n",
}
_SPLIT = re.compile(r"[・･·\s=＝]+")


def romanize(name: str) -> str:
    """A rough romanisation of a katakana name (after :func:`norm_key`).

    Not a standard: only a finer grain than kana for comparing spellings.

    >>> romanize("ブリンケン"), romanize("ベロウソフ")
    ('burinken', 'berousofu')
    >>> romanize("Kuhrt")
    'kuhrt'
    """
    return "".join(_ROW.get(c, c) for c in norm_key(name))


def name_parts(name: str) -> list[str]:
    """The parts of a name split at middle dots and spaces.

    >>> name_parts("ウルズラ・フォン・デア・ライエン")
    ['ウルズラ', 'フォン', 'デア', 'ライエン']
    """
    return [p for p in _SPLIT.split(nfkc(name)) if p]


def _ratio(a: str, b: str) -> float:
    from rapidfuzz.fuzz import ratio

    return ratio(a, b) / 100.0


def similarity(a: str, b: str) -> float:
    """How alike two names are (0..1), the weakest of their aligned parts.

    With two or more parts on both sides, the first parts (given names) are
    compared, then the rest; a single part is compared with a single part
    only (a surname against a full name is :mod:`kg.recognize.resolve`'s job).

    Examples
    --------
    >>> similarity("ウラジミール・プーチン", "ウラジーミル・プーチン")
    1.0
    >>> similarity("キム・ジョンイル", "キム・ジョンウン") < DEFAULT_THRESHOLD
    True
    >>> similarity("プーチン", "ウラジーミル・プーチン")
    0.0
    """
    pa, pb = name_parts(a), name_parts(b)
    if not pa or not pb or (len(pa) == 1) != (len(pb) == 1):
        return 0.0
    if len(pa) == 1:
        return _ratio(romanize(pa[0]), romanize(pb[0]))
    first = _ratio(romanize(pa[0]), romanize(pb[0]))
    rest = _ratio(romanize("".join(pa[1:])), romanize("".join(pb[1:])))
    return min(first, rest)


def best_match(surface: str, candidates: Iterable[tuple[str, str]], *, threshold: float) -> str | None:
    """The id of the candidate name closest to ``surface``, if close enough and unambiguous.

    Parameters
    ----------
    surface : str
        A name as written (katakana or Latin).
    candidates : iterable of (name, id)
        Known names; several names may share an id.
    threshold : float
        Minimum :func:`similarity` (0..1); :data:`DEFAULT_THRESHOLD` is tested.

    Returns
    -------
    str or None
        The id, or ``None`` when nothing reaches the threshold or two
        different ids are about equally close.

    Examples
    --------
    >>> cands = [("ウラジーミル・プーチン", "vladimir-putin"), ("ウラジーミル・ゼレンスキー", "zelensky")]
    >>> best_match("ウラジミール・プーチン", cands, threshold=DEFAULT_THRESHOLD)
    'vladimir-putin'
    >>> best_match("ドナルド・トゥスク", [("ドナルド・トランプ", "donald-trump")], threshold=DEFAULT_THRESHOLD) is None
    True
    """
    scored: dict[str, float] = {}
    for name, cid in candidates:
        s = similarity(surface, name)
        if s > scored.get(cid, -1.0):
            scored[cid] = s
    if not scored:
        return None
    ranked = sorted(scored.items(), key=lambda kv: -kv[1])
    best_id, best = ranked[0]
    if best < threshold:
        return None
    if len(ranked) > 1 and ranked[1][1] > best - MARGIN and ranked[1][1] >= threshold:
        return None
    return best_id
