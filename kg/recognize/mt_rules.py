"""Systematic machine-translation errors, as a documented rule set.

Much Japanese-language news on the web is machine-translated from Korean
(or from English through Korean). The errors are systematic, so they are
handled as general rules, each naming its mechanism:

* **Sino-Korean homophones.** Korean writes Chinese names by their Chinese
  sound in hangul (習 Xi → 시); the MT engine maps the hangul back to the
  commonest hanja with that Korean reading (시 → 市). Likewise 주석 (主席)
  comes back as 錫 (석), and 신화 (新華, Xinhua) as 神話. See
  :data:`HOMOPHONE_NAMES` and :data:`HOMOPHONE_WORDS`.
* **Korean transliteration of katakana names.** Korean has no /f/ or /v/
  (ㅍ, ㅂ stand for them) and no /z/ (ㅈ), so names come back with p-row for
  f-row kana (ポンデアライエン for フォンデアライエン) and ジュ for ズ, and
  the reverse (ファンデミック for パンデミック). See :data:`KANA_SWAPS`.
* **Korean word choice.** 서방 (西方) is the Korean word for "the West";
  Japanese writes 西側. See :data:`HOMOPHONE_WORDS`.

>>> "フォンデアライエン" in kana_variants("ポンデアライエン")
True
>>> word_variants("神話通信")
['新華通信', '新華社通信', '新華社']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.recognize.gazetteer import Gazetteer, surname_person

__all__ = ["HOMOPHONE_NAMES", "HOMOPHONE_WORDS", "KANA_SWAPS", "MTHit", "kana_variants", "word_variants",
           "find_mt"]

#: Sino-Korean homophones of the surnames of leaders whose hangul form is a bare
#: Chinese sound: surname -> hanja with the same Korean reading that MT engines pick.
#: 習 (Xi, hangul 시) → 市 詩 時 施 示 視 試 始; 李 (Li, 리/이) is left out: 理/利 are too common.
HOMOPHONE_NAMES: dict[str, str] = {
    "習": "市詩時施示視試始",
}
#: Hanja read 석 (seok), which MT picks for the 席 of 主席 (주석) when the title is cut.
_SEOK = "錫析昔碩席"  # 石 and 夕 left out: too common after 市 (市石油, 市夕張)
#: Titles that make a homophone surname a person (「市主席」 = 習主席).
_HOMOPHONE_TITLES = ("国家主席", "主席", "総書記")

#: Korean word → wrong hanja word: garbled form (regex) -> canonical Japanese forms to look up.
#: 新華 (Xinhua, 신화) is rendered 神話 (also 신화, "myth"); 西方 (서방) is Korean for 西側.
HOMOPHONE_WORDS: dict[str, tuple[str, ...]] = {
    r"神話(?:社)?通信(?:社)?": ("新華通信", "新華社通信", "新華社"),
    r"神話社": ("新華社",),
    r"西方(?:諸国|世界)?": ("西側",),
}

#: Katakana swaps from Korean transliteration: (as MT writes it, as Japanese writes it).
#: Applied one at a time, both directions, to generate lookup variants.
KANA_SWAPS: tuple[tuple[str, str], ...] = (
    ("ポ", "フォ"), ("パ", "ファ"), ("ピ", "フィ"), ("ペ", "フェ"), ("プ", "フ"),  # ㅍ for f
    ("ボ", "ヴォ"), ("バ", "ヴァ"), ("ビ", "ヴィ"),                            # ㅂ for v
    ("ジュ", "ズ"), ("ジ", "ズィ"), ("ジョ", "ゾ"),                             # ㅈ for z
)
# Vowel confusions (ㅓ for schwa: 블링컨 → ブリンカーン) are left to kg.recognize.fuzzy: as swaps
# they would bring different people's names too close.


def kana_variants(name: str, *, limit: int = 64) -> set[str]:
    """Spellings of a katakana name with Korean-transliteration swaps undone.

    Each swap of :data:`KANA_SWAPS` is applied at every position where it
    fits, in either direction, and swaps combine up to two at a time.

    Examples
    --------
    >>> "フォンデアライエン" in kana_variants("ポンデアライエン")
    True
    >>> "パンデミック" in kana_variants("ファンデミック")
    True
    >>> "ウルズラ" in kana_variants("ウルジュラ")
    True
    """
    out = {name}
    frontier = [name]
    for _ in range(2):
        nxt = []
        for s in frontier:
            for a, b in KANA_SWAPS:
                for x, y in ((a, b), (b, a)):
                    for m in re.finditer(re.escape(x), s):
                        v = s[: m.start()] + y + s[m.end():]
                        if v not in out:
                            out.add(v)
                            nxt.append(v)
                            if len(out) >= limit:
                                return out
        frontier = nxt
    return out


def word_variants(surface: str) -> list[str]:
    """Canonical forms of a surface written with a Korean homophone word.

    >>> word_variants("西方")
    ['西側']
    >>> word_variants("東京")
    []
    """
    for pat, canon in HOMOPHONE_WORDS.items():
        if re.fullmatch(pat, surface):
            return list(canon)
    return []


@dataclass(frozen=True)
class MTHit:
    """A span recognised through a machine-translation rule."""

    start: int
    end: int
    key: str
    cls: str
    position: str = ""
    rule: str = ""


def find_mt(text: str, gaz: Gazetteer) -> list[MTHit]:
    """Find names garbled by a systematic MT error and link them to the knowledge base.

    Parameters
    ----------
    text : str
    gaz : Gazetteer
        Tables from :func:`kg.recognize.gazetteer.gazetteer`.

    Returns
    -------
    list of MTHit
        Offsets into ``text``; only hits that resolve to a curated record.

    Examples
    --------
    >>> from kg.recognize.gazetteer import Gazetteer, Person
    >>> g = Gazetteer(persons={"xi-jinping": Person("xi-jinping", "習近平", "Xi Jinping", ("国家主席",))},
    ...               ja_exact={"新華社": ("xinhua", "Media")})
    >>> [(h.start, h.end, h.key) for h in find_mt("市主席は述べた。神話通信によると", g)]
    [(0, 3, 'xi-jinping'), (8, 12, 'xinhua')]
    >>> find_mt("市議会と市長", g)
    []
    """
    hits: list[MTHit] = []
    for surname, homs in HOMOPHONE_NAMES.items():
        pat = f"[{homs}](?:{'|'.join(_HOMOPHONE_TITLES)}|[{_SEOK}])"
        for m in re.finditer(pat, text):
            key = surname_person(gaz, surname, "主席") or surname_person(gaz, surname)
            if key:
                title = m.group(0)[1:]
                hits.append(MTHit(m.start(), m.end(), key, "Person",
                                  position=title if title in _HOMOPHONE_TITLES else "主席",
                                  rule="sino-korean-homophone-surname"))
    for pat, canon in HOMOPHONE_WORDS.items():
        for m in re.finditer(pat, text):
            for c in canon:
                hit = gaz.ja_exact.get(c)
                if hit:
                    hits.append(MTHit(m.start(), m.end(), hit[0], hit[1], rule="korean-homophone-word"))
                    break
    return sorted(hits, key=lambda h: (h.start, h.end))
