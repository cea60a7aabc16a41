"""Compound abbreviations of states: 中ロ, 米中, 日米豪印, 米英豪 → each state.

Japanese news writes a relation or a grouping of states as a run of their
one-character forms (the knowledge base's ``abbreviations``: 米, 中, 露/ロ,
日, 韓, 朝, 英, 仏, 独, 豪, 印 …). Each character becomes its own mention.
A lone abbreviation counts only in a context that marks it as a state
(「対中」「訪米」「米政府」「露軍」「英首相」), never inside an ordinary word
(「中心」「米価」「露呈」「日本」).

>>> ab = {"米": "united-states", "中": "china", "日": "japan", "豪": "australia", "印": "india"}
>>> find_compounds("日米豪印の首脳が会談した", ab)
[(0, 1, 'japan'), (1, 2, 'united-states'), (2, 3, 'australia'), (3, 4, 'india')]
>>> find_compounds("日中は晴れる", ab)
[]
"""

from __future__ import annotations

import re

__all__ = ["PREFIXES", "SUFFIXES", "AMBIGUOUS", "find_compounds"]

#: Kanji written before a one-character state form: 対中 (towards China), 訪米 (visit the US),
#: 駐日 (posted to Japan), 在日 (in Japan), 親露/反米 (pro-/anti-), 来日 (come to Japan).
PREFIXES = frozenset("対訪駐在親反来離脱知嫌排滞帰")

#: What may follow a lone state form: government, forces, side, titles (米政府, 露軍, 英首相, 中側).
SUFFIXES: tuple[str, ...] = (
    "政府", "政権", "当局", "軍", "側", "国防総省", "国務省", "外務省", "国防省", "国防部", "外交部",
    "大統領", "首相", "外相", "国防相", "国務長官", "国防長官", "大使", "紙", "メディア", "企業",
    "製", "議会", "上院", "下院", "国民", "経済", "首脳", "代表", "当局者", "高官",
)

#: Runs that are also ordinary words; they count only before a relation word.
#: 日中 (daytime), 中日 (the Chunichi paper), 中米 (Central America), 朝日 (the Asahi paper).
AMBIGUOUS: dict[str, tuple[str, ...]] = {
    "日中": ("関係", "首脳", "会談", "外相", "両国", "間", "共同", "友好", "対話", "韓", "戦争", "国交", "外交"),
    "中日": ("関係", "首脳", "会談", "両国", "間", "共同", "友好"),
    "中米": (),
    "朝日": (),
    "土日": (),
}
#: kanji that may follow a compound of two or more forms (「日米安保」「米中首脳」); any other kanji
#: makes the run part of a word (西日本, 中西部, 日比谷).
_AFTER_RUN = ("関係", "首脳", "会談", "間", "両国", "共同", "同盟", "協議", "対立", "貿易", "外相", "国防相",
              "連携", "協力", "戦争", "対話", "安保", "合同", "軍", "政府", "企業", "経済", "外交", "国交",
              "防衛", "演習", "交渉", "協定", "条約", "枠組", "電話", "接近", "摩擦", "対決", "競争", "紛争",
              "戦略", "友好", "各国", "三国", "3国", "3カ国", "4カ国", "首相", "大統領", "高官", "当局",
              "対", "蜜月", "緊張", "和解", "衝突", "境", "国境", "韓", "覇権", "新冷戦", "冷戦", "合意")
#: form + suffix pairs that are ordinary words (西側: the West, not Spain's side).
_NOT_SUFFIXED = frozenset({"西側", "西軍", "台側", "土側", "西洋", "西部", "中部", "中央", "東洋"})

_KATA = re.compile(r"[\u30A1-\u30FA\u30FC]")
_KANJI = re.compile(r"[\u3400-\u9FFF\uF900-\uFAFF々]")
#: prefix + form pairs that are ordinary words (滞在中, 存在中: "during the stay").
_NOT_PREFIXED = frozenset({"在中", "来中", "対比", "対台", "在台", "知日", "脱中"})
#: a kanji after the form that makes it part of a longer name (中国, 日本, 英語, 米人).
_WORD_TAIL = frozenset("国本人語字")
_RELATION = ("関係", "首脳", "会談", "間", "両国", "共同", "同盟", "協議", "対立", "貿易", "外相", "連携",
             "協力", "戦争", "対話", "首脳会談", "の")


def _ok_before(text: str, i: int) -> bool:
    if i == 0:
        return True
    p = text[i - 1]
    if _KATA.match(p) and _KATA.match(text[i]):
        return False
    return not (_KANJI.match(p) and p not in PREFIXES)


def find_compounds(text: str, abbreviations: dict[str, str]) -> list[tuple[int, int, str]]:
    """Find state abbreviations, alone or in compounds, with one span per character.

    Parameters
    ----------
    text : str
        Japanese text.
    abbreviations : dict
        One-character form → state id (the knowledge base's ``abbreviations``).

    Returns
    -------
    list of (start, end, state id)
        Offsets into ``text``; each span is one character long.

    Examples
    --------
    >>> ab = {"米": "united-states", "英": "united-kingdom", "豪": "australia", "ロ": "russia",
    ...       "中": "china", "朝": "north-korea", "日": "japan"}
    >>> [t[2] for t in find_compounds("米英豪の安全保障枠組み", ab)]
    ['united-states', 'united-kingdom', 'australia']
    >>> [t[2] for t in find_compounds("中ロ関係が深まる", ab)]
    ['china', 'russia']
    >>> find_compounds("ロシアと中国", ab)
    []
    >>> [t[2] for t in find_compounds("首相は訪米した。対中政策と米政府", ab)]
    ['united-states', 'china', 'united-states']
    >>> find_compounds("中心部と米価と今朝", ab)
    []
    >>> find_compounds("対西側で連携", {"西": "spain"})
    []
    """
    out: list[tuple[int, int, str]] = []
    n = len(text)
    i = 0
    while i < n:
        if text[i] not in abbreviations or not _ok_before(text, i):
            i += 1
            continue
        j = i
        while j < n and text[j] in abbreviations:
            j += 1
        # a katakana form (ロ) followed by more katakana is part of a word (ロシア)
        while j > i and j < n and _KATA.match(text[j - 1]) and _KATA.match(text[j]):
            j -= 1
        run = text[i:j]
        rest = text[j:]
        keep = False
        if len(run) >= 2:
            if run in AMBIGUOUS:
                keep = any(rest.startswith(w) for w in AMBIGUOUS[run])
            else:
                keep = len(set(abbreviations[c] for c in run)) == len(run) and (
                    not rest or not _KANJI.match(rest[0]) or rest.startswith(_AFTER_RUN))
        elif len(run) == 1:
            prev = text[i - 1] if i else ""
            if prev in PREFIXES and prev + run not in _NOT_PREFIXED and run + rest[:1] not in _NOT_SUFFIXED and (not rest or rest[0] not in _WORD_TAIL) or (rest.startswith(SUFFIXES) and run + rest[:1] not in _NOT_SUFFIXED) or (i > 0 and text[i - 1] in "、・" and rest[:1] != "" and rest[:1] in "、・"):
                keep = True
        if keep:
            out.extend((k, k + 1, abbreviations[text[k]]) for k in range(i, j))
            i = j
        else:
            i = max(j, i + 1)
    return out
