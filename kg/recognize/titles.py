"""Titles and honorifics: stripped from a name, kept as the mention's position.

「プーチン大統領」 names プーチン with the position 大統領; 「岸田氏」 names
岸田 (the honorific 氏 is kept as the position too, so a later 「同氏」 can
find a person). Titles are data (:data:`TITLES`), longest first.

>>> strip_title("プーチン大統領")
('プーチン', '大統領')
>>> title_at("外相は会見で述べた", 0)
'外相'
"""

from __future__ import annotations

import re

__all__ = ["TITLES", "HONORIFICS", "KIN_WORDS", "strip_title", "title_at", "is_title", "SURNAME_TITLE", "lead_off"]

#: Position titles that follow a name in Japanese news (longest match wins).
TITLES: tuple[str, ...] = tuple(
    sorted(
        {
            # heads of state and government
            "大統領", "副大統領", "首相", "副首相", "国家主席", "副主席", "主席", "総理", "総理大臣",
            "首席", "国王", "女王", "皇太子", "法王", "教皇", "総督", "首長", "議長", "副議長",
            "国務委員長", "委員長", "副委員長", "総書記", "第1書記", "第一書記", "書記長", "書記",
            "最高指導者", "指導者", "党首", "代表", "総裁", "副総裁", "幹事長", "政調会長",
            # ministers
            "外相", "外務大臣", "外務相", "外交部長", "国防相", "国防大臣", "防衛相", "防衛大臣",
            "国防長官", "国務長官", "財務相", "財務長官", "財務大臣", "蔵相", "経済相", "商務長官",
            "内相", "法相", "司法長官", "官房長官", "国務相", "国務委員", "大臣", "長官", "次官",
            "副長官", "国防次官", "外務次官", "外務次官補", "国務次官", "国務次官補", "首相補佐官",
            "大統領補佐官", "補佐官", "特使", "特別代表",
            # diplomats, spokespeople, officials
            "大使", "公使", "総領事", "領事", "報道官", "副報道官", "報道局長", "広報官", "広報担当",
            "事務総長", "事務局長", "事務次長", "総長", "局長", "部長", "課長", "室長", "知事", "市長",
            "議員", "上院議員", "下院議員", "司令官", "総司令官", "参謀総長", "将軍", "元帥", "大将",
            "中将", "少将", "大佐", "会長", "社長", "所長", "理事長", "教授", "准教授", "研究員",
            "アナリスト", "専門家", "記者", "特派員", "編集長", "氏", "さん", "容疑者", "被告", "元首",
        },
        key=len,
        reverse=True,
    )
)

#: Honorifics: not positions, but they mark a person (「同氏」 looks for them).
HONORIFICS: frozenset[str] = frozenset({"氏", "さん", "様", "殿", "容疑者", "被告"})

#: Titles that follow a bare one-kanji surname in the press (「習主席」「金委員長」「文大統領」).
SURNAME_TITLE: tuple[str, ...] = (
    "国家主席", "主席", "国務委員長", "委員長", "総書記", "大統領", "首相", "総理", "外相", "国防相",
    "書記長", "議長", "首席", "氏",
)

_TITLE_RE = re.compile("|".join(re.escape(t) for t in TITLES))
_PREFIX = ("元", "前", "現", "新", "次期", "副", "故")


def is_title(text: str) -> bool:
    """True when the whole text is one title (with an optional 元/前/現 prefix).

    >>> is_title("国務長官"), is_title("前大統領"), is_title("ロシア")
    (True, True, False)
    """
    return any(text.startswith(p) and text[len(p):] in TITLES for p in ("",) + _PREFIX)


