"""Per-document extraction: the only place that knows how recognition,
coreference, name resolution, events and facts are called on one document.

:func:`analyse_documents` turns :class:`~kg.types.SourceDoc` records into
:class:`~kg.types.DocAnalysis` records (plain dataclasses; no spaCy object
leaves this module). Japanese chunks go through GiNZA in batches, English
paragraphs through the knowledge base and rule-based recognisers.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import replace

from kg.nlp import BATCH_SIZE
from kg.types import DocAnalysis, EventCandidate, Mention, Sentence, SourceDoc, StatedFact

__all__ = ["analyse_documents", "analyse_parsed"]

log = logging.getLogger(__name__)


def _shift(m: Mention, base: int) -> Mention:
    return replace(m, refers_to=tuple(i + base for i in m.refers_to)) if m.refers_to and base else m


def analyse_parsed(doc: SourceDoc, parsed: dict[int, object], chunks, kb) -> DocAnalysis:
    """Run recognition and extraction over a document whose Japanese chunks are parsed.

    Parameters
    ----------
    doc : SourceDoc
    parsed : dict
        chunk index -> spaCy ``Doc`` for every Japanese chunk.
    chunks : list of (start, end, lang)
        From :func:`kg.segment.chunks` over ``doc.text``.
    kb : kg.kb.KnowledgeBase
    """
    from kg.extract.entities import find_mentions
    from kg.extract.events_en import extract_events_en
    from kg.extract.events_ja import extract_events
    from kg.extract.facts import extract_facts
    from kg.recognize.english import find_mentions_en
    from kg.recognize.resolve import resolve_names
    from kg.segment import sentences_en

    text = doc.text
    sentences: list[Sentence] = []
    for ci, (start, end, _lang) in enumerate(chunks):
        if ci in parsed:
            for s in parsed[ci].sents:
                a, b = start + s.start_char, start + s.end_char
                # trim whitespace at the ends so the evidence text is clean
                while a < b and text[a].isspace():
                    a += 1
                while b > a and text[b - 1].isspace():
                    b -= 1
                if b > a:
                    sentences.append(Sentence(a, b, "ja"))
        else:
            sentences.extend(Sentence(a, b, "en") for a, b in sentences_en(text[start:end], start))
    sentences.sort(key=lambda s: (s.start, s.end))

    mentions: list[Mention] = []
    for ci, (start, end, _lang) in enumerate(chunks):
        if ci in parsed:
            found = find_mentions(parsed[ci], offset=start, sentences=sentences, kb=kb)
        else:
            found = find_mentions_en(text[start:end], offset=start, sentences=sentences, kb=kb)
        base = len(mentions)
        mentions.extend(_shift(m, base) for m in found)
    mentions = list(resolve_names(mentions, kb))

    events: list[EventCandidate] = []
    facts: list[StatedFact] = []
    for ci, (start, end, _lang) in enumerate(chunks):
        if ci in parsed:
            events += extract_events(parsed[ci], mentions, sentences, offset=start, published=doc.published)
            facts += extract_facts(parsed[ci], mentions, sentences, offset=start)
        else:
            events += extract_events_en(text[start:end], mentions, sentences, offset=start,
                                        published=doc.published)
    return DocAnalysis(doc=doc, sentences=tuple(sentences), mentions=tuple(mentions),
                       events=tuple(events), facts=tuple(facts))


def _parse_group(nlp, group, batch_size):
    """Parse the Japanese chunks of some documents together (one ``nlp.pipe`` stream)."""
    from kg.segment import chunks as make_chunks

    plans = [make_chunks(doc.text) for doc in group]
    items = [(doc.text[s:e], (di, ci)) for di, (doc, ch) in enumerate(zip(group, plans, strict=True))
             for ci, (s, e, lang) in enumerate(ch) if lang == "ja"]
    parsed: list[dict[int, object]] = [{} for _ in group]
    for sdoc, (di, ci) in nlp.pipe(items, as_tuples=True, batch_size=batch_size):
        parsed[di][ci] = sdoc
    return plans, parsed


def analyse_documents(docs: Iterable[SourceDoc], nlp, kb, *, batch_size: int = BATCH_SIZE
                      ) -> Iterator[DocAnalysis | tuple[SourceDoc, Exception]]:
    """Analyse documents in order, batching Japanese chunks across documents.

    Documents are parsed in groups of ``batch_size``; when the parser fails on
    a group, its documents are parsed one by one so that only the failing
    document is reported. Yields a :class:`DocAnalysis` per document, or
    ``(doc, error)`` when the pipeline failed on it (the caller reports and
    skips it).
    """
    docs = list(docs)
    for g in range(0, len(docs), batch_size):
        group = docs[g:g + batch_size]
        try:
            jobs = [(group, *_parse_group(nlp, group, batch_size))]
        except Exception:  # noqa: BLE001 - isolate the failing document
            log.debug("parsing a group failed; retrying its documents one by one", exc_info=True)
            jobs = []
            for doc in group:
                try:
                    jobs.append(([doc], *_parse_group(nlp, [doc], batch_size)))
                except Exception as e:  # noqa: BLE001
                    jobs.append(([doc], e, None))
        for grp, plans, parsed in jobs:
            if parsed is None:
                yield grp[0], plans
                continue
            for doc, ch, p in zip(grp, plans, parsed, strict=True):
                try:
                    yield analyse_parsed(doc, p, ch, kb)
                except Exception as e:  # noqa: BLE001 - one bad document must not stop the build
                    log.debug("extraction failed on %s", doc.doc_id, exc_info=True)
                    yield doc, e
