"""GiNZA's named entities as recognition candidates, their spans repaired.

:func:`ner_candidates` types each GiNZA entity through
:func:`kg.recognize.ene_labels.ene_class` (or its head word, see
:mod:`kg.recognize.heads`), strips titles from person names, joins split
name pieces and trims or extends spans (:mod:`kg.recognize.spans`). Each
candidate is a tuple ``(start, end, cls, key, "ner", ene_label, position)``
with offsets into the chunk's text.
"""

from __future__ import annotations

import re
from typing import Any

from kg.normalize import is_katakana_name
from kg.recognize.coref import SINGLE_RULES
from kg.recognize.ene_labels import ene_class
from kg.recognize.english import classify_latin
from kg.recognize.heads import generic_meeting, head_class, owner_split
from kg.recognize.spans import (
    EVENT_HEADS,
    PLACE_UNIT_SUFFIXES,
    event_edges,
    facility_after,
    government_of,
    split_scripts,
    trim_event,
    trim_tail,
    unit_after,
)
from kg.recognize.splits import extend_name
from kg.recognize.titles import is_title, lead_off, strip_title

__all__ = ["ner_candidates", "only_places", "ORGANS", "lexicon_candidates", "katakana_name_candidates", "split_list"]

_TRIM = " \u3000「」『』（）()・、。,.:：\"'"
_FOREIGN = re.compile(r"[\u30A1-\u30FA\u30FCA-Za-z]")
_LATIN_ONLY = re.compile(r"^[A-Za-z][A-Za-z .'&-]*$")
#: classes of named organs and events (a span around curated states may keep them whole)
ORGANS = ("GovernmentBody", "ArmedForces", "Media", "Company", "Institute", "Organization", "NamedEvent")
_ORG = "Organization"
#: classes of spans that may be a list of names joined by middle dots (「東西銀行・南北商事」)
_LISTABLE = frozenset({"Organization", "Company", "Media", "Institute"})


def _cut_state(name: str, g: Any) -> tuple[str, str]:
    """Split a state or organisation name glued to the end of a katakana person name.

    >>> from kg.recognize.gazetteer import Gazetteer
    >>> _cut_state("マクロンフランス", Gazetteer(ja_exact={"フランス": ("france", "Country")}))
    ('マクロン', 'フランス')
    """
    for k in range(2, len(name) - 1):
        tail = name[k:]
        hit = g.ja_exact.get(tail)
        if hit and hit[1] != "Person" and is_katakana_name(name[:k]) and name[k - 1] not in "・･":
            return name[:k], tail
    return name, ""


def _proper(ent: Any) -> bool:
    """True when a GiNZA span holds a proper noun, katakana or Latin (not only common nouns: 首都, 人民)."""
    if _FOREIGN.search(ent.text):
        return True
    return any("固有名詞" in (t.tag_ or "") for t in ent)


