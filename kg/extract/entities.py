"""Recognition of the actors of one GiNZA-parsed Japanese chunk.

:func:`find_mentions` combines, in order of trust: the knowledge-base ruler
(:mod:`kg.recognize.ruler`), the machine-translation rules
(:mod:`kg.recognize.mt_rules`), compound state abbreviations
(:mod:`kg.recognize.compounds`) and surname + title forms (「習主席」), the
agreement and named-event spans of :mod:`kg.extract.agreements`, and
GiNZA's named entities, typed through :data:`ENE_CLASSES`. Person names get
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

from kg.normalize import is_katakana_name
from kg.recognize.agreement_policy import accepted_agreements
from kg.recognize.compounds import find_compounds
from kg.recognize.coref import SINGLE_RULES, add_coref
from kg.recognize.english import classify_latin
from kg.recognize.gazetteer import gazetteer, surname_person
from kg.recognize.heads import generic_meeting, head_class, owner_split
from kg.recognize.mt_rules import find_mt
from kg.recognize.ruler import KBHit, match_kb
from kg.recognize.spans import (
    EVENT_HEADS,
    facility_after,
    government_of,
    inside_word,
    split_scripts,
    trim_event,
    trim_tail,
    unit_after,
)
from kg.recognize.splits import extend_name
from kg.recognize.titles import SURNAME_TITLE, is_title, strip_title, title_at
from kg.types import Mention, Sentence

__all__ = ["ENE_CLASSES", "ene_class", "find_mentions", "USER_DATA_KEY"]

log = logging.getLogger(__name__)

#: where the ``kg_kb_ruler`` component leaves its hits (see :mod:`kg.components`)
USER_DATA_KEY = "kg_kb_hits"

_LOC, _ORG, _EVT = "Location", "Organization", "NamedEvent"
#: GiNZA's Extended Named Entity labels (as in ``ginza/ene_ontonotes_mapper.py``) -> ontology
#: class local names; ``None``: not an entity of the graph (dates, amounts, products ...).
ENE_CLASSES: dict[str, str | None] = {
    "Person": "Person",
    "God": None,
    "International_Organization": "InternationalOrganization",
    "Ethnic_Group": None,
    "Ethnic_Group_Other": None,
    "Nationality": None,
    "Religion": None,
    "Political_Organization": _ORG,
    "Political_Organization_Other": _ORG,
    "Political_Party": _ORG,
    "Language": None,
    "Language_Other": None,
    "National_Language": None,
    "Country": "Country",
    "GPE": _LOC,
    "GPE_Other": _LOC,
    "Location_Other": _LOC,
    "City": _LOC,
    "Province": _LOC,
    "County": _LOC,
    "Spa": _LOC,
    "Address": None,
    "Address_Other": None,
    "Postal_Address": None,
    "Region": _LOC,
    "Region_Other": _LOC,
    "Continental_Region": _LOC,
    "Domestic_Region": _LOC,
    "Geological_Region": _LOC,
    "Geological_Region_Other": _LOC,
    "Mountain": _LOC,
    "Island": _LOC,
    "River": _LOC,
    "Lake": _LOC,
    "Sea": _LOC,
    "Bay": _LOC,
    "Astral_Body": None,
    "Star": None,
    "Planet": None,
    "Event_Other": _EVT,
    "Occasion": _EVT,
    "Occasion_Other": _EVT,
    "Election": _EVT,
    "Religious_Festival": _EVT,
    "Competition": _EVT,
    "Game": _EVT,
    "Conference": _EVT,
    "Incident": _EVT,
    "Incident_Other": _EVT,
    "War": _EVT,
    "Natural_Disaster": _EVT,
    "Earthquake": _EVT,
    "Natural_Phenomenon": None,
    "Natural_Phenomenon_Other": None,
    "Facility": _LOC,
    "Facility_Other": _LOC,
    "Facility_Part": _LOC,
    "Dam": _LOC,
    "Archaeological_Place": _LOC,
    "Archaeological_Place_Other": _LOC,
    "Tomb": _LOC,
    "FOE": _LOC,
    "FOE_Other": _LOC,
    "GOE_Other": _LOC,
    "Military_Base": _LOC,
    "Power_Plant": _LOC,
    "Park": _LOC,
    "Shopping_Complex": _LOC,
    "Sports_Facility": _LOC,
    "Museum": _LOC,
    "Zoo": _LOC,
    "Amusement_Park": _LOC,
    "Theater": _LOC,
    "Worship_Place": _LOC,
    "Castle": _LOC,
    "Palace": _LOC,
    "Public_Institution": _LOC,
    "Accommodation": _LOC,
    "Medical_Institution": _LOC,
    "School": "Institute",
    "Research_Institute": "Institute",
    "Market": _LOC,
    "Transport_Facility": _LOC,
    "Transport_Facility_Other": _LOC,
    "Car_Stop": _LOC,
    "Station": _LOC,
    "Airport": _LOC,
    "Port": _LOC,
    "Line": None,
    "Line_Other": None,
    "Railroad": None,
    "Road": _LOC,
    "Canal": _LOC,
    "Water_Route": _LOC,
    "Tunnel": _LOC,
    "Bridge": _LOC,
    "Tumulus": _LOC,
    "Organization": _ORG,
    "Organization_Other": _ORG,
    "Show_Organization": _ORG,
    "Family": None,
    "Sports_Organization": _ORG,
    "Sports_Organization_Other": _ORG,
    "Pro_Sports_Organization": _ORG,
    "Sports_Federation": _ORG,
    "Sports_League": _ORG,
    "Sports_Team": _ORG,
    "Juridical_Person": _ORG,
    "Juridical_Person_Other": _ORG,
    "Channel": "Media",
    "Corporation_Other": "Company",
    "Nonprofit_Organization": _ORG,
    "Company": "Company",
    "Company_Group": "Company",
    "Government": "GovernmentBody",
    "Cabinet": "GovernmentBody",
    "Military": "ArmedForces",
    "Newspaper": "Media",
    "Magazine": "Media",
    "Treaty": "Treaty",
    "Plan": "Plan",
    "Law": None,
    "Rule": None,
    "Rule_Other": None,
    "Location": _LOC, "Event": _EVT,  # the top classes, when GiNZA gives no finer one
    "Position_Vocation": None,  # a title: kg.recognize.titles reads it, it is not an entity
}
#: ENE labels that are never entities of the graph: products, works, times, amounts, contacts, living things.
NON_ENTITY_LABELS: tuple[str, ...] = (
    "Product_Other",
    "Service",
    "Character",
    "ID_Number",
    "Game_Other",
    "Digital_Game",
    "Software",
    "Vehicle",
    "Vehicle_Other",
    "Car",
    "Train",
    "Aircraft",
    "Spaceship",
    "Ship",
    "Food_Other",
    "Musical_Instrument",
    "Clothing",
    "Money_Form",
    "Drug",
    "Weapon",
    "Stock",
    "Award",
    "Decoration",
    "Video_Work",
    "Art",
    "Art_Other",
    "Painting",
    "Broadcast_Program",
    "Movie",
    "Show",
    "Music",
    "Book",
    "Printing",
    "Printing_Other",
    "Picture",
    "Offense",
    "Doctrine_Method_Other",
    "Movement",
    "Theory",
    "Academic",
    "Sport",
    "Culture",
    "Timex",
    "Timex_Other",
    "Timeex",
    "Timeex_Other",
    "Date",
    "Day_Of_Week",
    "Era",
    "Periodx",
    "Periodx_Other",
    "Period_Day",
    "Period_Week",
    "Period_Month",
    "Period_Year",
    "Time_Top_Other",
    "Time",
    "Period_Time",
    "Percent",
    "Currency",
    "Money",
    "Unit_Other",
    "Latitude_Longitude",
    "Latitude_Longtitude",
    "Measurement",
    "Measurement_Other",
    "Physical_Extent",
    "Seismic_Magnitude",
    "Space",
    "Volume",
    "Weight",
    "Speed",
    "Intensity",
    "Temperature",
    "Calorie",
    "Seismic_Intensity",
    "Countx",
    "Countx_Other",
    "N_Person",
    "N_Organization",
    "N_Location",
    "N_Location_Other",
    "N_Country",
    "N_Facility",
    "N_Product",
    "N_Event",
    "N_Natural_Object",
    "N_Natural_Object_Other",
    "N_Animal",
    "N_Flora",
    "Point",
    "Multiplication",
    "Frequency",
    "Age",
    "Rank",
    "School_Age",
    "Ordinal_Number",
    "Stock_Index",
    "Phone_Number",
    "Email",
    "URL",
    "Individual_Animal",
    "Individual_Animal_Other",
    "Racehorse",
    "Natural_Object",
    "Natural_Object_Other",
    "Living_Thing",
    "Living_Thing_Other",
    "Animal",
    "Flora",
    "Bird",
    "Fish",
    "Insect",
    "Mammal",
    "Disease",
    "Disease_Other",
    "Color",
    "Color_Other",
    "Element",
    "Compound",
    "Mineral",
    "Title_Other",
    "Name_Other",
    "Bio",
    "Animal_Part",
    "Flora_Part",
    "Name", "Fungus", "Mollusk_Arthropod", "Mollusc_Arthropod", "Amphibia", "Reptile", "Living_Thing_Part",
    "Living_Thing_Part_Other", "Animal_Disease", "Nature_Color", "Astronomical_Object",
    "Astronomical_Object_Other", "Constellation", "Product", "Class", "Food", "Dish", "Doctrine_Method", "Style",
    "Title", "Unit", "Virtual_Address", "Virtual_Address_Other", "Numex", "Numex_Other", "Astral_Body_Other",
    "Material",
)
ENE_CLASSES.update({label: None for label in NON_ENTITY_LABELS if label not in ENE_CLASSES})
#: how much a source is trusted when spans overlap (lower wins)
_PRIORITY = {"kb": 0, "mt": 0, "compound": 1, "rule": 1, "fuzzy": 1, "agreement": 2, "ner": 3}
_PERSONISH = re.compile(r"^[\u30A1-\u30FA\u30FC・･]+$")
_TRIM = " \u3000「」『』（）()・、。,.:：\"'"
_SURNAME_RE = re.compile("(?<![\u3400-\u9fff々])([\u3400-\u9fff])(" + "|".join(SURNAME_TITLE) + ")")
_FOREIGN = re.compile(r"[\u30A1-\u30FA\u30FCA-Za-z]")
_LATIN_ONLY = re.compile(r"^[A-Za-z][A-Za-z .'&-]*$")
_DIGITS = "0123456789０１２３４５６７８９"
_ORGANS = ("GovernmentBody", "ArmedForces", "Media", "Company", "Institute", "Organization", "NamedEvent")


def ene_class(label: str) -> str | None:
    """The ontology class of a GiNZA ENE label (``None``: not an entity).

    Unknown labels fall back through OntoNotes-style prefixes.

    >>> ene_class("Military"), ene_class("Day_Of_Week"), ene_class("Political_Party")
    ('ArmedForces', None, 'Organization')
    """
    return ENE_CLASSES.get(label)


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
    chosen = _select(cands, text)
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
                source="rule" if source in ("agreement", "compound") else source,
                ner_label=label,
                position=position,
            )
        )
    return add_coref(text, offset, mentions, sentences)


def _cut_state(name: str, g: Any) -> tuple[str, str]:
    """Split a state or organisation name glued to the end of a katakana person name.

    >>> from kg.recognize.gazetteer import Gazetteer
    >>> _cut_state("マクロンフランス", Gazetteer(ja_exact={"フランス": ("france", "Country")}))
    ('マクロン', 'フランス')
    """
    for k in range(2, len(name) - 1):
        tail = name[k:]
        hit = g.ja_exact.get(tail)
        if hit and hit[1] != "Person" and is_katakana_name(name[:k]) and name[k - 1] not in "・･":
            return name[:k], tail
    return name, ""


def _proper(ent: Any) -> bool:
    """True when a GiNZA span holds a proper noun, katakana or Latin (not only common nouns: 首都, 人民)."""
    if _FOREIGN.search(ent.text):
        return True
    return any("固有名詞" in (t.tag_ or "") for t in ent)


def _ner_candidates(doc: Any, text: str, g: Any) -> list[tuple]:
    """GiNZA's entities as candidates, their spans repaired (see :mod:`kg.recognize.spans`)."""
    out: list[tuple] = []
    # a kanji given name (名詞-固有名詞-人名-名) right after a token: where it ends
    toks = list(doc) if hasattr(doc, "__iter__") else []
    given_after = {
        t.idx: t.idx + len(t.text) for t in toks
        if "人名-名" in (t.tag_ or "") and re.fullmatch("[\u3400-\u9FFF々]+", t.text)
    }
    for ent in getattr(doc, "ents", ()):
        cls = ene_class(ent.label_)
        s, e = ent.start_char, ent.end_char
        while s < e and text[s] in _TRIM:
            s += 1
        while e > s and text[e - 1] in _TRIM:
            e -= 1
        span = text[s:e]
        if e <= s or is_title(span) or span.startswith("両") or span in SINGLE_RULES:
            continue
        # the head word decides the class (上本町駅, 吉本興業), and rescues a span whose label is no entity
        # (heads that also end names of people or places, 島 or 村, never retype a span)
        head = None if _LATIN_ONLY.match(span) else head_class(span, person=True)
        if not _proper(ent) and (head is None or cls is None or head in ("Location", "Company")):
            continue  # common nouns only: a named organ or event (法務省入国管理局, 第5回総選挙) at most
        if head is not None:
            cls = head
        if cls is None:
            continue
        if _LATIN_ONLY.match(span):
            hit = g.lookup_en(span) or g.lookup_ja(span)
            cls = hit[1] if hit else classify_latin(span, default=cls, guess_person=False)
            out.append((s, e, cls, hit[0] if hit else None, "ner", ent.label_, ""))
            continue
        name, gov = government_of(span)
        if gov:
            hit = g.lookup_ja(name)
            if hit or is_katakana_name(name):
                e = s + len(name)
                cls = hit[1] if hit else "Person"
        position = ""
        pieces = [(s, e)]
        if cls == "Person":
            name, position = strip_title(text[s:e])
            name, state = _cut_state(name, g)  # 「マクロンフランス大統領」: the state is the title's
            position = state + position
            e = s + len(name)
            if state:  # ... and a mention of the state itself
                hit = g.lookup_ja(state)
                if hit:
                    out.append((e, e + len(state), hit[1], hit[0], "ner", ent.label_, ""))
            pieces = []
            for a, b in split_scripts(text[s:e]):
                a, b = s + a, s + b
                piece = text[a:b]
                hit = g.lookup_ja(piece)
                if hit and hit[1] != "Person":
                    continue  # 「マクロンフランス」: the state before the title is not part of the name
                if is_katakana_name(piece) and len(piece) >= 2 or (hit and hit[1] == "Person"):
                    a2, b2 = extend_name(text, a, b)
                    pieces.append((a2, min(b2, e) if state else b2))
            if not pieces and not _FOREIGN.search(text[s:e]):
                pieces = [(s, e)]  # a kanji name (習近平, 岸田文雄)
        for a, b in pieces:
            c = cls
            fac = facility_after(text, b)
            if fac and c in ("Person", "Location", "Organization", "Company"):
                b, c = b + len(fac), "Location"
            unit, ucls = unit_after(text, b)
            if unit and c in ("Person", "Location", "Country", "Organization", "Company"):
                b, c, position = b + len(unit), ucls, ""  # 「藤堂隊」「関ヶ原の戦い」「コーヴァルチック社」
            elif c == "Person" and b in given_after:
                b = given_after[b]  # 「小宮山」+「昌友」: the given name GiNZA left out
            piece = text[a:b]
            if c == "NamedEvent":
                if not any(h in piece for h in EVENT_HEADS) and head_class(piece) != "NamedEvent":
                    continue  # 「中国訪問」「プーチン習近平」: GiNZA's event label without an event word
                b = a + len(trim_event(piece))
            elif c != "Person":
                b = a + len(trim_tail(piece, c))
            if c != "Person" and generic_meeting(text[a:b], lambda t: _only_places(t, g)):
                continue  # 「中ロ首脳会談」「北京会談」: a meeting described, not named
            if c == "Location" and (k := owner_split(text[a:b])):
                owner = text[a:a + k]  # 「王子製紙釧路工場」: the owner, then its facility
                hit = g.lookup_ja(owner)
                out.append((a, a + k, hit[1] if hit else head_class(owner) or _ORG, hit[0] if hit else None,
                            "ner", ent.label_, ""))
                a += k
            hit = g.lookup_ja(text[a:b])
            out.append((a, b, hit[1] if hit else c, hit[0] if hit else None, "ner", ent.label_, position))
    return out


def _only_places(t: str, g: Any) -> bool:
    """True when ``t`` is a curated state or place, or a run of one-character state forms (中ロ)."""
    hit = g.lookup_ja(t)
    if hit:
        return hit[1] in ("Country", "Location")
    return bool(t) and all(ch in g.abbreviations or ch in "・" for ch in t)


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
