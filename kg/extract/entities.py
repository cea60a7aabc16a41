"""Recognition of the actors of one GiNZA-parsed Japanese chunk.

:func:`find_mentions` combines, in order of trust: the knowledge-base ruler
(:mod:`kg.recognize.ruler`), the machine-translation rules
(:mod:`kg.recognize.mt_rules`), sports clubs (:mod:`kg.recognize.teams`), compound state abbreviations
(:mod:`kg.recognize.compounds`) and surname + title forms (「習主席」), the
agreement and named-event spans of :mod:`kg.extract.agreements`, and
GiNZA's named entities (:mod:`kg.recognize.ner`), typed through
:data:`ENE_CLASSES` (:mod:`kg.recognize.ene_labels`), with organisation
and event names over runs of nouns (:mod:`kg.recognize.runs`). Person names get
their titles stripped (kept as ``position``) and their split pieces joined;
coreference mentions come last (:mod:`kg.recognize.coref`).

>>> ENE_CLASSES["International_Organization"], ENE_CLASSES["Date"], ENE_CLASSES["Treaty"]
('InternationalOrganization', None, 'Treaty')
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Sequence
from typing import Any

from kg.recognize.addresses import merge_addresses
from kg.recognize.agreement_policy import accepted_agreements
from kg.recognize.compounds import find_compounds
from kg.recognize.coref import add_coref
from kg.recognize.ene_labels import ENE_CLASSES, NON_ENTITY_LABELS, ene_class
from kg.recognize.gazetteer import gazetteer, surname_person
from kg.recognize.heads import head_class
from kg.recognize.mt_rules import find_mt
from kg.recognize.ner import ORGANS as _ORGANS
from kg.recognize.ner import katakana_name_candidates, lexicon_candidates
from kg.recognize.ner import ner_candidates as _ner_candidates
from kg.recognize.ruler import KBHit, match_kb
from kg.recognize.runs import run_candidates
from kg.recognize.spans import inside_word
from kg.recognize.teams import team_candidates
from kg.recognize.titles import SURNAME_TITLE, strip_title, title_at
from kg.types import Mention, Sentence

__all__ = ["ENE_CLASSES", "NON_ENTITY_LABELS", "ene_class", "find_mentions", "USER_DATA_KEY"]

log = logging.getLogger(__name__)

#: where the ``kg_kb_ruler`` component leaves its hits (see :mod:`kg.components`)
USER_DATA_KEY = "kg_kb_hits"

#: how much a source is trusted when spans overlap (lower wins)
_PRIORITY = {"team": 0, "kb": 0, "mt": 0, "compound": 1, "rule": 1, "fuzzy": 1, "agreement": 2, "ner": 3, "lex": 4}
_PERSONISH = re.compile(r"^[\u30A1-\u30FA\u30FC・･]+$")
_SURNAME_RE = re.compile("(?<![\u3400-\u9fff々])([\u3400-\u9fff])(" + "|".join(SURNAME_TITLE) + ")")
_DIGITS = "0123456789０１２３４５６７８９"


def _sentence_index(sentences: Sequence[Sentence], pos: int) -> int:
    if not sentences:
        return 0
    starts = [s.start for s in sentences]
    return max(0, bisect.bisect_right(starts, pos) - 1)


def _agreement_spans(doc: Any, offset: int) -> list[tuple[int, int, str]]:
    try:
        from kg.extract.agreements import agreement_spans
    except ImportError:
        return []
    out = []
    for sp in agreement_spans(doc, offset=offset):
        if isinstance(sp, tuple):
            s, e, cls = sp[0], sp[1], sp[2]
        else:
            s, e = sp.start, sp.end
            cls = getattr(sp, "cls", None) or getattr(sp, "label", "Agreement")
        out.append((int(s) - offset, int(e) - offset, str(cls)))
    return out


def _kb_hits(doc: Any, g) -> list[KBHit]:
    hits = doc.user_data.get(USER_DATA_KEY) if hasattr(doc, "user_data") else None
    if hits is None:
        return match_kb(doc.text, g)
    return [KBHit(*h) if isinstance(h, (tuple, list)) else h for h in hits]


def _kb_hit_ok(h: KBHit, text: str, tokens: Sequence[tuple[int, int, str]]) -> bool:
    """A curated name is a mention unless it sits inside a longer word (日本 in 日本航空) or,
    for a person, a number follows it (コロナ19 is the disease, not the minister)."""
    if h.cls == "Person":
        # 「アンドリュー・ジョンソン」: a curated surname after another person's given name
        other_given = h.start >= 2 and text[h.start - 1] in "・･" and bool(_PERSONISH.match(text[h.start - 2]))
        return not (h.end < len(text) and text[h.end] in _DIGITS) and not other_given
    return not inside_word(tokens, h.start, h.end)


def find_mentions(doc: Any, *, offset: int, sentences: Sequence[Sentence], kb: Any) -> list[Mention]:
    """All entity mentions of a GiNZA-parsed Japanese chunk, with absolute offsets.

    Parameters
    ----------
    doc : spacy.tokens.Doc
        A parsed chunk whose text is ``context[offset:offset + len(doc.text)]``.
    offset : int
        Where the chunk starts in the document's context.
    sentences : sequence of Sentence
        The whole document's sentences (absolute offsets), for ``Mention.sentence``.
    kb : kg.kb.KnowledgeBase or None

    Returns
    -------
    list of Mention
        Sorted by (start, end); ``text == context[start:end]``; coreference
        mentions carry ``refers_to`` indices into this list.
    """
    text = doc.text
    g = gazetteer(kb)
    # (start, end, cls, key, source, ner_label, position)
    cands: list[tuple[int, int, str, str | None, str, str, str]] = []
    tokens = [(t.idx, t.idx + len(t.text), t.tag_ or "") for t in doc] if hasattr(doc, "__iter__") else []
    kb_hits = [h for h in _kb_hits(doc, g) if _kb_hit_ok(h, text, tokens)]
    for h in kb_hits:
        e, position = h.end, ""
        if h.cls == "Person":
            name, position = strip_title(text[h.start:h.end])
            e = h.start + len(name)
        cands.append((h.start, e, h.cls, h.key, "kb" if h.how != "mt" else "mt", "", position))
    for h in find_mt(text, g):
        cands.append((h.start, h.end, h.cls, h.key, "mt", "", h.position))
    for s, e, cls in team_candidates(text, lambda t: (g.lookup_ja(t) or ("", ""))[1] in ("Country", "Location")):
        cands.append((s, e, cls, None, "team", "", ""))
    for s, e, key in find_compounds(text, g.abbreviations):
        cands.append((s, e, g.cls_of(key, "Country"), key, "compound", "", ""))
    doc_people = {h.key: h for h in kb_hits if h.cls == "Person"}
    for m in _SURNAME_RE.finditer(text):
        sur, title = m.group(1), m.group(2)
        key = next((k for k, h in doc_people.items() if text[h.start : h.end].startswith(sur)), None)
        key = key or surname_person(g, sur, title)
        if key:
            cands.append((m.start(1), m.end(1), "Person", key, "rule", "", title))
    for s, e, cls in accepted_agreements(text, _agreement_spans(doc, offset)):
        cands.append((s, e, cls, None, "agreement", "", ""))
    cands.extend(_ner_candidates(doc, text, g))
    lex_tokens = [(t.idx, t.idx + len(t.text), t.text, t.tag_ or "") for t in doc] if hasattr(doc, "__iter__") else []
    cands.extend(run_candidates(lex_tokens, [h.start for h in kb_hits if h.cls in ("Country", "Location")]))
    for c in [*lexicon_candidates(lex_tokens), *katakana_name_candidates(lex_tokens)]:
        hit = g.lookup_ja(text[c[0]:c[1]])
        cands.append((c[0], c[1], hit[1], hit[0], *c[4:]) if hit else c)
    chosen = merge_addresses(_select(cands, text), text)
    mentions = []
    for s, e, cls, key, source, label, position in chosen:
        if cls == "Person" and not position:
            position = title_at(text, e)
        mentions.append(
            Mention(
                start=offset + s,
                end=offset + e,
                text=text[s:e],
                cls=cls,
                sentence=_sentence_index(sentences, offset + s),
                key=key,
                source="rule" if source in ("agreement", "compound", "team") else "ner" if source == "lex" else source,
                ner_label=label,
                position=position,
            )
        )
    return add_coref(text, offset, mentions, sentences)



def _wraps(c: tuple, clash: list[tuple], text: str) -> bool:
    """True when GiNZA's (or an event pattern's) span ``c`` holds every clashing span whole
    and names something longer: an organ or event around curated states (ロシア軍, 中国外務省),
    or a name whose head word gives its class (欧州議会選挙, 日本証券クリアリング機構)."""
    s, e = c[0], c[1]
    if c[3] is not None or c[4] not in ("ner", "agreement") or (c[4] == "agreement" and c[2] != "NamedEvent"):
        return False
    headed = head_class(text[s:e]) is not None
    if not headed and c[2] not in _ORGANS:
        return False
    inner = ("Country", "Location") if not headed else None
    return all(
        t[0] >= s
        and t[1] <= e
        and (t[1] - t[0]) < (e - s)
        and t[4] in ("kb", "ner", "mt", "compound")
        and (t[2] in inner if inner else t[2] != "Person")
        for t in clash
    )


def _select(cands: list[tuple], text: str = "") -> list[tuple]:
    """Resolve overlaps: trusted sources first, then longer spans; an organisation or
    event span that GiNZA found around a curated state name (ロシア軍, 中国外務省) is kept whole."""
    order = sorted(cands, key=lambda c: (_PRIORITY.get(c[4], 9), -(c[1] - c[0]), c[0]))
    taken: list[tuple] = []
    for c in order:
        s, e = c[0], c[1]
        clash = [t for t in taken if t[0] < e and s < t[1]]
        # each state of a compound stays a mention inside a curated grouping (日米豪印 = the Quad)
        if c[4] == "compound" and all(t[4] == "kb" and t[0] <= s and e <= t[1] for t in clash):
            clash = []
        if not clash:
            taken.append(c)
            continue
        if _wraps(c, clash, text):
            for t in clash:
                taken.remove(t)
            taken.append(c)
    return sorted(taken, key=lambda c: (c[0], c[1]))
