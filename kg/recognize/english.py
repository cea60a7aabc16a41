"""English paragraphs: the knowledge base's English names, then a
capitalisation-aware fallback for names it does not know.

Without an English spaCy model (none is installed by default) unknown names
are sequences of capitalised words, typed by their head word
(:data:`CLASS_WORDS`); a sentence-initial function word (「The」, 「But」) is
never a name. The module says once, through logging, that English coverage
is reduced. When a model such as ``en_core_web_sm`` is installed its
entities replace the fallback.

>>> classify_latin("Council for Foreign and Defence Policy")
'Organization'
>>> classify_latin("Natasha Kuhrt")
'Person'
>>> classify_latin("Beijing Olympics")
'NamedEvent'
"""

from __future__ import annotations

import bisect
import functools
import logging
import re
from collections.abc import Sequence
from typing import Any

from kg.recognize.gazetteer import gazetteer
from kg.types import Mention, Sentence

__all__ = ["CLASS_WORDS", "FUNCTION_WORDS", "EN_TITLES", "classify_latin", "find_mentions_en", "english_model"]

log = logging.getLogger(__name__)

#: head words that type an unknown name (checked on every word, last word first)
CLASS_WORDS: dict[str, tuple[str, ...]] = {
    "NamedEvent": ("Olympics", "Games", "War", "Summit", "Election", "Elections", "Forum", "Conference",
                   "Crisis", "Revolution", "Expo", "Pandemic", "Cup", "Festival", "Invasion"),
    "Agreement": ("Statement", "Declaration", "Treaty", "Agreement", "Accord", "Accords", "Deal", "Plan",
                  "Pact", "Partnership", "Charter", "Protocol", "Memorandum", "Initiative", "Formula"),
    "Media": ("News", "Times", "Post", "Journal", "Agency", "Press", "Herald", "Tribune", "Gazette", "Radio",
              "Television", "TV", "Broadcasting", "Daily", "Telegraph", "Guardian", "Punchline", "Review"),
    "GovernmentBody": ("Ministry", "Department", "Office", "Parliament", "Congress", "Senate", "Cabinet",
                       "Kremlin", "Commission", "Duma"),
    "ArmedForces": ("Army", "Navy", "Forces", "Force", "Guard", "Command", "Wehrmacht"),
    "Institute": ("University", "Institute", "College", "School", "Academy", "Centre", "Center", "Foundation",
                  "Council", "Institution", "Endowment", "Fund", "Trust", "Society"),
    "Company": ("Inc", "Inc.", "Corp", "Corp.", "Corporation", "Company", "Co.", "Ltd", "Ltd.", "Group", "Labs",
                "Technologies", "Bank", "Airlines", "Motors", "Energy", "Holdings"),
    "Organization": ("Organization", "Organisation", "Union", "Party", "Association", "Alliance", "Committee",
                     "Federation", "League", "Movement", "Front", "Policy"),
    "Location": ("Sea", "Square", "River", "Province", "Region", "Street", "Island", "Islands", "Mountains",
                 "Strait", "Peninsula", "Ocean", "Bay", "City", "Oblast", "East", "West", "Plant", "Palace",
                 "Hall", "Airport", "Cosmodrome", "Zone"),
}
#: capitalised words that start a sentence or a clause but never a name
FUNCTION_WORDS = frozenset(
    ["The", "A", "An", "In", "On", "At", "By", "For", "From", "To", "Of", "And", "But", "Or", "So", "Yet", "If", "When", "While", "As", "After", "Before", "Since", "Although", "Though", "This", "That", "These", "Those", "It", "Its", "He", "She", "His", "Her", "They", "Their", "We", "Our", "I", "You", "Your", "Mr", "Ms", "Mrs", "Dr", "Some", "Many", "Most", "Other", "Another", "Such", "There", "Here", "What", "Which", "Who", "Whom", "Whose", "Why", "How", "All", "Both", "Each", "Every", "No", "Not", "Yes", "Also", "However", "Meanwhile", "Moreover", "Still", "Then", "Thus", "Now", "Last", "Next", "First", "Second", "Third", "Read", "More", "Continue", "Reading", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December", "Photo", "Image", "Video", "Getty", "Updated", "Published"]
)
#: titles before an English name (「President Vladimir Putin」): stripped, kept as the position
EN_TITLES = ("President", "Prime Minister", "Foreign Minister", "Defence Minister", "Defense Minister",
             "Defense Secretary", "Secretary of State", "Secretary", "Minister", "Chancellor", "Premier",
             "Chairman", "General", "Gen.", "Adm.", "King", "Queen", "Ambassador", "Spokesman", "Spokeswoman",
             "Spokesperson", "Senator", "Sen.", "Rep.", "Governor", "Mayor", "Mr.", "Ms.", "Mrs.", "Dr.",
             "Prof.", "Professor", "Leader", "Director", "Commissioner")
_DEMONYM = re.compile(r"(?:ese|ian|ish|ians|eses)$")
_WORD = re.compile(r"[A-Z][A-Za-z'’.-]*[A-Za-z]|[A-Z]{2,}|[A-Z]")
_SPLIT_AT = frozenset({"of", "and", "&"})  # 「Natasha Kuhrt of …」, 「Fiona Hill and Angela Stent」
_CONNECT = frozenset({"of", "the", "for", "and", "de", "von", "der", "van", "al", "bin", "la", "du", "&"})
_W = r"(?:[A-Z]\.|[A-Z][\w&-]*(?:['’][a-rt-z]\w*)?)"  # a capitalised word, an initial; no possessive 's
_SEQ = re.compile(_W + r"(?:[ \t]+(?:(?:of|the|for|and|de|von|der|van|al|bin|la|du|&)[ \t]+)*" + _W + ")*")
_EN_MODELS = ("en_core_web_trf", "en_core_web_lg", "en_core_web_md", "en_core_web_sm")
_SPACY_CLASSES = {"PERSON": "Person", "ORG": "Organization", "GPE": "Location", "LOC": "Location",
                  "FAC": "Location", "EVENT": "NamedEvent", "LAW": "Agreement"}


def classify_latin(span: str, default: str = "Person", *, guess_person: bool = True) -> str:
    """The class of an unknown Latin-script name from its words.

    All-capital single words are organisations (acronyms); sequences of two
    to four capitalised words without a class word are people (unless
    ``guess_person`` is false: then ``default``, e.g. GiNZA's class).

    >>> classify_latin("NewsClick"), classify_latin("NATO"), classify_latin("Maxar Technologies")
    ('Organization', 'Organization', 'Company')
    """
    words = span.replace(",", " ").split()
    for w in reversed(words):
        for cls, heads in CLASS_WORDS.items():
            if w in heads:
                return cls
    if len(words) == 1 and (words[0].isupper() or re.search(r"[a-z][A-Z]", words[0])):
        return "Organization"
    if any(w in ("for", "of", "the", "and", "&") for w in words):
        return "Organization"  # people's names do not hold these (von, der, al, bin do)
    if guess_person and 2 <= len(words) <= 4 and all(w[:1].isupper() or w in _CONNECT for w in words):
        return "Person"
    return default


@functools.lru_cache(maxsize=1)
def english_model() -> Any:
    """The installed English spaCy pipeline, or ``None`` (logged once)."""
    import spacy

    for name in _EN_MODELS:
        if spacy.util.is_package(name):
            return spacy.load(name)
    log.warning("no English spaCy model installed (tried %s): English coverage is reduced to the "
                "knowledge base and capitalised names; `pip install en-core-web-sm` improves it",
                ", ".join(_EN_MODELS))
    return None


def _sentence_index(sentences: Sequence[Sentence], pos: int) -> int:
    starts = [s.start for s in sentences]
    return max(0, bisect.bisect_right(starts, pos) - 1) if starts else 0


def _kb_spans(text: str, g: Any) -> list[tuple[int, int, str, str]]:
    words = [(m.start(), m.end()) for m in re.finditer(r"[A-Za-z0-9](?:[A-Za-z0-9.&-]|['’](?!s\b))*[A-Za-z0-9.]|[A-Za-z0-9]", text)]
    out = []
    i = 0
    while i < len(words):
        hit = None
        for n in range(min(g.en_max + 1, len(words) - i), 0, -1):
            s, e = words[i][0], words[i + n - 1][1]
            surface = text[s:e]
            val = g.en_exact.get(surface) or g.en_exact.get(surface.rstrip("."))
            if val:
                e = s + (len(surface) if surface in g.en_exact else len(surface.rstrip(".")))
            elif surface[:1].isupper() and (n > 1 or len(surface) >= 5):
                val = g.en_norm.get(_norm(surface))
            if val:
                hit = (s, e, val[0], val[1], n)
                break
        if hit:
            out.append(hit[:4])
            i += hit[4]
        else:
            i += 1
    return out


def _norm(s: str) -> str:
    from kg.normalize import norm_key

    return norm_key(s)


def _segments(text: str) -> list[tuple[int, int]]:
    """Capitalised sequences, split at a connector that follows a person's name
    (「Natasha Kuhrt of King's College」 is two names; 「Bank of China」 one)."""
    out = []
    for m in _SEQ.finditer(text):
        parts = [(p.start() + m.start(), p.end() + m.start())
                 for p in re.finditer(r"\S+", m.group(0))]
        cur_s, cur_e, cur_words = parts[0][0], parts[0][1], [text[parts[0][0]:parts[0][1]]]
        i = 1
        while i < len(parts):
            w = text[parts[i][0]:parts[i][1]]
            if w in _SPLIT_AT and len(cur_words) >= 2 and classify_latin(" ".join(cur_words), "") == "Person":
                out.append((cur_s, cur_e))
                j = i
                while j < len(parts) and text[parts[j][0]:parts[j][1]] in _CONNECT:
                    j += 1
                if j >= len(parts):
                    cur_words = []
                    break
                cur_s, cur_e, cur_words = parts[j][0], parts[j][1], [text[parts[j][0]:parts[j][1]]]
                i = j + 1
                continue
            cur_e = parts[i][1]
            cur_words.append(w)
            i += 1
        if cur_words:
            out.append((cur_s, cur_e))
    return out


def _fallback(text: str, taken: list[tuple[int, int]], sentences_local: list[int]) -> list[tuple[int, int, str, str]]:
    out = []
    for s, e in _segments(text):
        words = text[s:e].split()
        # drop leading function words and titles (kept as the position)
        position = ""
        while words and (words[0] in FUNCTION_WORDS or words[0].rstrip(".") in FUNCTION_WORDS
                         or (_DEMONYM.search(words[0]) and len(words) > 1)):
            s = text.index(words[0], s) + len(words[0])
            words = words[1:]
            while s < e and text[s].isspace():
                s += 1
        for t in sorted(EN_TITLES, key=len, reverse=True):
            if " ".join(words).startswith(t + " "):
                position = t
                s = s + len(t)
                while s < e and text[s].isspace():
                    s += 1
                words = text[s:e].split()
                break
        while words and words[-1] in _CONNECT:
            e = text.rindex(words[-1], s, e)
            words = words[:-1]
            while e > s and text[e - 1].isspace():
                e -= 1
        if not words or any(a < e and s < b for a, b in taken):
            continue
        span = text[s:e].rstrip(".'’")
        e = s + len(span)
        if len(words) == 1:
            w = words[0]
            initial = s == 0 or text[:s].rstrip()[-1:] in ".!?\"“”:" or s in sentences_local
            if _DEMONYM.search(w) or (initial and not w.isupper()) or len(w) < 2:
                continue
            if not (w.isupper() or position or re.match(r"\s+(?:said|says|told|added|wrote|noted)\b", text[e:])):
                continue
            cls = "Organization" if w.isupper() else classify_latin(w, default="Person")
        else:
            cls = classify_latin(span)
        out.append((s, e, cls, position))
    return out


def find_mentions_en(text: str, *, offset: int, sentences: Sequence[Sentence], kb: Any) -> list[Mention]:
    """Entity mentions of an English paragraph, with absolute offsets.

    Parameters
    ----------
    text : str
        The paragraph (``context[offset:offset + len(text)]``).
    offset : int
    sentences : sequence of Sentence
        The whole document's sentences, for ``Mention.sentence``.
    kb : kg.kb.KnowledgeBase or None

    Returns
    -------
    list of Mention
        Sorted by (start, end); KB names have ``source="kb"`` and a key,
        fallback names ``source="rule"`` (or ``"ner"`` from an English model).

    Examples
    --------
    >>> ms = find_mentions_en("Analysts said Natasha Kuhrt of the Royal United Services Institute spoke.",
    ...                       offset=10, sentences=[], kb=None)
    >>> [(m.text, m.cls, m.start) for m in ms]
    [('Natasha Kuhrt', 'Person', 24), ('Royal United Services Institute', 'Institute', 45)]
    """
    g = gazetteer(kb)
    found: list[tuple[int, int, str, str | None, str, str, str]] = []
    for s, e, key, cls in _kb_spans(text, g):
        found.append((s, e, cls, key, "kb", "", ""))
    taken = [(f[0], f[1]) for f in found]
    nlp = english_model()
    if nlp is not None:
        for ent in nlp(text).ents:
            cls = _SPACY_CLASSES.get(ent.label_)
            if cls and not any(a < ent.end_char and ent.start_char < b for a, b in taken):
                found.append((ent.start_char, ent.end_char, cls, None, "ner", ent.label_, ""))
    else:
        local_starts = [s.start - offset for s in sentences if offset <= s.start < offset + len(text)]
        for s, e, cls, position in _fallback(text, taken, local_starts):
            found.append((s, e, cls, None, "rule", "", position))
    found.sort(key=lambda f: (f[0], f[1]))
    return [Mention(start=offset + s, end=offset + e, text=text[s:e], cls=cls,
                    sentence=_sentence_index(sentences, offset + s), key=key, source=src, ner_label=label,
                    position=pos) for s, e, cls, key, src, label, pos in found]