def ner_candidates(doc: Any, text: str, g: Any) -> list[tuple]:
    """GiNZA's entities as candidates, their spans repaired (see :mod:`kg.recognize.spans`)."""
    out: list[tuple] = []
    # a kanji given name (名詞-固有名詞-人名-名) right after a token: where it ends
    toks = list(doc) if hasattr(doc, "__iter__") else []
    given_after = {
        t.idx: t.idx + len(t.text) for t in toks
        if "人名-名" in (t.tag_ or "") and re.fullmatch("[\u3400-\u9FFF々]+", t.text)
    }
    for ent in getattr(doc, "ents", ()):
        cls = ene_class(ent.label_)
        s, e = ent.start_char, ent.end_char
        while s < e and text[s] in _TRIM:
            s += 1
        while e > s and text[e - 1] in _TRIM:
            e -= 1
        span = text[s:e]
        if e <= s or is_title(span) or span.startswith("両") or span in SINGLE_RULES:
            continue
        # the head word decides the class (上本町駅, 吉本興業), and rescues a span whose label is no entity
        # (heads that also end names of people or places, 島 or 村, never retype a span)
        head = None if _LATIN_ONLY.match(span) else head_class(span, person=True)
        if not _proper(ent) and (head is None or cls is None or head in ("Location", "Company")):
            continue  # common nouns only: a named organ or event (法務省入国管理局, 第5回総選挙) at most
        if head is not None:
            cls = head
        if cls is None:
            continue
        if _LATIN_ONLY.match(span):
            hit = g.lookup_en(span) or g.lookup_ja(span)
            cls = hit[1] if hit else classify_latin(span, default=cls, guess_person=False)
            out.append((s, e, cls, hit[0] if hit else None, "ner", ent.label_, ""))
            continue
        name, gov = government_of(span)
        if gov:
            hit = g.lookup_ja(name)
            if hit or is_katakana_name(name):
                e = s + len(name)
                cls = hit[1] if hit else "Person"
        position = ""
        pieces = [(s, e)]
        if cls == "Person":
            s += lead_off(text[s:e])  # 「次女花子」「議長・佐藤一郎」: the kinship word or title before
            name, position = strip_title(text[s:e])
            name, state = _cut_state(name, g)  # 「マクロンフランス大統領」: the state is the title's
            position = state + position
            e = s + len(name)
            if state:  # ... and a mention of the state itself
                hit = g.lookup_ja(state)
                if hit:
                    out.append((e, e + len(state), hit[1], hit[0], "ner", ent.label_, ""))
            pieces = []
            for a, b in split_scripts(text[s:e]):
                a, b = s + a, s + b
                piece = text[a:b]
                hit = g.lookup_ja(piece)
                if hit and hit[1] != "Person":
                    continue  # 「マクロンフランス」: the state before the title is not part of the name
                if is_katakana_name(piece) and len(piece) >= 2 or (hit and hit[1] == "Person"):
                    a2, b2 = extend_name(text, a, b)
                    pieces.append((a2, min(b2, e) if state else b2))
            if not pieces and not _FOREIGN.search(text[s:e]):
                pieces = [(s, e)]  # a kanji name (習近平, 岸田文雄)
        if cls in _LISTABLE:
            pieces = [(s + a, s + b) for a, b in split_list(text[s:e])]
        for a, b in pieces:
            c = cls
            fac = facility_after(text, b)
            if fac and c in ("Person", "Location", "Organization", "Company"):
                b, c = b + len(fac), "Location"
            unit, ucls = unit_after(text, b, PLACE_UNIT_SUFFIXES) if c in ("Country", "Location") else ("", "")
            if not unit:
                unit, ucls = unit_after(text, b)
            if unit and c in ("Person", "Location", "Country", "Organization", "Company"):
                b, c, position = b + len(unit), ucls, ""  # 「藤堂隊」「関ヶ原の戦い」「コーヴァルチック社」
            elif c == "Person" and b in given_after:
                b = given_after[b]  # 「小宮山」+「昌友」: the given name GiNZA left out
            piece = text[a:b]
            if c == "NamedEvent":
                if not any(h in piece for h in EVENT_HEADS) and head_class(piece) != "NamedEvent":
                    continue  # 「中国訪問」「プーチン習近平」: GiNZA's event label without an event word
                b = a + len(trim_event(piece))
                a, b = event_edges(text, a, b)  # 「2010年…大会」「第3回…」「…杯2021」
            elif c != "Person":
                b = a + len(trim_tail(piece, c))
            if c != "Person" and generic_meeting(text[a:b], lambda t: only_places(t, g)):
                continue  # 「中ロ首脳会談」「北京会談」: a meeting described, not named
            if c == "Location" and (k := owner_split(text[a:b])):
                owner = text[a:a + k]  # 「王子製紙釧路工場」: the owner, then its facility
                hit = g.lookup_ja(owner)
                out.append((a, a + k, hit[1] if hit else head_class(owner) or _ORG, hit[0] if hit else None,
                            "ner", ent.label_, ""))
                a += k
            hit = g.lookup_ja(text[a:b])
            out.append((a, b, hit[1] if hit else c, hit[0] if hit else None, "ner", ent.label_, position))
    return out


def only_places(t: str, g: Any) -> bool:
    """True when ``t`` is a curated state or place, or a run of one-character state forms (中ロ)."""
    hit = g.lookup_ja(t)
    if hit:
        return hit[1] in ("Country", "Location")
    return bool(t) and all(ch in g.abbreviations or ch in "・" for ch in t)


#: Sudachi part-of-speech tags (GiNZA's ``tag_``) of dictionary proper names -> class; a full name in
#: the dictionary (石田三成, 名詞-固有名詞-人名-一般) that GiNZA's NER left out is still a person
#: (katakana ones are mostly pieces of longer foreign names: only kanji names count)
LEXICON_TAGS: dict[str, str] = {
    "名詞-固有名詞-人名-一般": "Person",
}
_KANJI_NAME = re.compile(r"^[\u3400-\u9FFF々]{2,}$")
_SURNAME_TAG = "名詞-固有名詞-人名-姓"
_GIVEN_TAG = "名詞-固有名詞-人名-名"


