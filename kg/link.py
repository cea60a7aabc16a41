"""Linking: mentions of every document resolved to one set of corpus entities.

A mention linked to the knowledge base keeps its KB id; any other name is
minted from its normalised form (:func:`kg.normalize.norm_key`) and merged
across documents, typed by the class its mentions most often carry.
Coreference mentions (「両国」) point at their antecedents' entities.
Agreements get a corpus-wide identity from their type, parties and date.
Event candidates become :class:`~kg.types.CodedEvent` records over entity
keys and are merged (events, not reports).
"""

from __future__ import annotations

import logging
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from kg.iri import slugify
from kg.normalize import nfkc, norm_key
from kg.types import CodedEvent, DocAnalysis, Entity, Evidence

__all__ = ["AGREEMENT_CLASSES", "LinkedCorpus", "StatedTriple", "link_corpus", "minted_key", "label_lang"]

log = logging.getLogger(__name__)

AGREEMENT_CLASSES = frozenset({"Agreement", "JointStatement", "Treaty", "Partnership", "Plan", "Deal"})
_JA = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")


def label_lang(text: str) -> str:
    """``ja`` when the text holds kana or kanji, else ``en``.

    >>> label_lang("プーチン"), label_lang("Putin")
    ('ja', 'en')
    """
    return "ja" if _JA.search(text) else "en"


def minted_key(surface: str) -> str:
    """The key of an entity that is not in the knowledge base: its NFKC name, slugged.

    >>> minted_key("ナターシャ・クルト")
    'ナターシャ・クルト'
    >>> minted_key("Natasha  Kuhrt")
    'natasha-kuhrt'
    """
    return slugify(nfkc(surface))


@dataclass(frozen=True)
class StatedTriple:
    """A fact stated in one document, over entity keys."""

    doc_id: str
    predicate: str
    subject: str
    object: str
    label: str = ""


@dataclass(frozen=True)
class LinkedCorpus:
    """Everything the RDF stage needs: documents, entities, keys per mention, events, facts."""

    docs: tuple[DocAnalysis, ...]
    entities: dict[str, Entity]
    mention_keys: dict[str, tuple[tuple[str, ...], ...]]
    events: tuple[CodedEvent, ...]
    facts: tuple[StatedTriple, ...]
    notes: tuple[str, ...] = field(default=())


def _kb_entity(kb, key: str, fallback_cls: str) -> Entity:
    rec = kb.records.get(key) if kb is not None else None
    if rec is None:
        return Entity(key=key, cls=fallback_cls)
    wd = getattr(rec, "wikidata", "") or ""
    return Entity(key=key, cls=getattr(rec, "type", fallback_cls) or fallback_cls,
                  label_ja=getattr(rec, "ja", "") or "", label_en=getattr(rec, "en", "") or "",
                  same_as=(f"http://www.wikidata.org/entity/{wd}",) if wd else (), curated=True)


def _agreement_key(cls: str, parties: Sequence[str], date: str, surface: str, doc_id: str,
                   entities: dict[str, Entity]) -> tuple[str, str, str]:
    if parties:
        try:
            from kg.extract.agreements import agreement_identity
        except ImportError:  # pragma: no cover - the events module is part of the package
            agreement_identity = None
        if agreement_identity is not None:
            en = [entities[p].label_en or entities[p].label_ja or p for p in parties]
            ja = [entities[p].label_ja or entities[p].label_en or p for p in parties]
            return agreement_identity(cls, list(parties), date, en, ja)
    # no parties known: the agreement is only identified within its document
    key = f"agreement/{slugify(doc_id)}/{minted_key(surface)}"
    return key, "", surface


