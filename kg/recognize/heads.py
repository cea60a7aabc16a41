"""The class a name's head word gives it: 「…駅」 is a place, 「…大学」 an institute.

Japanese proper names of organisations, facilities and events end in a
common noun that says what they are (上本町駅, 吉本興業, 欧州議会選挙,
アメリカ合衆国国勢調査局). GiNZA's label for such a span is often wrong
(a company read as a person, an election as a government), so the head
word, when there is one, decides the class. Heads are plain data
(:data:`HEADS`); the longest one that ends the span wins.

Some heads also end family names (山, 川, 島, 村, 高橋, 大島 …): those are
*weak* and never turn a span GiNZA read as a person into something else.

>>> head_class("上本町駅"), head_class("吉本興業"), head_class("欧州議会選挙")
('Location', 'Company', 'NamedEvent')
>>> head_class("中山", person=True), head_class("中山", person=False)
(None, 'Location')
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["HEADS", "WEAK_HEADS", "OWNER_CLASSES", "MEETING_HEADS", "head_class", "head_of", "owner_split", "generic_meeting"]

#: ontology class -> head words (suffixes) that give it
HEADS: dict[str, tuple[str, ...]] = {
    "NamedEvent": (
        "戦争", "大戦", "戦い", "合戦", "の役", "の乱", "の変", "事変", "事件", "紛争", "革命", "選挙", "総選挙",
        "五輪", "オリンピック", "パラリンピック", "万博", "博覧会", "展覧会", "共進会", "大会", "選手権",
        "トーナメント", "ワールドカップ", "フェスティバル", "大祭", "祭り", "まつり", "爆撃", "虐殺", "空襲",
        "作戦", "ショック", "モーターショー", "サミット", "首脳会談", "大震災", "震災", "地震", "暴動", "蜂起",
        "騒動", "騒乱", "一揆", "テロ事件", "同時多発テロ", "パンデミック", "ファンデミック", "グランプリ", "レース",
        "ラリー", "マラソン", "花火大会", "名人戦", "競技",
    ),
    "Location": (
        "駅", "空港", "飛行場", "劇場", "球場", "スタジアム", "競技場", "競輪場", "競馬場", "アリーナ", "公園",
        "神社", "大社", "神宮", "天満宮", "天満社", "八幡宮", "寺院", "大聖堂", "教会堂", "宮殿", "トンネル", "ダム",
        "発電所", "原子力発電所", "原発", "図書館", "博物館", "美術館", "記念館", "病院", "ホテル", "ビル", "タワー",
        "広場", "基地", "宇宙基地", "大使館", "領事館", "刑務所", "収容所", "植物園", "動物園", "水族館", "城跡",
        "工場", "支店", "本店", "機関区", "高速道路", "街道", "国道", "運河", "海峡", "諸島", "半島", "山脈",
        "高原", "盆地", "平野", "市", "区", "町", "村", "県", "州", "郡", "島", "山", "川", "湖", "湾", "寺", "城",
    ),
    "Company": (
        "株式会社", "有限会社", "合同会社", "ホールディングス", "コーポレーション", "カンパニー", "工業", "興業",
        "産業", "商事", "物産", "製作所", "製紙", "製鉄", "鉄鋼", "化学", "電気", "電機", "電力", "銀行", "証券",
        "保険", "生命", "自動車", "汽車", "航空", "空輸", "鉄道", "交通", "運輸", "海運", "商会", "商店", "建設",
        "不動産", "百貨店", "出版", "製薬", "食品", "集団", "社",
    ),
    "Media": ("新聞", "新聞社", "通信社", "放送", "テレビ", "タイムズ"),
    "Institute": (
        "大学", "大學", "高等学校", "高校", "中学校", "小学校", "学校", "学院", "学園", "大学校", "研究所",
        "研究院", "アカデミー", "カレッジ",
    ),
    "GovernmentBody": (
        "省", "庁", "局", "委員会", "議会", "国会", "内閣", "裁判所", "警察", "役所", "市役所", "本部",
        "参謀本部", "司令部", "評議会",
    ),
    "ArmedForces": ("軍", "陸軍", "海軍", "空軍", "国防軍", "部隊", "艦隊", "師団", "旅団", "連隊", "大隊", "軍団", "自衛隊", "隊"),
    "Organization": (
        "党", "協会", "連盟", "連合", "財団", "機構", "組合", "学会", "楽団", "歌劇団", "劇団", "騎士団",
        "クラブ", "倶楽部", "リーグ", "協議会", "連合会", "基金", "教団", "選手団", "選手会", "記念会", "友の会",
        "後援会", "研究会", "同好会", "国教会", "会議派", "公社", "グループ",
    ),
}
#: heads that also end family names: they never retype a span read as a person
WEAK_HEADS: frozenset[str] = frozenset(
    {"市", "区", "町", "村", "県", "州", "郡", "島", "山", "川", "湖", "湾", "寺", "城", "社", "高原", "平野",
     "諸島", "隊", "局", "党"}
)
_BY_LEN: list[tuple[str, str]] = sorted(
    ((h, cls) for cls, hs in HEADS.items() for h in hs), key=lambda x: -len(x[0])
)


def head_of(span: str) -> tuple[str, str] | None:
    """The longest head word ending ``span`` and its class, or None.

    The span must hold more than the head (「駅」 alone names nothing).

    >>> head_of("東京宝塚劇場")
    ('劇場', 'Location')
    >>> head_of("劇場") is None
    True
    """
    for h, cls in _BY_LEN:
        if span.endswith(h) and len(span) > len(h):
            return h, cls
    return None


def head_class(span: str, *, person: bool = False) -> str | None:
    """The class the head word of ``span`` gives it, or None.

    Parameters
    ----------
    span : str
        A candidate name.
    person : bool
        True when the model read the span as a person: then only heads
        that never end a family name count (see :data:`WEAK_HEADS`).

    Examples
    --------
    >>> head_class("山口大学", person=True), head_class("田村", person=True)
    ('Institute', None)
    >>> head_class("ワイト島議会選挙"), head_class("プーチン") is None
    ('NamedEvent', True)
    """
    found = head_of(span)
    if found is None:
        return None
    head, cls = found
    if person and head in WEAK_HEADS:
        return None
    return cls


#: classes of an owner whose name may open a facility's name (東京電力 + 福島第一原子力発電所)
OWNER_CLASSES = frozenset({"Company", "Organization", "Institute", "Media", "GovernmentBody"})
#: meeting words: with only states or one place before them they describe a meeting, not name one
MEETING_HEADS: tuple[str, ...] = ("首脳会談", "首脳会議", "外相会談", "会談", "会合", "協議", "対話", "電話会談")


def owner_split(span: str) -> int | None:
    """Where an owner's name ends inside a facility's name, or None.

    A facility is often named after its owner (王子製紙釧路工場 = 王子製紙's
    釧路工場): the owner is an organisation of its own, the rest the place.

    >>> s = "東西製紙小樽工場"
    >>> k = owner_split(s); s[:k], s[k:]
    ('東西製紙', '小樽工場')
    >>> owner_split("東京宝塚劇場") is None
    True
    """
    if head_class(span) != "Location":
        return None
    for k in range(len(span) - 2, 1, -1):
        if head_class(span[:k]) in OWNER_CLASSES and head_class(span[k:]) == "Location":
            return k
    return None


def generic_meeting(span: str, is_place: Callable[[str], bool]) -> bool:
    """True for a meeting described by who or where only (中ロ首脳会談, 北京会談).

    Parameters
    ----------
    span : str
    is_place : callable
        Tells whether a text is only states or places (the knowledge base's
        names, one-character state forms).

    Examples
    --------
    >>> places = {"北京", "中", "ロ", "ジュネーブ"}
    >>> is_place = lambda t: t in places or all(c in places for c in t)
    >>> generic_meeting("中ロ首脳会談", is_place), generic_meeting("ジュネーブ会談", is_place)
    (True, True)
    >>> generic_meeting("国際平和首脳会談", is_place)
    False
    """
    for h in MEETING_HEADS:
        if span.endswith(h) and len(span) > len(h):
            return bool(is_place(span[: -len(h)]))
    return False