def lexicon_candidates(tokens: list[tuple[int, int, str, str]]) -> list[tuple]:
    """Names the tokeniser's dictionary knows but GiNZA's NER missed, as candidates
    ``(start, end, cls, None, "lex", tag, "")``: a dictionary full name (人名-一般), a
    surname followed by a given name (姓 + 名), both in kanji.

    ``tokens`` are ``(start, end, text, tag)``. These candidates rank below GiNZA's.

    Examples
    --------
    >>> toks = [(0, 4, "徳川家康", "名詞-固有名詞-人名-一般"), (4, 5, "と", "助詞-格助詞"),
    ...         (5, 7, "佐藤", "名詞-固有名詞-人名-姓"), (7, 9, "一郎", "名詞-固有名詞-人名-名"),
    ...         (9, 10, "は", "助詞-係助詞"), (10, 12, "佐藤", "名詞-固有名詞-人名-姓"),
    ...         (12, 16, "ウェイン", "名詞-固有名詞-人名-一般")]
    >>> [(s, e, c) for s, e, c, *_ in lexicon_candidates(toks)]
    [(0, 4, 'Person'), (5, 9, 'Person')]
    """
    out: list[tuple] = []
    for k, (s, e, text, tag) in enumerate(tokens):
        if not _KANJI_NAME.match(text):
            continue
        if tag in LEXICON_TAGS:
            if len(text) >= 3:
                out.append((s, e, LEXICON_TAGS[tag], None, "lex", tag, ""))
        elif tag == _SURNAME_TAG and k + 1 < len(tokens) and tokens[k + 1][3] == _GIVEN_TAG \
                and tokens[k + 1][0] == e and _KANJI_NAME.match(tokens[k + 1][2]):
            out.append((s, tokens[k + 1][1], "Person", None, "lex", tag, ""))
    return out


_KATA_WORD = re.compile(r"^[\u30A1-\u30FA\u30FC]{2,}$")
_PERSON_TAG = "名詞-固有名詞-人名"


def katakana_name_candidates(tokens: list[tuple[int, int, str, str]]) -> list[tuple]:
    """Foreign full names GiNZA's NER missed: katakana words joined by middle dots, one of
    them a person's name in the tokeniser's dictionary (「ポール」「プチャーチン」), as
    candidates ``(start, end, "Person", None, "lex", tag, "")``.

    A name followed by a head word (「…・…大学」) is part of an organisation's name.

    Examples
    --------
    >>> toks = [(0, 4, "エドガー", "名詞-固有名詞-人名-一般"), (4, 5, "・", "補助記号-一般"),
    ...         (5, 9, "ベルモン", "名詞-普通名詞-一般"), (9, 10, "は", "助詞-係助詞")]
    >>> [(s, e, c) for s, e, c, *_ in katakana_name_candidates(toks)]
    [(0, 9, 'Person')]
    >>> toks[-1] = (9, 11, "大学", "名詞-普通名詞-一般")
    >>> katakana_name_candidates(toks)
    []
    """
    out: list[tuple] = []
    n = len(tokens)
    i = 0
    while i < n:
        if not _KATA_WORD.match(tokens[i][2]):
            i += 1
            continue
        j = i + 1
        while (j + 1 < n and tokens[j][2] in ("・", "･") and _KATA_WORD.match(tokens[j + 1][2])
               and tokens[j][0] == tokens[j - 1][1] and tokens[j + 1][0] == tokens[j][1]):
            j += 2
        pieces = tokens[i:j:2]
        prev_kata = i > 0 and tokens[i - 1][1] == tokens[i][0] and re.match(
            "[\u30A1-\u30FA\u30FC・･]", tokens[i - 1][2][-1:])
        if len(pieces) >= 2 and not prev_kata and any(t[3].startswith(_PERSON_TAG) for t in pieces):
            span = "".join(t[2] for t in tokens[i:j])
            nxt = tokens[j] if j < n and tokens[j][0] == tokens[j - 1][1] else None
            if nxt is None or not (_KATA_WORD.match(nxt[2]) or head_class(span + nxt[2])):
                out.append((tokens[i][0], tokens[j - 1][1], "Person", None, "lex", pieces[0][3], ""))
        i = j
    return out


def split_list(span: str) -> list[tuple[int, int]]:
    """Split a span that lists organisations with middle dots, as offsets into ``span``.

    It is a list when a piece before the last ends in a head word of its own
    (a head closes a name: 「東西銀行・南北商事」); katakana names that hold dots
    (「ピース・ウィンズ・ジャパン」) stay whole.

    Examples
    --------
    >>> t = "東西銀行・南北商事・ミナト"
    >>> [t[a:b] for a, b in split_list(t)]
    ['東西銀行', '南北商事', 'ミナト']
    >>> split_list("ピース・ウィンズ・ジャパン"), split_list("日本銀行")
    ([(0, 13)], [(0, 4)])
    """
    parts = re.split("[・･]", span)
    if len(parts) < 2 or not any(head_class(p) for p in parts[:-1]) or any(len(p) < 2 for p in parts):
        return [(0, len(span))]
    out, pos = [], 0
    for p in parts:
        out.append((pos, pos + len(p)))
        pos += len(p) + 1
    return out
