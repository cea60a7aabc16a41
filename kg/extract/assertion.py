"""Assertion status of a Japanese predicate: affirmed, negated or not asserted.

A coded event must be something the text says happened. This module reads
the words around a predicate in a GiNZA parse and answers two questions:

* :func:`is_negated`: 〜ない, 〜ず, 〜しなかった, 〜ません (``kz:polarity kz:Negated``).
  〜を拒否 is not a negation: it is a REJECT event of its own.
* :func:`is_hypothetical`: conditions (〜ば, 〜たら, 〜場合), possibilities
  (〜可能性, 〜かもしれない, 〜恐れ), plans not yet carried out (〜予定,
  〜方針, 〜見通し, 〜ことを検討, 〜つもり, 〜たい) and the future (来週,
  近く): such clauses yield no event.

The tables are module-level data; the functions take spaCy tokens, but the
string tests (:func:`hedge_in`, :func:`negation_in`) are pure.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = [
    "NEGATION_LEMMAS",
    "CONDITION_MARKS",
    "HEDGE_NOUNS",
    "HEDGE_AFTER",
    "FUTURE_WORDS",
    "hedge_in",
    "negation_in",
    "is_negated",
    "is_hypothetical",
    "clause_tail",
    "CONTENT_NOUNS",
    "is_proposal_content",
]

#: Auxiliaries that negate the predicate they attach to.
NEGATION_LEMMAS = frozenset({"ない", "ず", "ぬ", "ん", "無い"})

#: Conjunctive particles that make a clause a condition.
CONDITION_MARKS = frozenset({"ば", "たら", "なら", "ならば", "れば", "と"})

#: Nouns that, modified by a clause, make it a plan, possibility or condition.
HEDGE_NOUNS = frozenset(
    {
        "場合", "可能性", "予定", "方針", "見通し", "見込み", "意向", "考え", "つもり", "構え",
        "恐れ", "おそれ", "公算", "計画", "狙い", "目標", "用意", "意思", "意欲", "案", "方向",
        "見方", "懸念", "可能", "必要", "余地", "期待", "条件", "際", "とき", "時", "前提",
    }
)  # fmt: skip

#: Verbs that, governing 〜ことを/〜ことで/〜よう, make the clause not yet done.
HEDGE_GOVERNORS = frozenset(
    {"検討", "計画", "目指す", "予定", "模索", "準備", "望む", "期待", "求める", "要求", "要請",
     "呼びかける", "促す", "迫る", "警告", "示唆", "協議", "提案", "主張", "約束", "誓う", "予想",
     "想定", "見込む", "懸念", "恐れる", "否定", "拒否", "反対", "考慮", "視野", "調整", "交渉"}
)  # fmt: skip

#: Nouns naming what a proposal or demand contains (「…を撤回するなど、和平条件を提示した」).
CONTENT_NOUNS = ("条件", "案", "提案", "要求", "計画", "構想", "プラン", "要件", "項目", "内容", "措置")
#: Verbs that put forward such content.
CONTENT_GOVERNORS = HEDGE_GOVERNORS | frozenset({"提示", "示す", "出す", "提出", "発表", "表明", "列挙", "挙げる"})
#: Particles that make a clause an example of what follows it.
EXAMPLE_MARKS = frozenset({"など", "等", "なんて"})

#: Surface patterns right after a predicate that hedge it.
HEDGE_AFTER = re.compile(
    r"^(?:し|する|すれ|して|した|され|される|させ|でき|でき|なけれ)?"
    r"(?:かもしれ|かも知れ|可能性|予定|方針|見通し|見込み|意向|つもり|構え|恐れ|おそれ|公算|"
    r"たい|たがっ|よう[とに]|ようと|よう。|ようだ|ましょう|でしょう|だろう|べき|れば|ば、|たら|なら|場合|"
    r"ことを検討|ことも検討|ことを計画|ことを目指|ことを模索|ことを提案|ことを求め|ことを約束|"
    r"方向で|計画だ|計画を|考えだ|考えを|用意が)"
)

#: Words that place a clause in the future.
FUTURE_WORDS = frozenset(
    {
        "来週",
        "来月",
        "来年",
        "明日",
        "あす",
        "今後",
        "近く",
        "年内",
        "近日",
        "将来",
        "近い将来",
        "来春",
        "来夏",
        "来秋",
        "来冬",
        "後日",
    }
)


def hedge_in(tail: str) -> bool:
    """True when the text right after a predicate hedges it.

    >>> hedge_in("する予定だ。"), hedge_in("する可能性がある"), hedge_in("した。")
    (True, True, False)
    >>> hedge_in("すれば、"), hedge_in("したと述べた")
    (True, False)
    """
    return bool(HEDGE_AFTER.match(tail))


def negation_in(tail: str) -> bool:
    """True when the text right after a predicate negates it.

    >>> negation_in("しなかった。"), negation_in("せず、"), negation_in("しました"), negation_in("していない")
    (True, True, False, True)
    >>> negation_in("しないよう求めた")
    True
    """
    return bool(
        re.match(
            r"^(?:し|さ|せ|でき|され|させ|して|しては|てい|ては|ていませ|てはい)?(?:ない|なかっ|なく|ず|ぬ|ません|ませんでし|ていない|てはいない|いない)",
            tail,
        )
    )


def clause_tail(token: Any, limit: int = 8) -> str:
    """The surface text from ``token`` to the end of its bunsetsu-like tail
    (its auxiliaries, particles and nominal endings), without the token itself.
    """
    doc = token.doc
    parts = []
    for t in doc[token.i + 1 : min(len(doc), token.i + 1 + limit)]:
        if (
            t.pos_ in ("AUX", "SCONJ", "ADP", "PART")
            or t.dep_ in ("aux", "mark", "cop", "fixed")
            or t.text
            in (
                "こと",
                "よう",
                "予定",
                "方針",
                "可能性",
                "場合",
                "見通し",
                "見込み",
                "意向",
                "つもり",
                "構え",
                "恐れ",
                "公算",
                "計画",
                "考え",
                "用意",
                "方向",
                "検討",
                "、",
                "。",
            )
        ):
            parts.append(t.text)
            if t.text in ("。",):
                break
        else:
            break
    return "".join(parts)


def is_negated(head: Any) -> bool:
    """True when the clause headed by ``head`` (a spaCy token) is negated."""
    for c in head.children:
        if c.dep_ in ("aux", "cop") and c.lemma_ in NEGATION_LEMMAS and c.i > head.i:
            return True
    return negation_in(clause_tail(head))


def _future(head: Any) -> bool:
    for c in head.children:
        if c.text in FUTURE_WORDS or c.lemma_ in FUTURE_WORDS:
            return True
        for g in c.subtree:
            if g.text in FUTURE_WORDS and g.head.i == c.i:
                return True
    return False


def is_proposal_content(head: Any) -> bool:
    """True when the clause headed by ``head`` is an item of a proposal, demand or condition.

    「XがAを撤回するなど、和平条件を提示した」: the withdrawal is what the
    proposal contains, not an act; the clause (or a clause chained before
    it) ends in など and is an adjunct of a verb that puts forward a
    condition/plan/demand noun (:data:`CONTENT_NOUNS`) or of a demand verb.
    """
    h = head
    for _ in range(3):
        if any(c.text in EXAMPLE_MARKS and c.i > h.i and c.dep_ in ("case", "mark") for c in h.children):
            parent = h.head
            if parent is h:
                return False
            objs = [c for c in parent.children if c.dep_ in ("obj", "nsubj") and c.i > h.i]
            if any(o.text.endswith(CONTENT_NOUNS) or o.lemma_.endswith(CONTENT_NOUNS) for o in objs):
                return True
            return parent.lemma_ in HEDGE_GOVERNORS
        if h.dep_ not in ("conj", "advcl") or h.head is h or h.head.i < h.i:
            return False
        h = h.head
    return False


def is_hypothetical(head: Any, trigger: Any | None = None) -> bool:
    """True when the clause headed by ``head`` is a condition, possibility,
    plan or future: not an event that happened.

    ``trigger`` is the event's noun when ``head`` is its light verb.
    """
    for tok in filter(None, (head, trigger)):
        for c in tok.children:
            if c.dep_ == "mark" and c.lemma_ in CONDITION_MARKS - {"と"} and c.i > tok.i:
                return True
            if (
                c.dep_ == "aux"
                and c.lemma_ in ("たい", "う", "よう", "べし", "だろう", "まい")
                and c.i > tok.i
            ):
                return True
    if hedge_in(clause_tail(head)):
        return True
    if _future(head):
        return True
    if is_proposal_content(head):
        return True
    # 〜する予定 / 〜した場合 / 〜することを検討
    h = head
    for _ in range(3):
        if h.dep_ not in ("acl", "advcl", "ccomp", "obj", "obl", "nmod", "csubj") or h.head is h:
            break
        parent = h.head
        if h.dep_ == "acl" and parent.lemma_ in HEDGE_NOUNS:
            return True
        if (
            parent.lemma_ in ("こと", "の", "よう", "ように")
            and parent.dep_ in ("obj", "obl", "nsubj")
            and parent.head.lemma_ in HEDGE_GOVERNORS
        ):
            return True
        if parent.lemma_ not in ("こと", "の", "よう", "ように"):
            break
        h = parent
    return False
