"""Japanese event coding: who did what to whom, from a GiNZA parse.

For each predicate of the lexicon (:mod:`kg.extract.lexicon`) found in a
sentence, the arguments come from the dependency parse and the case
particles of its dependents (:mod:`kg.extract.arguments_ja`):

* actor from が/は/も (the agent of a passive from によって/により/から);
* target (or partner) from the markers the entry lists (を/に/と/への/に対する …);
* location from で (and, for visits, from a place in the target slot);
* about from an Agreement or NamedEvent in any slot (共同声明に署名);
* coordination (「中国とロシアは」) gives every member; coreference mentions
  (両国) expand to their antecedents;
* light-verb constructions (制裁を科す, 会談を行う, 合意に達する) code the
  noun's type with the verb's arguments; nominal events (「習氏との会談で」)
  take their own modifiers and, lacking an actor, the subject of the
  clause they sit in;
* a clause without a subject inherits it from the clause it is chained to
  (〜し、〜した), from the noun a relative clause modifies, or from the
  speaker of a quote (「…と述べた」).

Assertion (:mod:`kg.extract.assertion`): negated clauses are kept with
``negated=True``; conditions, plans and the future give no event; an event
embedded under a request, threat or refusal (撤退を求めた) is not asserted.

Confidence
----------
``confidence = strength × 0.95^(path-1) × 0.85 [coref] × 0.85 [inherited
actor] × 0.85 [nominal event] × 0.8 [non-past, not reported]``, clipped to
[0.05, 0.99]; ``path`` is the longest dependency path from the predicate to
an argument (1 for a direct dependent).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from kg.extract.arguments_ja import (
    ABOUT_CLASSES,
    ARG_CLASSES_EXCLUDED,
    OWNER_DEPTH,
    OWNER_TARGET_TYPES,
    QUOTE_PRED,
    Args,
    Ctx,
    capital_states,
    clause_args,
    governor,
    leader_mentions,
    marker,
    owner_mentions,
    person_states,
    sentence_index,
)
from kg.extract.assertion import is_hypothetical, is_negated
from kg.extract.dates import clause_date, find_dates, is_future
from kg.extract.facts import agreement_speakers, extract_facts
from kg.extract.lexicon import SYMMETRIC_TYPES, Predicate, load_lexicon
from kg.extract.triggers import (
    _mode,
    _multilateral,
    _trigger,
    summit_parties,
)
from kg.recognize.quotes import FIRST_PERSON, quote_speaker
from kg.types import EventCandidate, Mention, Sentence

# re-exported for the modules that read them from here
__all__ = [
    "extract_events",
    "summit_parties",
    "ARG_CLASSES_EXCLUDED",
    "ABOUT_CLASSES",
    "Args",
    "clause_args",
    "sentence_index",
]

log = logging.getLogger(__name__)

#: Events below this confidence are dropped; nominal events need this strength.
MIN_CONFIDENCE = 0.45
MIN_NOMINAL_STRENGTH = 0.5
#: Types whose addressee may sit in the clause they embed (〜するよう求めた).
REQUEST_TYPES = frozenset({"REQUEST", "COERCE", "THREATEN"})
#: Markers of a noun modifier that names who receives the act (「…への支援」).
RECIPIENT_MARKERS = frozenset({"への", "に対する", "に対して", "に対し", "向け"})
ADDRESSEE_PRED = Predicate(lemma="", etype="REQUEST", targets=("に", "に対し", "に対して", "へ"))


def extract_events(
    doc: Any,
    mentions: Sequence[Mention],
    sentences: Sequence[Sentence],
    *,
    offset: int,
    published: str,
    speakers: dict[int, tuple[int, ...]] | None = None,
) -> list[EventCandidate]:
    """Code the events of one parsed Japanese chunk.

    Parameters
    ----------
    doc : spacy.tokens.Doc
        GiNZA parse of ``context[offset:offset + len(doc.text)]``.
    mentions : sequence of Mention
        The whole document's mentions (absolute offsets), sorted.
    sentences : sequence of Sentence
        The whole document's sentences (absolute offsets).
    offset : int
        Where the chunk starts in the context.
    published : str
        Publication date (``YYYY-MM-DD`` or ``""``) for relative dates.
    speakers : dict, optional
        Agreement mention -> the mentions it speaks for (「共同声明は…と非難した」);
        computed when not given: the document's stated parties, and for a
        joint statement with none, the participants of the chunk's summit.

    Returns
    -------
    list of EventCandidate
        Argument fields are indices into ``mentions``.
    """
    lex = load_lexicon("ja")
    states = person_states(mentions, published)
    if speakers is None:
        speakers = agreement_speakers(
            extract_facts(doc, mentions, sentences, offset=offset), mentions, states
        )
        end = offset + len(doc.text)
        silent = [
            i
            for i, m in enumerate(mentions)
            if m.cls == "JointStatement" and i not in speakers and offset <= m.start < end
        ]
        if silent:
            pre = extract_events(doc, mentions, sentences, offset=offset, published=published, speakers={})
            summit = summit_parties(pre, mentions, states)
            if summit:
                speakers = {**speakers, **{i: summit for i in silent}}
    ctx = Ctx(
        doc, mentions, offset, lex, leader_mentions(states, mentions), capital_states(mentions), speakers
    )
    dates = [(offset + s, offset + e, v) for s, e, v in find_dates(doc.text, published)]
    found: dict[tuple, EventCandidate] = {}
    triggers: dict[int, tuple[Predicate, str]] = {}
    for tok in doc:
        if tok.pos_ in ("VERB", "NOUN", "PROPN", "ADJ") or tok.tag_.startswith("名詞"):
            tr = _trigger(lex, tok)
            if tr is not None:
                triggers[tok.i] = tr
    for i, (pred, surface) in triggers.items():
        tok = doc[i]
        verbal = tok.pos_ == "VERB" or any(c.dep_ == "aux" and c.lemma_ == "する" for c in tok.children)
        noun = None
        head = tok
        how = "verb"
        etype = pred.etype
        if (
            not verbal
            and tok.dep_ == "obl"
            and lex.is_light(tok.head.lemma_)
            and any(c.dep_ == "obj" and c.i in triggers and c is not tok for c in tok.head.children)
        ):
            continue  # 「支援に懸念を伝えた」: the obl noun is what the event (懸念) is about
        if (
            not verbal
            and tok.dep_ in ("obj", "obl", "nsubj")
            and lex.is_light(tok.head.lemma_)
            and tok.head.i != tok.i
        ):
            hp = triggers.get(tok.head.i)
            if hp is not None and hp[0].objects:
                continue  # the verb codes the construction itself (協定を結ぶ)
            head, noun, how = tok.head, tok, "light"
            etype = lex.retype(tok.head.lemma_, pred.etype)
        elif not verbal:
            hp = triggers.get(tok.head.i)
            if (
                hp is not None
                and tok.head.i != tok.i
                and (
                    tok.dep_ in ("obj", "nsubj", "compound")
                    or (tok.dep_ in ("obl", "nmod") and marker(tok) in ("に", "を", "の", "への", "に対する"))
                )
            ):
                continue  # the governing predicate codes the event (攻撃を非難, 支援を提供)
            noun, how = tok, "nominal"
        elif lex.is_light(tok.lemma_) and any(
            c.i in triggers and c.dep_ in ("obj", "obl") and not pred.objects for c in tok.children
        ):
            continue  # 行う/表明 with an event noun: coded from the noun
        if verbal and noun is None and pred.objects:
            # 関係を深める, 連携を強化する: the object noun carries the partner (「Xとの連携」)
            noun = next(
                (
                    c
                    for c in tok.children
                    if c.dep_ in ("obj", "obl")
                    and any(c.text.endswith(o) or c.lemma_.endswith(o) for o in pred.objects)
                ),
                None,
            )
        gov = governor(head)
        if gov is not None:
            g, kind = gov
            gp = triggers.get(g.i)
            if (
                kind in ("quote", "nominal")
                and gp is not None
                and not lex.is_light(g.lemma_)
                and etype not in lex.embedded_asserted.get(gp[0].etype, ())
            ):
                continue
        if is_hypothetical(head, noun):
            continue
        if how == "nominal" and pred.strength < MIN_NOMINAL_STRENGTH:
            continue
        args = clause_args(ctx, head, pred, noun)
        inherited = False
        h = head
        # a clause with a subject of its own (「キエフが…撤回する」) never borrows another clause's actor
        own_subject = any(
            c.dep_ == "nsubj" and c is not noun and marker(c) in ("が", "は") for c in head.children
        )
        for _ in range(4):
            if args.actors or own_subject:
                break
            g = governor(h)
            if g is None:
                if h.dep_ == "acl" and h.head is not h:
                    args.add(
                        "actors",
                        [
                            m
                            for m in ctx.phrase_mentions(h.head, args)
                            if mentions[m].cls not in ARG_CLASSES_EXCLUDED
                        ],
                    )
                    inherited = True
                break
            gtok, kind = g
            if not (
                kind in ("chain", "adjunct")
                or (kind == "quote" and gtok.lemma_ in lex.speech_verbs)
                or (kind == "nominal" and (gtok.i in triggers or lex.is_light(gtok.lemma_)))
            ):
                break
            ga = clause_args(ctx, gtok, pred)
            args.add("actors", ga.actors)
            args.metonymy = args.metonymy or ga.metonymy
            inherited = True
            args.path += 1
            h = gtok
        if not args.actors and not own_subject:
            # 「XはAし、Bした」: the topic may sit on the first clause of the chain
            for c in head.children:
                if (
                    c.dep_ in ("advcl", "conj")
                    and c.i < head.i
                    and c.pos_ == "VERB"
                    and not is_hypothetical(c)
                ):
                    sub = clause_args(ctx, c, pred)
                    if sub.actors:
                        args.add("actors", sub.actors)
                        args.metonymy = args.metonymy or sub.metonymy
                        inherited = True
                        args.path += 1
                        break
        first_person = any(c.dep_ == "nsubj" and c.text in FIRST_PERSON for c in head.children)
        if not args.actors and (not own_subject or first_person):
            # 「Xは「…。我々は…を非難する」」: a later sentence of a quote the splitter broke is the speaker's
            spoken = quote_speaker(doc.text, offset, mentions, offset + head.idx)
            if spoken:
                args.add("actors", list(spoken))
                inherited = True
                args.path += 1
        if not args.targets and etype not in SYMMETRIC_TYPES and etype != "SUPPORT":
            # 「…と批判した」: the target is who the quoted clause is about
            for c in head.children:
                if (
                    c.dep_ in ("ccomp", "advcl")
                    and c.i < head.i
                    and "と" in {x.text for x in c.children if x.dep_ in ("case", "mark")}
                ):
                    sub = clause_args(ctx, c, QUOTE_PRED)
                    args.add("targets", sub.actors or sub.targets)
                    args.path += 1
                    break
        if not args.targets and etype in REQUEST_TYPES:
            # 「中国に対し、支援をやめるよう求めた」: the addressee sits in the requested clause
            for c in head.children:
                if (
                    c.dep_ in ("advcl", "ccomp")
                    and c.i < head.i
                    and any(x.lemma_ in ("よう", "ように") and x.dep_ in ("aux", "mark") for x in c.children)
                ):
                    sub = clause_args(ctx, c, ADDRESSEE_PRED)
                    args.add("targets", sub.targets or sub.actors)
                    args.path += 1
                    break
        if not args.targets and etype in OWNER_TARGET_TYPES:
            # 「米国の圧力を非難した」: the owner of what the statement is about
            starts = [noun] if noun is not None else []
            starts += [
                c
                for c in head.children
                if c is not noun and c.dep_ in ("obj", "obl") and marker(c) not in lex.actor_markers
            ]
            owners = [
                i
                for i in owner_mentions(ctx, starts, depth=OWNER_DEPTH.get(etype, 3))
                if i not in args.actors
            ]
            if owners:
                args.add("targets", owners)
                args.path += 1
        if not args.targets and etype not in SYMMETRIC_TYPES and noun is not None:
            # 「ウクライナに対する600億ドルの軍事支援」: the recipient a little deeper in the noun phrase
            rec = [
                i
                for i in owner_mentions(ctx, [noun], markers=RECIPIENT_MARKERS, depth=2)
                if i not in args.actors
            ]
            if rec:
                args.add("targets", rec)
                args.path += 1
        actors = [
            a
            for a in args.actors
            if mentions[a].cls not in ARG_CLASSES_EXCLUDED or (args.metonymy and ctx.capitals.get(a) == a)
        ]
        targets = [
            t
            for t in args.targets
            if t not in actors
            and (
                mentions[t].cls not in ARG_CLASSES_EXCLUDED
                or (etype == "ASSAULT" and mentions[t].cls == "Location")
            )
        ]
        # a person and the state they act for are one side, not two (「中国の習近平主席との会談」)
        own = {states[i] for i in actors + targets if i in states}
        if own:
            if etype in SYMMETRIC_TYPES:
                actors = [a for a in actors if mentions[a].cls != "Country" or mentions[a].key not in own]
            targets = [t for t in targets if mentions[t].cls != "Country" or mentions[t].key not in own]
            # 「プーチン大統領は、ロシア政府は…を評価していると述べた」: the leader speaks for the state
            led = {states[i] for i in actors if i in states}
            actors = [a for a in actors if mentions[a].cls != "Country" or mentions[a].key not in led] or actors
        if not actors:
            continue
        date = clause_date(head, dates, offset)
        if is_future(date, published):
            continue
        neg = is_negated(head)
        past = any(c.lemma_ in ("た", "だ") and c.dep_ == "aux" for c in head.children) or head.dep_ != "ROOT"
        conf = pred.strength * (0.95 ** max(0, args.path - 1))
        conf *= 0.85 if args.coref else 1.0
        conf *= 0.85 if inherited else 1.0
        conf *= 0.85 if how == "nominal" else 1.0
        conf *= 1.0 if past else 0.8
        trig_tok = noun if noun is not None else tok
        start = (
            offset + trig_tok.idx + len(trig_tok.text) - len(surface)
            if surface and trig_tok.text.endswith(surface[-1:])
            else offset + trig_tok.idx
        )
        start = max(offset, min(start, offset + trig_tok.idx))
        ev = EventCandidate(
            etype=etype,
            sentence=sentence_index(sentences, offset + tok.idx),
            actors=tuple(sorted(set(actors))),
            targets=tuple(sorted(set(targets))),
            trigger=surface,
            trigger_start=start,
            trigger_end=offset + trig_tok.idx + len(trig_tok.text),
            mode=_mode(lex, pred, etype, [t for t in (noun, head) if t is not None]),
            locations=tuple(sorted(set(args.locations))),
            about=tuple(sorted(set(args.about))),
            date=date,
            negated=neg,
            confidence=round(min(0.99, max(0.05, conf)), 3),
            how=f"ja:{how}:{pred.lemma}"
            + (":inherited" if inherited else "")
            + (":metonymy" if args.metonymy else ""),
        )
        if ev.confidence < MIN_CONFIDENCE:
            continue
        parts = [ev]
        if etype in SYMMETRIC_TYPES and len(ev.targets) > 1:
            if _multilateral(head):
                # 「…の会合のためにA、B、Cの外相を招待した」: one meeting of all of them
                parts = [replace(ev, mode="multilateral")]
            else:
                # 「XはYとZを訪れた」: one event per partner, not a Y–Z tie
                parts = [replace(ev, targets=(t,)) for t in ev.targets]
        for ev in parts:
            key = (ev.etype, ev.sentence, ev.actors, ev.targets, ev.negated)
            if key not in found or found[key].confidence < ev.confidence:
                found[key] = ev
    return sorted(found.values(), key=lambda e: (e.trigger_start, e.etype))
