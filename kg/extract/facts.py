"""Facts the text states: affiliations, memberships, agreement parties.

Only what the text says; curated facts come from the knowledge base and are
kept apart by the graph writer.

* ``affiliation`` person → country/organisation, with the title as label:
  「ロシアのラブロフ外相」, 「ロシア大統領のプーチン氏」, 「プーチン・ロシア大統領」,
  「キングス・カレッジの上級講師であるクルト氏」;
* ``memberOf`` country → organisation: 「米英豪の安全保障枠組みAUKUS」,
  「NATO加盟国のフランス」, 「スウェーデンがNATOに加盟した」,
  「BRICSはイランなど6か国の加盟を認めた」;
* ``party`` agreement → state/person: 「日米の安全保障条約」, parties named
  inside the agreement's name, and the subjects of 署名/締結/発表/提示 … whose
  object is the agreement (「両国は共同声明に署名した」, coreference expanded).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import Any

from kg.extract.arguments_ja import ABOUT_CLASSES, sentence_index
from kg.extract.arguments_ja import Ctx as _Ctx
from kg.extract.arguments_ja import marker as _marker
from kg.extract.assertion import negation_in
from kg.extract.lexicon import load_lexicon
from kg.types import Mention, Sentence, StatedFact

__all__ = [
    "extract_facts",
    "agreement_speakers",
    "stated_facts_from_text",
    "TITLES",
    "PARTY_VERBS",
    "ACTOR_CLASSES",
    "ORG_CLASSES",
]

log = logging.getLogger(__name__)

ORG_CLASSES = frozenset(
    {
        "Organization",
        "InternationalOrganization",
        "GovernmentBody",
        "Media",
        "Company",
        "ArmedForces",
        "Institute",
    }
)
ACTOR_CLASSES = ORG_CLASSES | {"Country"}

#: Titles that tie a named person to the country or organisation before them.
TITLES = (
    "国家主席", "主席", "大統領", "副大統領", "首相", "副首相", "総理大臣", "総理", "外相", "外務大臣", "外務相",
    "国防相", "国防大臣", "防衛相", "防衛大臣", "国務長官", "国防長官", "長官", "大臣", "相", "報道官",
    "議長", "委員長", "総書記", "書記長", "事務総長", "事務局長", "総裁", "代表", "大使", "公使", "司令官",
    "参謀総長", "将軍", "国王", "首長", "皇太子", "議員", "上院議員", "下院議員", "知事", "市長", "顧問",
    "補佐官", "次官", "局長", "部長", "所長", "理事長", "会長", "社長", "CEO", "教授", "准教授", "講師",
    "上級講師", "研究員", "上級研究員", "主任研究員", "フェロー", "アナリスト", "編集長", "記者", "特派員",
    "創設者", "創業者", "幹部", "高官", "当局者", "首脳", "指導者", "最高指導者", "元首",
)  # fmt: skip
_TITLE_RX = "|".join(sorted(map(re.escape, TITLES), key=len, reverse=True))
#: Text between an organisation and a person it employs.
_AFFIL_GAP = re.compile(
    rf"^(?:の|・|\s)?(?:[^、。「」『』\s]{{0,14}}?(?:{_TITLE_RX}))?(?:である|を務める|の|・|\s)?$"
)
#: 「プーチン・ロシア大統領」: the title right after the country.
_TITLE_AFTER = re.compile(rf"^(?:{_TITLE_RX})")
_MEMBER_RUN_SEP = re.compile(r"^(?:|、|・|と|や|及び|および)$")
_FRAMEWORK_GAP = re.compile(
    r"^(?:など)?(?:[0-9０-９一二三四五六七八九十]+(?:か国|カ国|ヶ国))?(?:が加盟する|が参加する|による|の|で構成する|で作る)"
    r"(?:安全保障)?(?:枠組み|同盟|軍事同盟|経済圏|連合|グループ|協議体|機構|フォーラム)?$"
)
_MEMBER_OF_GAP = re.compile(r"^(?:の)?(?:加盟国|メンバー国|構成国|加盟各国)(?:の|である|、|・)?$")
_JOIN = frozenset({"加盟", "加入"})
#: Verbs whose subject is a party of the agreement they govern.
PARTY_VERBS = frozenset(
    {"署名", "調印", "締結", "批准", "合意", "発表", "提示", "提案", "採択", "結ぶ", "交わす", "宣言", "打ち出す",
     "策定", "公表", "まとめる", "深める", "深化", "強化", "格上げ", "発展", "更新", "延長", "履行", "主導", "提唱", "示す"}
)  # fmt: skip


def _gap(text: str, a: Mention, b: Mention, offset: int) -> str:
    return text[a.end - offset : b.start - offset] if a.end <= b.start else "\x00"


def stated_facts_from_text(
    text: str, mentions: Sequence[Mention], offset: int = 0
) -> list[tuple[str, int, int, str]]:
    """Surface-pattern facts of a text: ``(predicate, subject index, object index, label)``.

    Offsets of ``mentions`` are ``offset`` + positions in ``text``.

    >>> ms = [Mention(0, 3, "ロシア", "Country", 0), Mention(4, 8, "ラブロフ", "Person", 0, position="外相")]
    >>> stated_facts_from_text("ロシアのラブロフ外相は", ms)
    [('affiliation', 1, 0, '外相')]
    >>> ms = [Mention(0, 1, "米", "Country", 0), Mention(1, 2, "英", "Country", 0), Mention(2, 3, "豪", "Country", 0),
    ...       Mention(11, 16, "AUKUS", "InternationalOrganization", 0)]
    >>> sorted(f[:3] for f in stated_facts_from_text("米英豪の安全保障枠組みAUKUS", ms))
    [('memberOf', 0, 3), ('memberOf', 1, 3), ('memberOf', 2, 3)]
    """
    out: list[tuple[str, int, int, str]] = []
    n = len(mentions)
    order = sorted(range(n), key=lambda i: mentions[i].start)
    for k, i in enumerate(order):
        m = mentions[i]
        if m.source == "coref":
            continue
        nxt = [j for j in order[k + 1 : k + 4] if mentions[j].source != "coref"]
        # organisation ... person
        if m.cls in ACTOR_CLASSES and nxt:
            j = nxt[0]
            p = mentions[j]
            g = _gap(text, m, p, offset)
            if p.cls == "Person" and _AFFIL_GAP.match(g):
                t = re.search(_TITLE_RX, g)
                after = _TITLE_AFTER.match(text[p.end - offset :])
                out.append(
                    (
                        "affiliation",
                        j,
                        i,
                        p.position or (t.group(0) if t else "") or (after.group(0) if after else ""),
                    )
                )
        # person ・ country title
        if m.cls == "Person" and nxt:
            j = nxt[0]
            c = mentions[j]
            g = _gap(text, m, c, offset)
            if (
                c.cls in ACTOR_CLASSES
                and g in ("・", "・", " ")
                and _TITLE_AFTER.match(text[c.end - offset :])
            ):
                out.append(
                    ("affiliation", i, j, m.position or _TITLE_AFTER.match(text[c.end - offset :]).group(0))
                )
        # organisation 加盟国の country
        if m.cls in ORG_CLASSES and nxt:
            j = nxt[0]
            if mentions[j].cls == "Country" and _MEMBER_OF_GAP.match(_gap(text, m, mentions[j], offset)):
                out.append(("memberOf", j, i, ""))
    # a run of countries, then の/による + framework, then an organisation
    k = 0
    while k < len(order):
        run = [order[k]]
        while run and mentions[run[0]].cls == "Country" and k + len(run) < len(order):
            j = order[k + len(run)]
            if mentions[j].cls == "Country" and _MEMBER_RUN_SEP.match(
                _gap(text, mentions[run[-1]], mentions[j], offset)
            ):
                run.append(j)
            else:
                break
        last = k + len(run)
        if mentions[run[0]].cls == "Country" and last < len(order):
            org = order[last]
            g = _gap(text, mentions[run[-1]], mentions[org], offset)
            if (
                mentions[org].cls in ORG_CLASSES
                and _FRAMEWORK_GAP.match(g)
                and (len(run) >= 2 or g not in ("の",))
            ):
                out.extend(("memberOf", c, org, "") for c in run)
        k = last
    return out


def _enumeration(ctx: _Ctx, sent: Sentence, before: int) -> list[int]:
    """Countries listed (、/・/と) right before position ``before`` (「A、B、Cなど6か国」)."""
    ms = [
        i
        for i, m in enumerate(ctx.mentions)
        if sent.start <= m.start and m.end <= before and m.cls == "Country" and m.source != "coref"
    ]
    ms.sort(key=lambda i: ctx.mentions[i].start)
    text = ctx.doc.text
    run: list[int] = []
    for i in reversed(ms):
        end = run and ctx.mentions[run[-1]].start or before
        g = text[ctx.mentions[i].end - ctx.offset : end - ctx.offset]
        if re.match(
            r"^(?:、|・|と|や|および|及び|,)?(?:など|等)?(?:[0-9０-９一二三四五六七八九十]+(?:か国|カ国|ヶ国))?(?:の)?$",
            g,
        ):
            run.append(i)
        else:
            break
    return run


def _actors_of(ctx: _Ctx, verb: Any) -> list[int]:
    """Subject mentions of ``verb``'s clause, through 〜し、〜した chains."""
    mk = ctx.lex.actor_markers
    for v in (
        [verb]
        + [c for c in verb.children if c.dep_ in ("advcl", "conj")]
        + ([verb.head] if verb.dep_ in ("advcl", "conj") else [])
    ):
        found = [i for c in v.children if _marker(c) in mk for i in ctx.phrase_mentions(c)]
        found = [i for i in found if ctx.mentions[i].cls in ACTOR_CLASSES | {"Person"}]
        if found:
            return found
    if verb.dep_ == "acl" and verb.head is not verb and verb.head.head is not verb.head:
        # 「Xを深める共同声明に署名した」: whoever signs the document holds what it deepens
        outer = verb.head.head
        if outer.lemma_ in PARTY_VERBS or outer.text in PARTY_VERBS:
            return _actors_of(ctx, outer)
    return []


