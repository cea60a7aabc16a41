"""Japanese argument gathering: the roles of a clause from a GiNZA parse.

Given a predicate token (and the event noun of a light-verb construction),
:func:`clause_args` reads its dependents and their case particles:

* actor from が/は/も (the agent of a passive from によって/により/から);
* target (or partner) from the markers the lexicon entry lists
  (を/に/と/への/に対する …), and, for statements (ACCUSE, REJECT …) with
  no direct target, from the entity whose act or thing is the object of the
  statement (「米国の圧力を非難」 → 米国, see :func:`owner_targets`);
* location from で (and, for visits, from a place in the target slot);
* about from an Agreement or NamedEvent in any slot (共同声明に署名);
* coordination (「中国とロシアは」) gives every member; coreference mentions
  (両国) expand to their antecedents.

:func:`governor` tells how a clause is embedded (quote, nominal, chain) so
that :mod:`kg.extract.events_ja` can inherit a missing actor.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from kg.extract.dates import HAPPEN_VERBS
from kg.extract.lexicon import SYMMETRIC_TYPES, Lexicon, Predicate
from kg.extract.sides import LEADER_NOUNS, capital_states, leader_mentions, person_states  # noqa: F401 (re-exported)
from kg.types import Mention, Sentence

__all__ = [
    "ARG_CLASSES_EXCLUDED",
    "ABOUT_CLASSES",
    "Args",
    "Ctx",
    "clause_args",
    "governor",
    "marker",
    "sentence_index",
    "QUOTE_PRED",
    "OWNER_TARGET_TYPES",
    "owner_mentions",
    "OWNER_DEPTH",
    "LEADER_NOUNS",
    "person_states",
    "leader_mentions",
    "capital_states",
]

log = logging.getLogger(__name__)

#: Mention classes that cannot act or be acted on.
ARG_CLASSES_EXCLUDED = frozenset(
    {"Location", "Agreement", "JointStatement", "Treaty", "Partnership", "Plan", "Deal", "NamedEvent"}
)
#: Mention classes that fill ``about``.
ABOUT_CLASSES = frozenset(
    {"Agreement", "JointStatement", "Treaty", "Partnership", "Plan", "Deal", "NamedEvent"}
)
_PASSIVE_AUX = frozenset({"れる", "られる"})
_NOMINALISERS = frozenset({"こと", "の", "よう", "ように", "ため"})
_MODIFIER_DEPS = frozenset({"compound", "flat", "fixed", "amod", "nummod"})
#: Directed types whose target may be the owner of what the statement is about
#: (「米国の圧力を非難した」 → ACCUSE 米国, 「ウクライナの主権を支持」 → SUPPORT ウクライナ).
OWNER_TARGET_TYPES = frozenset({"ACCUSE", "REJECT", "PROTEST", "THREATEN", "SUPPORT"})
#: How far the owner of the object may sit, per type (support reaches only the object's own owner).
OWNER_DEPTH = {"SUPPORT": 1}
#: Markers of a noun modifier that names the owner or the addressee of the thing.
OWNER_MARKERS = frozenset({"の", "への", "に対する", "による", "をめぐる", "に対して", "に対し", "からの"})
_NOUN_POS = frozenset({"NOUN", "PROPN", "PRON"})


class Args:
    """Arguments gathered for one clause (mention indices)."""

    def __init__(self) -> None:
        self.actors: list[int] = []
        self.targets: list[int] = []
        self.locations: list[int] = []
        self.about: list[int] = []
        self.path = 1
        self.coref = False
        self.metonymy = False

    def add(self, role: str, idx: Sequence[int]) -> None:
        lst = getattr(self, role)
        for i in idx:
            if i not in lst:
                lst.append(i)


def sentence_index(sentences: Sequence[Sentence], pos: int) -> int:
    """Index of the sentence holding absolute offset ``pos`` (nearest before when none does).

    >>> sentence_index([Sentence(0, 5), Sentence(5, 9)], 6)
    1
    >>> sentence_index([], 3)
    0
    """
    best = 0
    for i, s in enumerate(sentences):
        if s.start <= pos < s.end:
            return i
        if s.start <= pos:
            best = i
    return best


def marker(tok: Any) -> str:
    """Case marker of a nominal dependent: its case particles and their fixed parts (に対する, への)."""
    parts = []
    for c in tok.children:
        if c.i > tok.i and c.dep_ in ("case", "mark") and c.pos_ in ("ADP", "SCONJ", "PART"):
            parts.append(c)
            parts.extend(f for f in c.children if f.dep_ == "fixed")
    return "".join(t.text for t in sorted(parts, key=lambda t: t.i))


class Ctx:
    def __init__(
        self,
        doc: Any,
        mentions: Sequence[Mention],
        offset: int,
        lex: Lexicon,
        leaders: dict[str, int] | None = None,
        capitals: dict[int, int] | None = None,
        speakers: dict[int, tuple[int, ...]] | None = None,
    ) -> None:
        self.doc, self.mentions, self.offset, self.lex = doc, mentions, offset, lex
        self.leaders = leaders or {}
        self.capitals = capitals or {}
        self.speakers = speakers or {}
        end = offset + len(doc.text)
        self.tok_m: dict[int, list[int]] = {}
        for mi, m in enumerate(mentions):
            if m.end <= offset or m.start >= end:
                continue
            for t in doc:
                a = offset + t.idx
                if a < m.end and a + len(t.text) > m.start:
                    self.tok_m.setdefault(t.i, []).append(mi)

    def as_leaders(self, idx: list[int]) -> list[int]:
        """States before a leader noun (「中ロ首脳」) as their leaders, when the document names all of them."""
        states = [i for i in idx if self.mentions[i].cls == "Country"]
        if states and self.leaders and all(self.mentions[i].key in self.leaders for i in states):
            return [self.leaders[self.mentions[i].key] for i in states]
        return idx

    def expand(self, idx: Sequence[int], args: Args | None = None) -> list[int]:
        out: list[int] = []
        for i in idx:
            m = self.mentions[i]
            if m.refers_to:
                if args is not None:
                    args.coref = True
                out.extend(j for j in m.refers_to if 0 <= j < len(self.mentions))
            else:
                out.append(i)
        return list(dict.fromkeys(out))

    def phrase_mentions(self, tok: Any, args: Args | None = None, depth: int = 0) -> list[int]:
        """Mentions of the noun phrase headed by ``tok``, with its coordinated members."""
        toks = [tok]
        stack = [tok]
        while stack:
            for c in stack.pop().children:
                if c.dep_ in _MODIFIER_DEPS:
                    toks.append(c)
                    stack.append(c)
        found: list[int] = []
        for t in sorted(toks, key=lambda t: t.i):
            for mi in self.tok_m.get(t.i, ()):
                if mi not in found:
                    found.append(mi)
        if tok.lemma_ in LEADER_NOUNS:
            found = self.as_leaders(found)
        persons = [i for i in found if self.mentions[i].cls == "Person"]
        if not persons and tok.pos_ == "NOUN" and found:
            # 「…ライエン欧州委員長から」: a name the parser detached from its title and organisation
            persons = self._detached_name(min(toks, key=lambda t: t.i), args, depth)
            found = persons + found
        if persons:
            # 「習近平中国国家主席」: the country inside a person's title is an affiliation, not a participant
            found = [
                i
                for i in found
                if self.mentions[i].cls
                not in ("Country", "Organization", "InternationalOrganization", "GovernmentBody")
            ] or found
        if not found and depth == 0 and tok.pos_ == "NOUN":
            # a title whose name the parser detached: 「ブリンケン国務長官は」
            first = min(toks, key=lambda t: t.i)
            if first.i > 0:
                prev = self.doc[first.i - 1]
                found = [i for i in self.tok_m.get(prev.i, ()) if self.mentions[i].cls == "Person"]
        if not found and depth == 0:
            # a title with its country: 「フランスの外相は」
            for c in tok.children:
                if c.dep_ == "nmod" and marker(c) in ("の", "などの", "等の"):
                    found.extend(self.phrase_mentions(c, args, depth + 1))
            if tok.lemma_ in LEADER_NOUNS:
                found = self.as_leaders(found)  # 「ロシアの指導者は」: its leader
        if depth < 6:
            for c in tok.children:
                if (
                    c.dep_ == "conj"
                    or (
                        c.dep_ == "nmod"
                        and marker(c) in ("と", "や", "、", "・", "及び", "および", "など", "等")
                    )
                    or _listed(c)
                ):
                    found.extend(self.phrase_mentions(c, args, depth + 1))
        return self.expand(list(dict.fromkeys(found)), args)

    def _detached_name(self, first: Any, args: Args | None, depth: int) -> list[int]:
        """The person named right before ``first`` when the parser hung the name elsewhere
        (as an adverb or a compound of another word), with the persons coordinated to it."""
        if first.i == 0:
            return []
        prev = self.doc[first.i - 1]
        if marker(prev) or prev.dep_ not in ("advmod", "dep", "compound", "nmod", "obl"):
            return []
        own = [i for i in self.tok_m.get(prev.i, ()) if self.mentions[i].cls == "Person"]
        if not own:
            return []
        m = self.mentions[own[0]]
        out = list(own)
        for t in self.doc[max(0, first.i - 12) : first.i]:
            if self.offset + t.idx < m.start or depth >= 6:
                continue
            for c in t.children:
                if c.i < t.i and c.dep_ in ("obl", "nmod", "conj") and marker(c) in ("と", "や", "、", "及び", "および"):
                    out.extend(i for i in self.phrase_mentions(c, args, depth + 1) if self.mentions[i].cls == "Person")
        return list(dict.fromkeys(out))


def _listed(c: Any) -> bool:
    """A proper noun listed before another with a comma (「インド、カザフスタン、パキスタンなど」)."""
    return (
        c.dep_ == "nmod"
        and c.pos_ == "PROPN"
        and c.i < c.head.i
        and marker(c) == ""
        and any(x.dep_ == "punct" and x.text in ("、", ",", "，") and x.i == c.i + 1 for x in c.children)
    )


QUOTE_PRED = Predicate(
    lemma="", etype="ACCUSE", targets=("を", "に", "に対し", "に対して", "への", "に対する", "の")
)


def _is_passive(tok: Any) -> bool:
    return any(c.dep_ == "aux" and c.lemma_ in _PASSIVE_AUX for c in tok.children)


#: Markers of a partner that the parser hangs on a means noun (「岸田首相と電話で」).
_MEANS_PARTNER_MARKERS = frozenset({"と", "とも"})


def _dependents(h: Any) -> list[tuple[Any, str]]:
    """The dependents of ``h`` with their case markers.

    A partner coordinated with a means noun in で (「Xと電話で会談」, 「Xとオンラインで協議」)
    is lifted out of the noun and given its own と.
    """
    out: list[tuple[Any, str]] = []
    for c in h.children:
        mk = marker(c)
        out.append((c, mk))
        if mk in ("で", "でも"):
            out.extend(
                (x, "と") for x in c.children if x.dep_ == "nmod" and marker(x) in _MEANS_PARTNER_MARKERS
            )
    return out


def clause_args(ctx: Ctx, head: Any, pred: Predicate, noun: Any | None = None) -> Args:
    """Fill the roles of a clause headed by ``head`` (and the event noun of a light-verb construction)."""
    args = Args()
    passive = _is_passive(head) and (noun is None or noun.dep_ != "nsubj")
    if noun is not None and (ctx.lex.light_verbs.get(head.lemma_) or {}).get("passive"):
        passive = not passive  # 攻撃を受ける: the subject suffers the act
    actor_mk = ctx.lex.actor_markers
    agent_mk = ctx.lex.passive_agent_markers
    heads = [head] + ([noun] if noun is not None and noun is not head else [])
    for h in heads:
        for c, mk in _dependents(h):
            if c is noun or c.dep_ in ("aux", "punct", "case", "mark", "cop"):
                continue
            ms = ctx.phrase_mentions(c, args)
            if not ms:
                continue
            about = [i for i in ms if ctx.mentions[i].cls in ABOUT_CLASSES]
            if about:
                args.add("about", about)
                if mk in actor_mk and not passive and noun is None:
                    # 「共同声明は…と非難した」: a statement as the subject speaks for its parties
                    said = [p for i in about for p in ctx.speakers.get(i, ())]
                    if said:
                        args.add("actors", said)
                        args.path += 1
            ms = [i for i in ms if ctx.mentions[i].cls not in ABOUT_CLASSES]
            if not ms:
                continue
            locs = [i for i in ms if ctx.mentions[i].cls == "Location"]
            ents = [i for i in ms if ctx.mentions[i].cls != "Location"]
            if mk == "で" or mk == "でも":
                lifted = {
                    i
                    for x in c.children
                    if x.dep_ == "nmod" and marker(x) in _MEANS_PARTNER_MARKERS
                    for i in ctx.phrase_mentions(x)
                }
                args.add("locations", [i for i in ms if i not in lifted])
                continue
            if h is noun and mk == "の":
                args.add("actors", ents)
                continue
            listed = c.dep_ == "nmod" and mk == "" and pred.mode == "visit" and c.i in ctx.tok_m
            if h is noun and ents and (c.dep_ == "compound" or listed):
                # 「日中首脳会談」, 「フランス、ドイツ歴訪」: the places of a visit are its partners
                if any(x.lemma_ in LEADER_NOUNS for x in h.children if x.dep_ == "compound") or (
                    h.text.startswith(tuple(LEADER_NOUNS))
                ):
                    ents = ctx.as_leaders(ents)
                sym = pred.etype in SYMMETRIC_TYPES and pred.mode != "visit"
                args.add("actors" if sym else "targets", ents)
                continue
            if passive and mk in agent_mk:
                args.add("actors", ents)
                continue
            if mk in actor_mk:
                if not passive and ctx.capitals:
                    # 「モスクワは…を招待した」: a capital as the subject acts for its state
                    states = [ctx.capitals[i] for i in locs if i in ctx.capitals]
                    if states:
                        args.metonymy = True
                        ents = ents + [i for i in states if i not in ents]
                args.add("targets" if passive else "actors", ents)
                continue
            tmk = pred.targets + tuple(
                t + "の"
                for t in pred.targets
                if not t.endswith("の") and (t in ("と", "へ", "から") or h is noun)
            )
            if mk in tmk or (h is noun and mk in ("への", "に対する", "との", "に対し", "に対して")):
                if pred.mode == "visit" or pred.etype == "MOBILIZE":
                    args.add("locations", locs)
                elif pred.etype == "ASSAULT":
                    ents = ents + locs
                args.add("targets", ents)
    if noun is not None:
        # 「北京で行われた首脳会談」: where the relative clause says the event took place
        for c in noun.children:
            if c.dep_ == "acl" and c.i < noun.i and c.lemma_ in HAPPEN_VERBS:
                for x in c.children:
                    if marker(x) in ("で", "でも"):
                        args.add(
                            "locations",
                            [i for i in ctx.phrase_mentions(x) if ctx.mentions[i].cls == "Location"],
                        )
    if noun is not None and noun is head and not args.actors:
        # 「岸田首相の最近の欧州歴訪」: the actor owns the event noun through a chain of の
        args.add(
            "actors",
            [
                i
                for i in owner_mentions(ctx, [noun], markers=frozenset({"の"}))
                if ctx.mentions[i].cls in ("Person", "Country") and i not in args.targets
            ],
        )
    return args


def owner_mentions(
    ctx: Ctx, starts: Sequence[Any], *, markers: frozenset[str] = OWNER_MARKERS, depth: int = 3
) -> list[int]:
    """Entity mentions that own (or receive) the things headed by ``starts``.

    Follows noun modifiers (``nmod``) marked with one of ``markers`` down
    from each start token, through nouns only (a relative clause is another
    clause), at most ``depth`` links deep.

    Parameters
    ----------
    ctx : Ctx
        The chunk's context (parse and mentions).
    starts : sequence of spacy.tokens.Token
        Nouns to start from (the object of a statement, an event noun).
    markers : frozenset of str
        Case markers that make a modifier an owner.
    depth : int
        How many links to follow.

    Returns
    -------
    list of int
        Mention indices, nearest first, without places, agreements or events.
    """
    out: list[int] = []
    frontier = list(starts)
    for _ in range(depth):
        nxt = []
        for tok in frontier:
            for c in tok.children:
                if c.dep_ != "nmod" or c.pos_ not in _NOUN_POS:
                    continue
                if marker(c) in markers:
                    # the owner's own owner (「中国の自動車メーカーの参入」) is one link deeper
                    deeper = [
                        (x.left_edge.idx, x.right_edge.idx + len(x.right_edge.text))
                        for x in c.children
                        if x.dep_ == "nmod" and x.i < c.i and marker(x) in OWNER_MARKERS
                    ]
                    out.extend(
                        i
                        for i in ctx.phrase_mentions(c)
                        if ctx.mentions[i].cls not in ARG_CLASSES_EXCLUDED
                        and not any(
                            a <= ctx.mentions[i].start - ctx.offset < b for a, b in deeper
                        )
                    )
                nxt.append(c)
        frontier = nxt
    return list(dict.fromkeys(out))


def governor(tok: Any) -> tuple[Any, str] | None:
    """The predicate a clause is embedded under, and how (``quote``, ``nominal``, ``chain``)."""
    if tok.head is tok:
        return None
    marks = {c.text for c in tok.children if c.dep_ in ("case", "mark") and c.i > tok.i}
    parent = tok.head
    if parent.lemma_ in _NOMINALISERS and parent.head is not parent:
        return parent.head, "nominal"
    if tok.dep_ in ("ccomp",) or "と" in marks or "よう" in marks or "ように" in marks:
        return parent, "quote"
    if tok.dep_ in ("obj", "nsubj", "csubj"):
        return parent, "nominal"
    if tok.dep_ in ("obl", "nmod"):
        return parent, "adjunct"
    if tok.dep_ in ("advcl", "conj"):
        return parent, "chain"
    return None