def link_corpus(analyses: Sequence[DocAnalysis], kb) -> LinkedCorpus:
    """Resolve every mention of every document to a corpus entity.

    Parameters
    ----------
    analyses : sequence of DocAnalysis
    kb : kg.kb.KnowledgeBase or None

    Returns
    -------
    LinkedCorpus
    """
    entities: dict[str, Entity] = {}
    seen_forms: dict[str, Counter] = defaultdict(Counter)
    # 1. minted entities: group unlinked, non-agreement, non-coref mentions by normalised name
    groups: dict[str, list[tuple[str, str]]] = defaultdict(list)  # norm -> [(surface, cls)]
    for a in analyses:
        for m in a.mentions:
            if m.source == "coref" or m.key or m.cls in AGREEMENT_CLASSES:
                continue
            groups[norm_key(m.text)].append((m.text, m.cls))
    norm_to_key: dict[str, str] = {}
    for nk in sorted(groups):
        forms = groups[nk]
        surface = sorted(Counter(s for s, _ in forms).items(), key=lambda x: (-x[1], x[0]))[0][0]
        cls = sorted(Counter(c for _, c in forms).items(), key=lambda x: (-x[1], x[0]))[0][0]
        key = minted_key(surface)
        if kb is not None and key in kb.records:  # never shadow a curated entity with a minted one
            key = f"{key}-{cls.lower()}"
        norm_to_key[nk] = key
        lang = label_lang(surface)
        entities[key] = Entity(key=key, cls=cls, label_ja=surface if lang == "ja" else "",
                               label_en=surface if lang == "en" else "")

    mention_keys: dict[str, tuple[tuple[str, ...], ...]] = {}
    facts: list[StatedTriple] = []
    events: list[CodedEvent] = []
    for a in analyses:
        doc_id = a.doc.doc_id
        keys: list[tuple[str, ...]] = [()] * len(a.mentions)
        for i, m in enumerate(a.mentions):
            if m.source == "coref" or m.cls in AGREEMENT_CLASSES:
                continue
            if m.key:
                if m.key not in entities:
                    entities[m.key] = _kb_entity(kb, m.key, m.cls)
                keys[i] = (m.key,)
            else:
                keys[i] = (norm_to_key[norm_key(m.text)],)
        # agreements: parties from stated party facts and AGREE events about them
        parties: dict[int, set[str]] = defaultdict(set)
        dates: dict[int, str] = {}
        for f in a.facts:
            if f.predicate == "party" and f.subject < len(keys) and f.object < len(keys):
                parties[f.subject].update(keys[f.object])
        for ev in a.events:
            for ab in ev.about:
                if ab < len(a.mentions) and a.mentions[ab].cls in AGREEMENT_CLASSES and ev.etype == "AGREE":
                    for x in ev.actors + ev.targets:
                        parties[ab].update(keys[x] if x < len(keys) else ())
                    if ev.date and not ev.negated:
                        dates.setdefault(ab, ev.date)
        for i, m in enumerate(a.mentions):
            if m.cls not in AGREEMENT_CLASSES:
                continue
            ps = sorted(p for p in parties.get(i, ()) if p in entities)
            key, en, ja = _agreement_key(m.cls, ps, dates.get(i, ""), m.text, doc_id, entities)
            if key not in entities:
                entities[key] = Entity(key=key, cls=m.cls, label_ja=ja, label_en=en,
                                       extra=(("date", dates.get(i, "")),) if dates.get(i) else ())
            keys[i] = (key,)
            for p in ps:
                facts.append(StatedTriple(doc_id, "party", key, p))
        # coreference: the antecedents' entities
        for i, m in enumerate(a.mentions):
            if m.source == "coref":
                keys[i] = tuple(sorted({k for j in m.refers_to if j < len(keys) for k in keys[j]}))
        for i, m in enumerate(a.mentions):
            if m.source != "coref" and len(keys[i]) == 1:
                seen_forms[keys[i][0]][m.text] += 1
        mention_keys[doc_id] = tuple(keys)
        for f in a.facts:
            if f.predicate == "party":
                continue
            for s in keys[f.subject] if f.subject < len(keys) else ():
                for o in keys[f.object] if f.object < len(keys) else ():
                    if s != o:
                        facts.append(StatedTriple(doc_id, f.predicate, s, o, f.label))
        text = a.doc.text
        for ev in a.events:
            actors = tuple(sorted({k for i in ev.actors if i < len(keys) for k in keys[i]}))
            targets = tuple(sorted({k for i in ev.targets if i < len(keys) for k in keys[i]} - set(actors)))
            if not actors:
                continue
            sent = a.sentences[ev.sentence] if 0 <= ev.sentence < len(a.sentences) else None
            evidence = (Evidence(doc_id, sent.start, sent.end, text[sent.start:sent.end]),) if sent else ()
            events.append(CodedEvent(
                etype=ev.etype, actors=actors, targets=targets, date=ev.date, mode=ev.mode,
                locations=tuple(sorted({k for i in ev.locations if i < len(keys) for k in keys[i]})),
                about=tuple(sorted({k for i in ev.about if i < len(keys) for k in keys[i]})),
                negated=ev.negated, confidence=ev.confidence, evidence=evidence,
                triggers=(ev.trigger,) if ev.trigger else ()))
    # surface forms become alternative labels
    for key, forms in seen_forms.items():
        e = entities[key]
        alts = {(s, label_lang(s)) for s in forms if s not in (e.label_ja, e.label_en)}
        entities[key] = Entity(**{**e.__dict__, "alt_labels": tuple(sorted(set(e.alt_labels) | alts))})
    from kg.extract.merge import merge_events

    merged = tuple(merge_events(events))
    facts = sorted(set(facts), key=lambda f: (f.doc_id, f.predicate, f.subject, f.object, f.label))
    return LinkedCorpus(docs=tuple(analyses), entities=entities, mention_keys=mention_keys,
                        events=merged, facts=tuple(facts))
