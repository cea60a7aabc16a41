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


def analyse_documents(docs: Iterable[SourceDoc], nlp, kb, *, batch_size: int = 16
                      ) -> Iterator[DocAnalysis | tuple[SourceDoc, Exception]]:
    """Analyse documents in order, batching Japanese chunks across documents.

    Yields a :class:`DocAnalysis` per document, or ``(doc, error)`` when the
    pipeline failed on it (the caller reports and skips it).
    """
    from kg.segment import chunks as make_chunks

    pending: dict[int, tuple[SourceDoc, list, dict, int]] = {}
    order: list[int] = []

    def stream():
        for di, doc in enumerate(docs):
            try:
                ch = make_chunks(doc.text)
            except Exception as e:  # noqa: BLE001 - reported per document
                pending[di] = (doc, e, {}, 0)
                order.append(di)
                continue
            ja = [ci for ci, c in enumerate(ch) if c[2] == "ja"]
            pending[di] = (doc, ch, {}, len(ja))
            order.append(di)
            for ci in ja:
                s, e, _ = ch[ci]
                yield doc.text[s:e], (di, ci)

    def ready():
        while order:
            di = order[0]
            doc, ch, parsed, need = pending[di]
            if isinstance(ch, Exception):
                order.pop(0)
                del pending[di]
                yield doc, ch
                continue
            if len(parsed) < need:
                return
            order.pop(0)
            del pending[di]
            try:
                yield analyse_parsed(doc, parsed, ch, kb)
            except Exception as e:  # noqa: BLE001 - one bad document must not stop the build
                log.debug("extraction failed on %s", doc.doc_id, exc_info=True)
                yield doc, e

    for sdoc, (di, ci) in nlp.pipe(stream(), as_tuples=True, batch_size=batch_size):
        pending[di][2][ci] = sdoc
        yield from ready()
    yield from ready()