def extract_facts(
    doc: Any, mentions: Sequence[Mention], sentences: Sequence[Sentence], *, offset: int
) -> list[StatedFact]:
    """Facts stated in one parsed Japanese chunk.

    Parameters
    ----------
    doc : spacy.tokens.Doc
        GiNZA parse of ``context[offset:offset + len(doc.text)]``.
    mentions : sequence of Mention
        The whole document's mentions (absolute offsets).
    sentences : sequence of Sentence
        The whole document's sentences.
    offset : int
        Where the chunk starts in the context.

    Returns
    -------
    list of StatedFact
        ``affiliation`` (person → org/country, label = title), ``memberOf``
        (country → organisation) and ``party`` (agreement → party);
        subject and object are indices into ``mentions``.
    """
    ctx = _Ctx(doc, mentions, offset, load_lexicon("ja"))
    end = offset + len(doc.text)
    local = [i for i, m in enumerate(mentions) if offset <= m.start and m.end <= end]
    facts: dict[tuple[str, int, int], StatedFact] = {}

    def add(pred: str, s: int, o: int, label: str = "") -> None:
        if s == o:
            return
        for ss in ctx.expand([s]):
            for oo in ctx.expand([o]):
                if ss != oo and (pred, ss, oo) not in facts:
                    facts[(pred, ss, oo)] = StatedFact(
                        pred, ss, oo, sentence_index(sentences, mentions[ss].start), label
                    )

    sub = [mentions[i] for i in local]
    for pred, a, b, label in stated_facts_from_text(doc.text, sub, offset):
        add(pred, local[a], local[b], label)
    for tok in doc:
        # joining an organisation: 「XがNATOに加盟した」「6か国の加盟を認めた」
        if tok.lemma_ in _JOIN and not negation_in(doc.text[tok.idx + len(tok.text) :][:6]):
            orgs = [
                i
                for c in tok.children
                if _marker(c) in ("に", "へ", "への")
                for i in ctx.phrase_mentions(c)
                if mentions[i].cls in ORG_CLASSES
            ]
            members = [
                i
                for c in tok.children
                if _marker(c) in ("が", "は", "の", "も")
                for i in ctx.phrase_mentions(c)
                if mentions[i].cls == "Country"
            ]
            if not orgs and tok.head is not tok:
                orgs = [i for i in _actors_of(ctx, tok.head) if mentions[i].cls in ORG_CLASSES]
            if not members:
                sent = (
                    sentences[sentence_index(sentences, offset + tok.idx)]
                    if sentences
                    else Sentence(offset, end)
                )
                members = _enumeration(ctx, sent, offset + tok.idx)
            for o in orgs:
                for m in members:
                    add("memberOf", m, o)
    # agreement parties
    for ai in local:
        a = mentions[ai]
        if a.cls not in ABOUT_CLASSES or a.cls == "NamedEvent":
            continue
        inside = [
            i
            for i in local
            if i != ai
            and a.start <= mentions[i].start
            and mentions[i].end <= a.end
            and mentions[i].cls in ACTOR_CLASSES
        ]
        for i in inside:
            add("party", ai, i)
        toks = [t for t in doc if offset + t.idx >= a.start and offset + t.idx < a.end]
        if not toks:
            continue
        head = max(toks, key=lambda t: (t.head.i < toks[0].i or t.head.i > toks[-1].i, t.i))
        for c in head.children:
            if c.dep_ == "nmod" and _marker(c) in ("の", "間の", "との", "による", "が結んだ", "が署名した"):
                for i in ctx.phrase_mentions(c):
                    if mentions[i].cls in ACTOR_CLASSES | {"Person"}:
                        add("party", ai, i)
        v = head.head
        for _ in range(2):
            if v.lemma_ in PARTY_VERBS or v.text in PARTY_VERBS:
                for i in _actors_of(ctx, v):
                    add("party", ai, i)
                if v.lemma_ in ("合意", "署名", "締結", "調印"):
                    for c in v.children:
                        if _marker(c) in ("と", "との"):
                            for i in ctx.phrase_mentions(c):
                                if mentions[i].cls in ACTOR_CLASSES | {"Person"}:
                                    add("party", ai, i)
                break
            if v.head is v:
                break
            v = v.head
    return sorted(facts.values(), key=lambda f: (f.sentence, f.predicate, f.subject, f.object))