def strip_title(text: str) -> tuple[str, str]:
    """Split a trailing title off a name: ``(name, title)``.

    The name must keep at least one character; a name that is only a title
    is returned unchanged with an empty title.

    Parameters
    ----------
    text : str
        A span's text, e.g. GiNZA's Person span 「ラブロフ外相」.

    Returns
    -------
    tuple of str
        The name without the title, and the title ("" when none).

    Examples
    --------
    >>> strip_title("ラブロフ外相")
    ('ラブロフ', '外相')
    >>> strip_title("ブリンケン米国務長官")
    ('ブリンケン', '米国務長官')
    >>> strip_title("グテーレス国連事務総長")
    ('グテーレス', '国連事務総長')
    >>> strip_title("大統領")
    ('大統領', '')
    >>> strip_title("メルケル前首相")
    ('メルケル', '前首相')
    """
    for t in TITLES:
        if text.endswith(t) and len(text) > len(t):
            name = text[: -len(t)]
            title = t
            # a prefix before the title (元/前 or a short country/organisation form: 米, 国連, 中国)
            for p in _PREFIX + _ORG_PREFIX:
                if name.endswith(p) and len(name) > len(p):
                    name, title = name[: -len(p)], p + title
                    break
            name = name.rstrip("・ 　")
            if name:
                return name, title
    return text, ""


#: Short forms of states/organisations written between a name and its title (「ブリンケン米国務長官」).
_ORG_PREFIX = ("国連", "米", "英", "仏", "独", "露", "ロ", "中", "韓", "日", "朝", "印", "豪", "加", "伊",
               "中国", "ロシア", "米国", "韓国", "北朝鮮", "ウクライナ")


def title_at(text: str, pos: int) -> str:
    """The title written at ``text[pos:]`` (after an optional 元/前 prefix), or "".

    Parameters
    ----------
    text : str
    pos : int
        Where the title would start (just after a name).

    Examples
    --------
    >>> title_at("プーチン大統領は", 4)
    '大統領'
    >>> title_at("習近平国家主席", 3)
    '国家主席'
    >>> title_at("プーチン氏が", 4)
    '氏'
    >>> title_at("プーチンが", 4)
    ''
    """
    j = pos
    while j < len(text) and text[j] in " 　":
        j += 1
    for p in ("",) + _PREFIX:
        if text.startswith(p, j):
            m = _TITLE_RE.match(text, j + len(p))
            if m:
                return p + m.group(0)
    return ""


#: kinship words written straight before a name: 「次女花子」 names 花子
KIN_WORDS: tuple[str, ...] = (
    "長男", "次男", "三男", "四男", "五男", "長女", "次女", "三女", "四女", "五女", "嫡男", "嫡子", "養子", "養女",
    "実父", "実母", "義父", "義母", "祖父", "祖母", "叔父", "伯父", "叔母", "伯母", "息子", "夫人", "令嬢",
)
_LATIN_LEAD = re.compile(r"^[A-Z]{1,3}(?=[\u3400-\u9FFF々]{2,})")
_KANJI_DOT_KANJI = re.compile(r"^([\u3400-\u9FFF々]+)[・･](?=[\u3400-\u9FFF々]{2,}$)")


def lead_off(text: str) -> int:
    """How many characters open a person span before the name itself: a kinship word
    (「三男一郎」) or a title joined by a middle dot (「総長・山田太郎」); kanji names never
    hold a middle dot, katakana ones do.

    Examples
    --------
    >>> t = "長女明美"; t[lead_off(t):]
    '明美'
    >>> t = "議長・佐藤一郎"; t[lead_off(t):]
    '佐藤一郎'
    >>> t = "MF中田英"; t[lead_off(t):]
    '中田英'
    >>> lead_off("ジョン・スミス"), lead_off("長男"), lead_off("息子")
    (0, 0, 0)
    """
    m = _KANJI_DOT_KANJI.match(text) or _LATIN_LEAD.match(text)  # 「GK山田」: a player's position
    if m:
        return m.end()
    for w in KIN_WORDS:
        if text.startswith(w) and len(text) - len(w) >= 2 and re.match("[\u3400-\u9FFF々]", text[len(w)]):
            return len(w)
    return 0
