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

from kg.extract.lexicon import SYMMETRIC_TYPES, Lexicon, Predicate
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


class Args:
    """Arguments gathered for one clause (mention indices)."""

    def __init__(self) -> None:
        self.actors: list[int] = []
        self.targets: list[int] = []
        self.locations: list[int] = []
        self.about: list[int] = []
        self.path = 1
        self.coref = False

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
    def __init__(self, doc: Any, mentions: Sequence[Mention], offset: int, lex: Lexicon) -> None:
        self.doc, self.mentions, self.offset, self.lex = doc, mentions, offset, lex
        end = offset + len(doc.text)
        self.tok_m: dict[int, list[int]] = {}
        for mi, m in enumerate(mentions):
            if m.end <= offset or m.start >= end:
                continue
            for t in doc:
                a = offset + t.idx
                if a < m.end and a + len(t.text) > m.start:
                    self.tok_m.setdefault(t.i, []).append(mi)

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
        persons = [i for i in found if self.mentions[i].cls == "Person"]
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
                if c.dep_ == "nmod" and marker(c) == "の":
                    found.extend(self.phrase_mentions(c, args, depth + 1))
        if depth < 3:
            for c in tok.children:
                if c.dep_ == "conj" or (
                    c.dep_ == "nmod" and marker(c) in ("と", "や", "、", "・", "及び", "および")
                ):
                    found.extend(self.phrase_mentions(c, args, depth + 1))
        return self.expand(list(dict.fromkeys(found)), args)


QUOTE_PRED = Predicate(
    lemma="", etype="ACCUSE", targets=("を", "に", "に対し", "に対して", "への", "に対する", "の")
)


def _is_passive(tok: Any) -> bool:
    return any(c.dep_ == "aux" and c.lemma_ in _PASSIVE_AUX for c in tok.children)


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
        for c in h.children:
            if c is noun or c.dep_ in ("aux", "punct", "case", "mark", "cop"):
                continue
            mk = marker(c)
            ms = ctx.phrase_mentions(c, args)
            if not ms:
                continue
            about = [i for i in ms if ctx.mentions[i].cls in ABOUT_CLASSES]
            if about:
                args.add("about", about)
            ms = [i for i in ms if ctx.mentions[i].cls not in ABOUT_CLASSES]
            if not ms:
                continue
            locs = [i for i in ms if ctx.mentions[i].cls == "Location"]
            ents = [i for i in ms if ctx.mentions[i].cls != "Location"]
            if mk == "で" or mk == "でも":
                args.add("locations", ms)
                continue
            if h is noun and mk == "の":
                args.add("actors", ents)
                continue
            if h is noun and c.dep_ == "compound" and ents:
                args.add("actors" if pred.etype in SYMMETRIC_TYPES else "targets", ents)
                continue
            if passive and mk in agent_mk:
                args.add("actors", ents)
                continue
            if mk in actor_mk:
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
    return args


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