def agreement_speakers(
    facts: Sequence[StatedFact], mentions: Sequence[Mention], states: dict[int, str] | None = None
) -> dict[int, tuple[int, ...]]:
    """Agreement mention -> the mentions that speak through it (its parties).

    A statement or treaty that "says", "condemns" or "demands" (「共同声明は
    「…」としている」) stands for its parties. Parties come from the
    document's ``party`` facts; every mention of the same agreement (see
    :func:`kg.link.agreement_groups`) shares them. A person who signed acts
    for a state (``states``: mention index -> state key, from the knowledge
    base), and that state speaks when the document names it.

    Parameters
    ----------
    facts : sequence of StatedFact
        The document's stated facts (only ``party`` ones are read).
    mentions : sequence of Mention
        The document's mentions.
    states : dict, optional
        Person mention index -> the key of the state they act for.

    Returns
    -------
    dict of int to tuple of int
        Only agreements with known parties.

    Examples
    --------
    >>> ms = [Mention(0, 2, "中国", "Country", 0, key="china"), Mention(3, 6, "ロシア", "Country", 0, key="russia"),
    ...       Mention(8, 12, "共同声明", "JointStatement", 0), Mention(20, 24, "共同声明", "JointStatement", 1)]
    >>> fs = [StatedFact("party", 2, 0, 0), StatedFact("party", 2, 1, 0)]
    >>> agreement_speakers(fs, ms)
    {2: (0, 1), 3: (0, 1)}
    """
    from kg.link import agreement_groups

    states = states or {}
    state_mention: dict[str, int] = {}
    for i, m in enumerate(mentions):
        if m.cls == "Country" and m.key and m.source != "coref":
            state_mention.setdefault(m.key, i)
    groups = agreement_groups(mentions)
    by_group: dict[int, list[int]] = {}
    for f in facts:
        if f.predicate != "party" or not (0 <= f.subject < len(mentions) and 0 <= f.object < len(mentions)):
            continue
        p = f.object
        if p in states and states[p] in state_mention:
            p = state_mention[states[p]]
        lst = by_group.setdefault(groups.get(f.subject, f.subject), [])
        if p not in lst:
            lst.append(p)
    out: dict[int, tuple[int, ...]] = {}
    for i in sorted(groups):
        ps = by_group.get(groups[i])
        if ps:
            out[i] = tuple(sorted(ps))
    return out
