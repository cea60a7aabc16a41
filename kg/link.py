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
from dataclasses import dataclass

from kg.iri import slugify
from kg.normalize import nfkc, norm_key
from kg.types import CodedEvent, DocAnalysis, Entity, Evidence

__all__ = ["AGREEMENT_CLASSES", "GENERIC_AGREEMENT_HEADS", "agreement_groups", "capital_state", "LinkedCorpus", "StatedTriple", "link_corpus", "minted_key", "label_lang"]

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
        from kg.extract.agreements import agreement_identity

        en = [entities[p].label_en or entities[p].label_ja or p for p in parties]
        ja = [entities[p].label_ja or entities[p].label_en or p for p in parties]
        return agreement_identity(cls, list(parties), date, en, ja)
    # no parties known: the agreement is only identified within its document
    key = f"agreement/{slugify(doc_id)}/{minted_key(surface)}"
    return key, "", surface


#: head nouns that, alone, refer back to an agreement named in full elsewhere in the document
GENERIC_AGREEMENT_HEADS = frozenset(norm_key(x) for x in (
    "共同声明", "声明", "宣言", "パートナーシップ", "協定", "条約", "合意", "合意文書", "計画", "和平案", "和平計画",
    "取引", "覚書", "協商", "同盟", "joint statement", "statement", "declaration", "partnership", "agreement",
    "treaty", "deal", "plan", "pact", "accord", "memorandum"))


def agreement_groups(mentions: Sequence) -> dict[int, int]:
    """Group the agreement mentions of one document that name the same agreement.

    A mention whose name ends a longer agreement name of the same class
    (「戦略的パートナーシップ」 in 「包括的な戦略的パートナーシップ」) refers to the
    longest such name; a bare head noun (「共同声明」) with no longer name of its
    class refers to the agreement of its class mentioned last before it. Returns
    mention index -> index of the mention that heads its group.

    >>> from kg.types import Mention
    >>> ms = [Mention(0, 15, "包括的な戦略的パートナーシップ", "Partnership", 0),
    ...       Mention(20, 31, "戦略的パートナーシップ", "Partnership", 1),
    ...       Mention(40, 44, "共同声明", "JointStatement", 2),
    ...       Mention(50, 54, "共同声明", "JointStatement", 3)]
    >>> agreement_groups(ms)
    {0: 0, 1: 0, 2: 2, 3: 2}
    """
    idx = [i for i, m in enumerate(mentions) if m.cls in AGREEMENT_CLASSES]
    norms = {i: norm_key(mentions[i].text.strip("「」『』\"'")) for i in idx}
    group: dict[int, int] = {}
    for i in idx:
        cls, n = mentions[i].cls, norms[i]
        longer = [j for j in idx if j != i and mentions[j].cls == cls and len(norms[j]) > len(n)
                  and norms[j].endswith(n)]
        if longer:
            best = sorted(longer, key=lambda j: (-len(norms[j]), j))[0]
            group[i] = best
            continue
        same = [j for j in idx if mentions[j].cls == cls and norms[j] == n]
        group[i] = min(same)
    # a bare head noun with no longer name of its class: the last agreement of its class before it
    for i in idx:
        if norms[i] in GENERIC_AGREEMENT_HEADS and group[i] == min(j for j in idx if norms[j] == norms[i]
                                                                  and mentions[j].cls == mentions[i].cls):
            before = [j for j in idx if j < i and mentions[j].cls == mentions[i].cls
                      and norms[j] not in GENERIC_AGREEMENT_HEADS]
            if before:
                target = group[before[-1]]
                for k in idx:
                    if group[k] == group[i] and k != group[i]:
                        group[k] = target
                group[i] = target
    # resolve chains so every member points at its final head
    for i in idx:
        seen = set()
        while group[group[i]] != group[i] and group[i] not in seen:
            seen.add(group[i])
            group[i] = group[group[i]]
    return group


