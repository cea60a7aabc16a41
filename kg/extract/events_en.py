"""English event coding with clause rules (no English parser is shipped).

Within a sentence, a predicate of ``predicates_en.yaml`` (any inflection)
opens a clause. Its actors are the mentions right before it in the same
clause (coordinated with "and" or commas); its targets the mentions after
it up to the clause end; a passive ("was condemned by X") swaps them.
Negation ("did not", "never", "refused to", "has not") sets ``negated``;
conditionals and plans ("if", "would", "could", "may", "might", "will",
"plans to", "expected to") give no event. Dates: month names, ``YYYY``,
"last month/week/year", weekdays and "yesterday", resolved against the
publication date.

Confidence: ``strength × 0.9 [actor not adjacent] × 0.8 [no target for a
directed type]``, clipped to [0.05, 0.99].
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Sequence
from functools import lru_cache

from kg.extract.arguments_ja import ABOUT_CLASSES, ARG_CLASSES_EXCLUDED, sentence_index
from kg.extract.dates import resolve
from kg.extract.lexicon import SYMMETRIC_TYPES, Predicate, load_lexicon
from kg.types import EventCandidate, Mention, Sentence

__all__ = ["extract_events_en", "inflections", "find_dates_en", "WINDOW"]

#: How far after a predicate (in characters) its objects may sit.
WINDOW = 45

log = logging.getLogger(__name__)

_BOUNDARY = re.compile(
    r"[;:!?\"“”]|,\s+(?:but|while|which|who|whereas|although|as|after|before|when)\b|\b(?:but|while|whereas|although|because|after|before|when|which|who|that)\b|—"
)
_NEG = re.compile(
    r"\b(?:not|n't|never|no longer|refused to|refuses to|declined to|failed to)\b(?:\s+\w+){0,2}\s*$", re.I
)
_HEDGE = re.compile(
    r"\b(?:if|unless|would|could|may|might|will|shall|should|plans? to|planning to|expected to|set to|"
    r"likely to|wants? to|hopes? to|aims? to|intends? to|seeks? to|going to|possibly|reportedly considering|"
    r"threatened to|threatens to|urged? \w+ to|called on \w+ to|asked \w+ to)\b(?:\s+\S+){0,3}\s*$|\bto\s+$",
    re.I,
)
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|be)\s+(?:\w+ly\s+)?$", re.I)
_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ]
    )
}
_WEEKDAYS = {
    d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
}
_DATE = re.compile(
    r"\b(?:(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)"
    r"(?:\s+(?P<day>\d{1,2}))?(?:,?\s+(?P<year>\d{4}))?|(?P<year2>(?:19|20)\d{2})|"
    r"(?P<rel>last|this|next)\s+(?P<unit>week|month|year)|(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    r"(?P<yest>yesterday|today))\b"
)


def inflections(base: str, irregular: Sequence[str] = ()) -> list[str]:
    """Surface forms of an English predicate (first word inflected).

    >>> inflections("impose sanctions")
    ['impose sanctions', 'imposes sanctions', 'imposed sanctions', 'imposing sanctions']
    >>> inflections("meet", ["met"])
    ['meet', 'meets', 'met', 'meeting']
    >>> inflections("criticize")[2], inflections("ratify")[2], inflections("ban")[2]
    ('criticized', 'ratified', 'banned')
    """
    head, _, rest = base.partition(" ")
    tail = f" {rest}" if rest else ""
    if head.endswith("e"):
        s, ed, ing = head + "s", head + "d", head[:-1] + "ing"
    elif head.endswith("y") and head[-2:-1] not in "aeiou":
        s, ed, ing = head[:-1] + "ies", head[:-1] + "ied", head + "ing"
    elif re.search(r"[^aeiou][aeiou][bdgmnpt]$", head) and len(head) <= 4:
        s, ed, ing = head + "s", head + head[-1] + "ed", head + head[-1] + "ing"
    elif head.endswith(("s", "sh", "ch", "x", "z")):
        s, ed, ing = head + "es", head + "ed", head + "ing"
    else:
        s, ed, ing = head + "s", head + "ed", head + "ing"
    past = list(irregular) or [ed]
    forms = [head, s, *past, ing]
    return list(dict.fromkeys(f + tail for f in forms))


@lru_cache(maxsize=1)
def _matcher() -> tuple[re.Pattern[str], dict[str, Predicate]]:
    lex = load_lexicon("en")
    table: dict[str, Predicate] = {}
    for lemma, preds in lex.predicates.items():
        best = max(preds, key=lambda p: p.strength)
        for f in inflections(lemma, lex.irregular.get(lemma.split(" ")[0], ())):
            if f not in table or table[f].strength < best.strength:
                table[f] = best
    alts = sorted(table, key=len, reverse=True)
    rx = re.compile(r"\b(?:" + "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in alts) + r")\b", re.I)
    return rx, table


def find_dates_en(text: str, published: str) -> list[tuple[int, int, str]]:
    """English date expressions, normalised (offsets relative to ``text``).

    >>> find_dates_en("On Thursday, in May 2024 and last month", "2024-05-16")
    [(3, 11, '2024-05-16'), (16, 24, '2024-05'), (29, 39, '2024-04')]
    """
    try:
        pub = dt.date.fromisoformat(published[:10]) if published else None
    except ValueError:
        pub = None
    out = []
    for m in _DATE.finditer(text):
        v = ""
        if m.group("month"):
            mo = _MONTHS[m.group("month").lower()]
            y = m.group("year") or "XXXX"
            d = f"{int(m.group('day')):02d}" if m.group("day") else "XX"
            v = resolve(f"{y}-{mo:02d}-{d}", None, pub)
        elif m.group("year2"):
            v = m.group("year2")
        elif m.group("rel"):
            n = {"last": 1, "this": 0, "next": 1}[m.group("rel")]
            mod = {"last": "BEFORE", "this": "NOW", "next": "AFTER"}[m.group("rel")]
            v = resolve(f"P{n}{m.group('unit')[0].upper()}", mod, pub)
        elif m.group("wd"):
            v = resolve(f"XXXX-WXX-{_WEEKDAYS[m.group('wd').lower()] + 1}", None, pub)
        elif m.group("yest"):
            v = resolve(
                "P1D" if m.group("yest") == "yesterday" else "P0D",
                "BEFORE" if m.group("yest") == "yesterday" else "NOW",
                pub,
            )
        if v:
            out.append((m.start(), m.end(), v))
    return out


def _clause_bounds(sent: str, a: int, b: int) -> tuple[int, int]:
    start = 0
    for m in _BOUNDARY.finditer(sent[:a]):
        start = m.end()
    m = _BOUNDARY.search(sent, b)
    return start, (m.start() if m else len(sent))


def extract_events_en(
    text: str, mentions: Sequence[Mention], sentences: Sequence[Sentence], *, offset: int, published: str
) -> list[EventCandidate]:
    """Code the events of one English paragraph.

    Parameters
    ----------
    text : str
        The paragraph; ``offset`` is its start in the context.
    mentions : sequence of Mention
        The whole document's mentions (absolute offsets).
    sentences : sequence of Sentence
        The whole document's sentences (absolute offsets).
    offset : int
        Where the paragraph starts.
    published : str
        Publication date (``YYYY-MM-DD`` or ``""``).

    Returns
    -------
    list of EventCandidate
    """
    rx, table = _matcher()
    end = offset + len(text)
    sents = [(i, s) for i, s in enumerate(sentences) if s.start >= offset and s.end <= end] or [
        (sentence_index(sentences, offset), Sentence(offset, end, "en"))
    ]
    out: dict[tuple, EventCandidate] = {}
    for si, s in sents:
        st = text[s.start - offset : s.end - offset]
        local = [(i, m) for i, m in enumerate(mentions) if s.start <= m.start and m.end <= s.end]
        dates = find_dates_en(st, published)
        for mt in rx.finditer(st):
            pred = table.get(re.sub(r"\s+", " ", mt.group(0).lower()))
            if pred is None or any(m.start - s.start <= mt.start() < m.end - s.start for _, m in local):
                continue
            cs, ce = _clause_bounds(st, mt.start(), mt.end())
            before = st[cs : mt.start()]
            if _HEDGE.search(before):
                continue
            negated = bool(_NEG.search(before))
            passive = bool(_PASSIVE.search(before)) and mt.group(0).lower().endswith(("ed", "en", "t"))

            def refs(ix: list[int]) -> list[int]:
                res: list[int] = []
                for i in ix:
                    res.extend(mentions[i].refers_to or (i,))
                return list(dict.fromkeys(res))

            pre = [
                i
                for i, m in local
                if cs <= m.start - s.start
                and m.end - s.start <= mt.start()
                and m.cls not in ARG_CLASSES_EXCLUDED
            ]
            # objects sit close after the predicate (a few words), not anywhere in the clause
            post = [
                i
                for i, m in local
                if mt.end() <= m.start - s.start and m.end - s.start <= min(ce, mt.end() + WINDOW)
            ]
            about = [i for i in post if mentions[i].cls in ABOUT_CLASSES]
            post_ents = [i for i in post if mentions[i].cls not in ARG_CLASSES_EXCLUDED]
            locs = [i for i in post if mentions[i].cls == "Location"]
            if passive:
                by = re.search(r"\bby\b", st[mt.end() : ce])
                actors = [i for i in post_ents if by and mentions[i].start - s.start >= mt.end() + by.end()]
                targets = pre
            else:
                # the subject: the mentions nearest the verb, with their coordinates ("X and Y")
                actors = []
                for i in reversed(pre):
                    if not actors:
                        actors.append(i)
                        continue
                    gap = st[mentions[i].end - s.start : mentions[actors[-1]].start - s.start]
                    if re.fullmatch(r"\s*(?:,|and|&|,\s*and|'s|’s)?\s*", gap):
                        actors.append(i)
                    else:
                        break
                targets = post_ents
            actors, targets = refs(actors), [t for t in refs(targets) if t not in refs(actors)]
            if not actors:
                continue
            conf = pred.strength
            if actors and mentions[actors[0]].end - s.start < mt.start() - 40:
                conf *= 0.9
            if not targets and pred.etype not in SYMMETRIC_TYPES:
                conf *= 0.8
            date = ""
            for a, _b, v in dates:
                if cs <= a < ce:
                    date = v
                    break
            ev = EventCandidate(
                etype=pred.etype,
                sentence=si,
                actors=tuple(sorted(actors)),
                targets=tuple(sorted(targets)),
                trigger=mt.group(0),
                trigger_start=s.start + mt.start(),
                trigger_end=s.start + mt.end(),
                mode=pred.mode,
                locations=tuple(sorted(set(locs))),
                about=tuple(sorted(set(about))),
                date=date,
                negated=negated,
                confidence=round(min(0.99, max(0.05, conf)), 3),
                how=f"en:{pred.lemma}" + (":passive" if passive else ""),
            )
            key = (ev.etype, ev.sentence, ev.actors, ev.targets, ev.negated)
            if key not in out or out[key].confidence < ev.confidence:
                out[key] = ev
    return sorted(out.values(), key=lambda e: (e.trigger_start, e.etype))
