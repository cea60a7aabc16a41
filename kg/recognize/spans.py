"""Repairs of GiNZA's entity spans before they become mentions.

GiNZA's spans are often a little off in news text: a person glued to the
country before their title (「マクロンフランス」), a place with a direction
after it (「金日成広場東側」), a war with the rest of the clause
(「ウクライナ戦争解決のための」), a square read as a person (「天安門」 before
広場), or a common noun typed as a place (「首都」). Each repair is a rule
over plain offsets, with its word lists as data.

>>> trim_tail("アジア太平洋地域", "Location")
'アジア太平洋'
>>> trim_event("ウクライナ戦争解決のための")
'ウクライナ戦争'
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["DIRECTION_TAILS", "FACILITY_SUFFIXES", "EVENT_HEADS", "GOVERNMENT_SUFFIXES", "trim_tail",
           "event_edges", "PLACE_UNIT_SUFFIXES",
           "trim_event", "facility_after", "split_scripts", "government_of", "inside_word",
           "UNIT_SUFFIXES", "unit_after"]

#: direction and extent words after a place name: 「極東地域」 names 極東.
DIRECTION_TAILS = ("東側", "西側", "南側", "北側", "北部", "南部", "東部", "西部", "中部", "周辺", "近郊", "全土",
                   "全域", "地域", "一帯", "地方", "大陸", "郊外", "東門外", "東門", "西門")
#: words that make the name before them a place: 「天安門」+「広場」, 「人民」+「大会堂」.
FACILITY_SUFFIXES = ("宇宙基地", "大会堂", "広場", "宮殿", "空港", "基地", "公園", "通り", "大通り", "駅", "港",
                     "橋", "宮", "城", "寺", "神社", "記念館", "博物館", "美術館", "劇場", "競技場", "原子力発電所",
                     "原発", "発電所", "刑務所", "収容所")
#: the head word of a named event; GiNZA's event span is cut after it.
EVENT_HEADS = ("首脳会談", "首脳会議", "会談", "会議", "サミット", "戦争", "侵攻", "危機", "紛争", "事変", "事件",
               "選挙", "五輪", "オリンピック", "万博", "博覧会", "フォーラム", "大会", "革命", "パンデミック",
               "ファンデミック", "演習", "協議", "対話", "記念日", "祭", "博", "杯", "テロ", "攻撃", "事故", "災害", "地震", "トーナメント", "選手権",
               "リーグ", "フェスティバル", "まつり", "祭り", "戦い", "の役", "の乱", "の変", "爆撃", "虐殺", "ショー",
               "レース", "シリーズ", "ゲームズ", "予選", "総選挙", "国体", "共進会", "展覧会", "ワールドカップ")
#: a state's government is the state (「ロシア政府」 → Russia); a leader's administration is the leader.
GOVERNMENT_SUFFIXES = ("政府", "当局", "政権")
_EVENT_RE = re.compile("^(.+?(?:" + "|".join(EVENT_HEADS) + "))")
_KATA = r"\u30A1-\u30FA\u30FC・･"
_SCRIPT_RUN = re.compile(f"[{_KATA}]+|[\u3400-\u9FFF々]+|[A-Za-z][A-Za-z .'-]*|.")


def trim_tail(text: str, cls: str) -> str:
    """Drop a direction or extent word from the end of a place or organisation name.

    >>> trim_tail("金日成広場東側", "Organization")
    '金日成広場'
    >>> trim_tail("地域", "Location")
    '地域'
    """
    if cls == "Person":
        return text
    for t in DIRECTION_TAILS:
        if text.endswith(t) and len(text) - len(t) >= 2:
            return text[: -len(t)]
    return text


def trim_event(text: str) -> str:
    """Cut a named-event span after its head word (戦争, 会談, 選挙 ...).

    >>> trim_event("ロシア貿易博覧会"), trim_event("北京会談で"), trim_event("全国柔道選手権大会に")
    ('ロシア貿易博覧会', '北京会談', '全国柔道選手権大会')
    """
    m = _EVENT_RE.match(text)
    if not m:
        return text
    end = m.end(1)
    while nxt := next((h for h in sorted(EVENT_HEADS, key=len, reverse=True) if text.startswith(h, end)), ""):
        end += len(nxt)  # 「選手権大会」「国際会議」: a head word right after the first one
    return text[:end]


def facility_after(text: str, end: int) -> str:
    """The facility word right after ``end`` (「広場」 after 天安門), or "".

    >>> facility_after("天安門広場の隣", 3)
    '広場'
    """
    for suf in FACILITY_SUFFIXES:
        if text.startswith(suf, end):
            return suf
    return ""


def split_scripts(text: str) -> list[tuple[int, int]]:
    """Runs of one script (katakana with ・, kanji, Latin) inside a span, as offsets.

    >>> t = "通信社プーチン"
    >>> [t[a:b] for a, b in split_scripts(t)]
    ['通信社', 'プーチン']
    """
    out = []
    for m in _SCRIPT_RUN.finditer(text):
        s, e = m.start(), m.end()
        while e > s and text[e - 1] in " ・･":
            e -= 1
        if e > s and text[s:e].strip():
            out.append((s, e))
    return out


def government_of(text: str) -> tuple[str, str]:
    """Split 「ロシア政府」 into the name and the government word.

    >>> government_of("ロシア政府"), government_of("バイデン政権"), government_of("ロシア")
    (('ロシア', '政府'), ('バイデン', '政権'), ('ロシア', ''))
    """
    for suf in GOVERNMENT_SUFFIXES:
        if text.endswith(suf) and len(text) > len(suf) + 1:
            return text[: -len(suf)], suf
    return text, ""


def inside_word(tokens: Sequence[tuple[int, int, str]], start: int, end: int) -> bool:
    """True when ``[start, end)`` sits inside a longer noun token of the parse.

    A curated name found by characters inside one word of the parse is part
    of a longer name (日本 in 日本航空, 東京都 in 東京都千代田区, ドイツ in
    西ドイツ), not a mention of its own.

    Parameters
    ----------
    tokens : sequence of (int, int, str)
        ``(start, end, tag)`` of each token (GiNZA's ``tag_``, 名詞-… for nouns).
    start, end : int
        The name's offsets.

    Examples
    --------
    >>> toks = [(0, 4, "名詞-固有名詞-一般"), (4, 5, "助詞-格助詞"), (5, 7, "名詞-固有名詞-地名-国")]
    >>> inside_word(toks, 0, 2), inside_word(toks, 5, 7)
    (True, False)
    """
    for a, b, tag in tokens:
        if a < end and start < b and (a < start or b > end) and tag.startswith(("名詞", "接尾辞")):
            return True
    return False


#: words after a name that make a unit, faction, firm or battle of it: 「藤堂」+「隊」, 「関ヶ原」+「の戦い」
UNIT_SUFFIXES: dict[str, str] = {
    "社": "Company", "グループ": "Company", "隊": "ArmedForces", "軍": "ArmedForces", "派": "Organization",
    "選手団": "Organization", "の戦い": "NamedEvent", "の役": "NamedEvent", "の乱": "NamedEvent",
    "の変": "NamedEvent", "合戦": "NamedEvent",
}
#: words after a state or place that make a team or a race of it: 「カナダ」+「代表」, 「ベルギー」+「GP」
#: (after a person 「代表」 is a title: 「田中代表」)
PLACE_UNIT_SUFFIXES: dict[str, str] = {
    "代表": "Organization", "GP": "NamedEvent", "グランプリ": "NamedEvent",
}
_WORDISH = re.compile(r"[\u3400-\u9FFF々\u30A1-\u30FA\u30FC]")
_EVENT_BEFORE = re.compile(r"(?:[12]\d{3}(?:年|年度| )?|第\d+回)$")
_EVENT_AFTER = re.compile(r"^ ?[12]\d{3}(?!\d)")


def event_edges(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a named event's span over the year or edition number that belongs to its name.

    >>> t = "彼は1998年北方競技大会と南方杯2021に出た"
    >>> a, b = event_edges(t, 7, 13); t[a:b]
    '1998年北方競技大会'
    >>> a, b = event_edges(t, 14, 17); t[a:b]
    '南方杯2021'
    >>> event_edges("第3回東西会議で", 3, 7)
    (0, 7)
    """
    m = _EVENT_BEFORE.search(text, 0, start)
    if m:
        start = m.start()
    m = _EVENT_AFTER.match(text[end:])
    if m:
        end += m.end()
    return start, end


def unit_after(text: str, end: int, table: dict[str, str] | None = None) -> tuple[str, str]:
    """The unit word right after a name and the class it gives, or ``("", "")``.

    The word must end there (「社長」「軍事」「派遣」 are other words).

    >>> unit_after("長篠の戦いで敗れた", 2), unit_after("トヨタ社長が", 3)
    (('の戦い', 'NamedEvent'), ('', ''))
    >>> unit_after("ペルー代表が勝った", 3, PLACE_UNIT_SUFFIXES)
    ('代表', 'Organization')
    """
    table = UNIT_SUFFIXES if table is None else table
    for suf in sorted(table, key=len, reverse=True):
        if text.startswith(suf, end):
            nxt = text[end + len(suf): end + len(suf) + 1]
            if not nxt or not _WORDISH.match(nxt):
                return suf, table[suf]
    return "", ""