def capital_state(kb, key: str, entities: dict[str, Entity]) -> str:
    """The state a capital city stands for (metonymy), else the key itself.

    The state's entity is added to ``entities`` when it is not there yet.

    >>> from kg.kb import load_kb
    >>> ents = {}
    >>> capital_state(load_kb(), "moscow", ents), "russia" in ents
    ('russia', True)
    >>> capital_state(load_kb(), "kharkiv", {})
    'kharkiv'
    """
    rec = kb.records.get(key) if kb is not None else None
    if rec is None or getattr(rec, "kind", "") != "capital" or not rec.country or rec.country not in kb.records:
        return key
    if rec.country not in entities:
        entities[rec.country] = _kb_entity(kb, rec.country, "Country")
    return rec.country


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
        def keys_of(idx: Sequence[int], keys=keys) -> set[str]:
            """The entity keys of some mention indices (out-of-range indices give nothing)."""
            return {k for i in idx if i < len(keys) for k in keys[i]}

        # agreements: parties from stated party facts and AGREE events about them
        parties: dict[int, set[str]] = defaultdict(set)
        dates: dict[int, str] = {}
        for f in a.facts:
            if f.predicate == "party" and f.subject < len(keys) and f.object < len(keys):
                parties[f.subject].update(keys[f.object])
        for ev in a.events:
            for ab in ev.about:
                if ab < len(a.mentions) and a.mentions[ab].cls in AGREEMENT_CLASSES and ev.etype == "AGREE":
                    parties[ab].update(keys_of(ev.actors + ev.targets))
                    if ev.date and not ev.negated:
                        dates.setdefault(ab, ev.date)
        # a person named as a party acts for a state: the stated affiliation in this
        # document first, else the knowledge base's office at the publication date
        stated_aff: dict[str, str] = {}
        for f in a.facts:
            if f.predicate == "affiliation" and f.subject < len(keys) and f.object < len(keys):
                for s_key in keys[f.subject]:
                    for o_key in keys[f.object]:
                        if o_key in entities and entities[o_key].cls == "Country":
                            stated_aff.setdefault(s_key, o_key)

        def as_party(key: str, stated_aff=stated_aff, published=a.doc.published) -> str:
            if key in entities and entities[key].cls == "Person":
                state = stated_aff.get(key)
                if state is None and kb is not None and key in kb.records:
                    state = kb.affiliation_at(key, published or "9999")
                if state and (state in entities or (kb is not None and state in kb.records)):
                    if state not in entities:
                        entities[state] = _kb_entity(kb, state, "Country")
                    return state
            return key

        groups_of = agreement_groups(a.mentions)
        members: dict[int, list[int]] = defaultdict(list)
        for i, g in groups_of.items():
            members[g].append(i)
        for g in sorted(members):
            idx = members[g]
            head = a.mentions[g]
            ps = sorted({as_party(p) for i in idx for p in parties.get(i, ()) if p in entities})
            date = next((dates[i] for i in idx if dates.get(i)), "")
            key, en, ja = _agreement_key(head.cls, ps, date, head.text, doc_id, entities)
            if key not in entities:
                entities[key] = Entity(key=key, cls=head.cls, label_ja=ja, label_en=en,
                                       extra=(("date", date),) if date else ())
            for i in idx:
                keys[i] = (key,)
            for p in ps:
                facts.append(StatedTriple(doc_id, "party", key, p))
        # coreference: the antecedents' entities
        for i, m in enumerate(a.mentions):
            if m.source == "coref":
                keys[i] = tuple(sorted(keys_of(m.refers_to)))
        for i, m in enumerate(a.mentions):
            if m.source != "coref" and len(keys[i]) == 1:
                seen_forms[keys[i][0]][m.text] += 1
        mention_keys[doc_id] = tuple(keys)
        for f in a.facts:
            if f.predicate == "party":
                continue
            for s in keys_of((f.subject,)):
                for o in keys_of((f.object,)):
                    if s != o:
                        facts.append(StatedTriple(doc_id, f.predicate, s, o, f.label))
        text = a.doc.text
        for ev in a.events:
            actors = tuple(sorted(keys_of(ev.actors)))
            if "metonymy" in ev.how:  # 「モスクワは…反発した」: a capital speaks for its state
                actors = tuple(sorted({capital_state(kb, k, entities) for k in actors}))
            targets = tuple(sorted(keys_of(ev.targets) - set(actors)))
            if not actors:
                continue
            sent = a.sentences[ev.sentence] if 0 <= ev.sentence < len(a.sentences) else None
            evidence = (Evidence(doc_id, sent.start, sent.end, text[sent.start:sent.end]),) if sent else ()
            events.append(CodedEvent(
                etype=ev.etype, actors=actors, targets=targets, date=ev.date, mode=ev.mode,
                locations=tuple(sorted(keys_of(ev.locations))),
                about=tuple(sorted(keys_of(ev.about))),
                negated=ev.negated, confidence=ev.confidence, evidence=evidence,
                triggers=(ev.trigger,) if ev.trigger else ()))
    # surface forms become alternative labels
    for key, forms in seen_forms.items():
        e = entities[key]
        alts = {(s, label_lang(s)) for s in forms if s not in (e.label_ja, e.label_en)}
        entities[key] = Entity(**{**e.__dict__, "alt_labels": tuple(sorted(set(e.alt_labels) | alts))})
    from kg.extract.merge import merge_events

    merged = tuple(merge_events(events, published={a.doc.doc_id: a.doc.published for a in analyses}))
    facts = sorted(set(facts), key=lambda f: (f.doc_id, f.predicate, f.subject, f.object, f.label))
    return LinkedCorpus(docs=tuple(analyses), entities=entities, mention_keys=mention_keys,
                        events=merged, facts=tuple(facts))
