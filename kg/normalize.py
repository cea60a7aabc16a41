"""Name normalisation shared by the knowledge base, recognition and linking.

:func:`norm_key` folds the variation news text shows in one name: NFKC
width, case, spaces and middle dots, long-vowel marks, ヴ/ブ rows and small
kana, so 「ウラジーミル・プーチン」 and 「ウラジミール プーチン」 meet.

>>> norm_key("ウラジーミル・プーチン") == norm_key("ウラジミール プーチン")
True
>>> norm_key("ＮＡＴＯ")
'nato'
>>> norm_key("ヴォロディミル・ゼレンスキー") == norm_key("ボロディミル・ゼレンスキー")
True
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["nfkc", "norm_key", "strip_separators", "is_katakana_name"]

_SEPARATORS = str.maketrans("", "", " \u3000・･·‧-‐－–—_=＝")
_VU = str.maketrans({"ヴ": "ブ"})
_VU_ROW = {"ヴァ": "バ", "ヴィ": "ビ", "ヴェ": "ベ", "ヴォ": "ボ", "ヴュ": "ビュ"}
_SMALL = str.maketrans("ァィゥェォッャュョヮ", "アイウエオツヤユヨワ")
_LONG = re.compile(r"ー+")
_KATAKANA = re.compile(r"^[\u30A0-\u30FF・･ー\s]+$")


def nfkc(text: str) -> str:
    """NFKC-normalise and trim.

    >>> nfkc("　ＡＵＫＵＳ ")
    'AUKUS'
    """
    return unicodedata.normalize("NFKC", text).strip()


def strip_separators(text: str) -> str:
    """Remove spaces, middle dots and hyphens (the score's own name folding).

    >>> strip_separators("アントニー・ブリンケン")
    'アントニーブリンケン'
    """
    return text.translate(_SEPARATORS)


def norm_key(text: str) -> str:
    """The comparison key of a name: NFKC, case-folded, separators removed,
    ヴ→ブ, small kana enlarged, long-vowel marks dropped.

    >>> norm_key("セルゲイ・ラヴロフ") == norm_key("セルゲイ・ラブロフ")
    True
    >>> norm_key("Xi Jinping")
    'xijinping'
    """
    s = unicodedata.normalize("NFKC", text).casefold()
    for a, b in _VU_ROW.items():
        s = s.replace(a, b)
    s = s.translate(_VU)
    s = strip_separators(s)
    s = _LONG.sub("", s)
    return s.translate(_SMALL)


def is_katakana_name(text: str) -> bool:
    """True when the text is written in katakana only (a transliterated name).

    >>> is_katakana_name("ブリンケン"), is_katakana_name("習近平")
    (True, False)
    """
    return bool(_KATAKANA.match(nfkc(text)))
