"""Coreference for what news leans on: 両国, 両首脳, 双方, 同氏, 彼, 同外相.

A pair expression (「両国」「両首脳」「双方」) refers to the two most recent
distinct states or leaders before it; for states (「両国」「両政府」) those acting
as participants (:func:`state_pair`): a pair named together (「中国とロシアは」,
「中ロ」「米中」) first, then the two latest states that are subjects (「インドは」)
or own a leader (「中国の習近平国家主席」), then any two; a singular one (「同氏」「彼」「彼女」,
「同」 + a title such as 「同外相」) to the last compatible person, preferring
one who holds that title. The rules are data (:data:`PAIR_RULES`,
:data:`SINGLE_RULES`). Each result is a :class:`~kg.types.Mention` with
``source="coref"`` and ``refers_to`` pointing at its antecedents.

>>> from kg.types import Mention
>>> ms = [Mention(0, 3, "ロシア", "Country", 0, key="russia", source="kb"),
...       Mention(4, 6, "中国", "Country", 0, key="china", source="kb")]
>>> out = add_coref("ロシアと中国の両国は", 0, ms, [])
>>> [(m.text, m.refers_to) for m in out if m.source == "coref"]
[('両国', (0, 1))]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace

from kg.recognize.titles import TITLES
from kg.types import Mention, Sentence

__all__ = ["PAIR_RULES", "SINGLE_RULES", "WINDOW", "PARTICIPANT_AFTER", "JOINERS", "SUBJECT_AFTER",
           "state_pair", "leader_pair_states", "find_coref", "add_coref"]

#: pair expressions -> the classes their two antecedents may have
PAIR_RULES: dict[str, tuple[str, ...]] = {
    "両首脳": ("Person",),
    "両国首脳": ("Person",),
    "両氏": ("Person",),
    "両外相": ("Person",),
    "両国": ("Country",),
    "両政府": ("Country",),
    "双方": ("Country", "Person", "InternationalOrganization", "Organization"),
}
#: singular expressions -> the classes of their antecedent
SINGLE_RULES: dict[str, tuple[str, ...]] = {
    "同氏": ("Person",),
    "彼女": ("Person",),
    "彼": ("Person",),
    "同国": ("Country",),
    "同社": ("Company", "Media", "Organization"),
    "同紙": ("Media",),
    "同省": ("GovernmentBody",),
}
#: how many sentences back an antecedent may be
WINDOW = 4
#: what follows a state acting as a participant: a subject or topic particle, its side or government
#: as subject, its leaders, or the pair word itself (「中ロ両国」)
PARTICIPANT_AFTER: tuple[str, ...] = (
    "は", "が", "も", "側は", "側が", "政府は", "政府が", "政権は", "政権が", "首脳", "両国", "両政府",
)
#: what joins two states named together (「中国とロシア」「米・中」「日本、韓国」「英国および仏」)
JOINERS: tuple[str, ...] = ("", "と", "・", "、", "や", "および", "及び", "並びに")
_OWNER = ("の", "")
#: what closes a subject pair of leaders (「AとBは」「AとB両首脳が」)
SUBJECT_AFTER: tuple[str, ...] = ("は", "が", "両首脳は", "両首脳が", "の両首脳は", "の両首脳が")
#: what joins the two leaders of such a subject
_PERSON_JOINERS: tuple[str, ...] = ("と", "・")

_PERSON_TITLES = tuple(t for t in TITLES if t not in ("氏", "さん"))
_ALL_TITLES = tuple(sorted(TITLES, key=len, reverse=True))
#: titles written straight after a state's name (「米大統領」「ロシア外相」「中国外務省報道官」)
_STATE_TITLES = tuple(t for t in _PERSON_TITLES if len(t) >= 2)
_PATTERN = re.compile(
    "(?P<pair>" + "|".join(sorted(map(re.escape, PAIR_RULES), key=len, reverse=True)) + ")"
    "|(?P<title>同(?:" + "|".join(map(re.escape, _PERSON_TITLES)) + "))"
    "|(?P<single>" + "|".join(sorted(map(re.escape, SINGLE_RULES), key=len, reverse=True)) + ")"
    "(?![ら等岸方])"
)


def _ident(m: Mention) -> str:
    return m.key or m.text


def _sentence_of(sentences: Sequence[Sentence], pos: int) -> int:
    starts = [s.start for s in sentences]
    return max(0, bisect.bisect_right(starts, pos) - 1)


def _participant(text: str, offset: int, mentions: Sequence[Mention], i: int) -> bool:
    """True when state mention ``i`` acts: a subject, a leader's owner, or named in a compound."""
    m = mentions[i]
    after = text[m.end - offset:]
    if after.startswith(PARTICIPANT_AFTER):
        return True
    nxt = mentions[i + 1] if i + 1 < len(mentions) else None
    for owner in _OWNER:  # 「中国の習近平国家主席」「ロシアの外相」「米大統領」
        if not after.startswith(owner):
            continue
        rest = after[len(owner):]
        if nxt is not None and nxt.cls == "Person" and nxt.start == m.end + len(owner):
            return True
        if owner and rest.startswith(_PERSON_TITLES) or not owner and rest.startswith(_STATE_TITLES):
            return True
    # coordinated with a participant state: 「中国とロシアは」
    return nxt is not None and nxt.cls == "Country" and _joined(text, offset, m, nxt) and _participant(
        text, offset, mentions, i + 1)


def _joined(text: str, offset: int, a: Mention, b: Mention) -> bool:
    return b.start >= a.end and text[a.end - offset : b.start - offset] in JOINERS


def state_pair(text: str, offset: int, mentions: Sequence[Mention], before: Sequence[int]) -> list[int]:
    """The two salient states for 「両国」: indices into ``mentions``, in text order.

    ``before`` are the candidate indices (state mentions before the expression, in
    text order). First the latest pair named together (「中国とロシア」「中ロ」) whose
    group acts as a participant; then the two latest distinct participant states
    (subjects, owners of leaders), a bloc of three or more states named together
    left out; then the latest pair named together; then the two latest distinct
    states.

    Examples
    --------
    >>> from kg.types import Mention
    >>> t = "インドとパキスタンは停戦した。英国は歓迎し、豪州も支持した。両国は"
    >>> ms = [Mention(0, 3, "インド", "Country", 0, key="india"),
    ...       Mention(4, 9, "パキスタン", "Country", 0, key="pakistan"),
    ...       Mention(15, 17, "英国", "Country", 1, key="united-kingdom"),
    ...       Mention(22, 24, "豪州", "Country", 1, key="australia")]
    >>> [ms[i].key for i in state_pair(t, 0, ms, [0, 1, 2, 3])]
    ['india', 'pakistan']
    """
    states = [i for i in before if mentions[i].cls == "Country"]
    # groups of states joined together, latest first
    groups: list[list[int]] = []
    for i in states:
        if groups and groups[-1][-1] == i - 1 and _joined(text, offset, mentions[i - 1], mentions[i]):
            groups[-1].append(i)
        else:
            groups.append([i])
    # a bloc of three or more states named together (「米英豪」「アメリカ、イギリス、オーストラリア」) acts as one
    # third party, never as one of the pair
    bloc = {i for g in groups if len({_ident(mentions[j]) for j in g}) > 2 for i in g}
    acting = {i for i in states if i not in bloc and _participant(text, offset, mentions, i)}
    pairs = [g for g in reversed(groups) if len(g) == 2 and len({_ident(mentions[i]) for i in g}) == 2]
    for g in pairs:
        if all(len(mentions[i].text) == 1 for i in g) or acting & set(g):  # 「中ロ」, 「中国とロシアは」
            return g
    for pool in ([i for i in states if i in acting], pairs[0] if pairs else [], states):
        chosen: list[int] = []
        for i in reversed(pool):
            if _ident(mentions[i]) not in {_ident(mentions[j]) for j in chosen}:
                chosen.append(i)
            if len(chosen) == 2:
                return sorted(chosen)
    return []


def _state_of(text: str, offset: int, person: Mention, mentions: Sequence[Mention]) -> str | None:
    """The state a person acts for: their office in the knowledge base, else a stated 「Xの」 before the name."""
    from kg.kb import load_kb

    if person.key:
        rec = load_kb().records.get(person.key)
        if rec is not None and rec.type == "Person":
            aff = load_kb().affiliation_at(person.key, "")
            if aff and load_kb().records[aff].type == "Country":
                return aff
    same = [y for y in mentions if y.cls == "Person" and (y.key and y.key == person.key or y.text == person.text)]
    for y in [person, *same]:  # 「中国の習近平主席」, anywhere the person is named
        for x in mentions:
            if x.cls == "Country" and x.key and x.end <= y.start and text[x.end - offset : y.start - offset] in _OWNER:
                return x.key
    return None


def _persons_joined(text: str, offset: int, first: Mention, second: Mention, mentions: Sequence[Mention]) -> bool:
    """「AとB」, 「A首相とB大統領」, 「A氏とドイツのB首相」: two persons coordinated."""
    between = text[first.end - offset : second.start - offset]
    title = next((t for t in _ALL_TITLES if between.startswith(t)), "")
    between = between[len(title):]
    joiner = next((j for j in _PERSON_JOINERS if between.startswith(j)), None)
    if joiner is None:
        return False
    rest = between[len(joiner):]
    if not rest:
        return True
    start = second.start - len(rest)
    return any(x.cls == "Country" and x.start == start and rest[x.end - start:] in _OWNER for x in mentions)


def leader_pair_states(text: str, offset: int, mentions: Sequence[Mention], corefs: Sequence[Mention],
                       sentences: Sequence[Sentence], at: int) -> list[int]:
    """For 「両国」 at ``at``: the states of two leaders who are the subject just before it.

    When the sentence of ``at`` or the one before it has a subject of two
    persons (「AとBは」, 「彼と習近平は」 with 彼 already resolved in ``corefs``),
    「両国」 means the states those two act for (their office in the knowledge
    base, else a 「Xの」 stated before the name). Returns indices into
    ``mentions`` of the latest mention of each state (before ``at`` if any), in
    text order; empty when there is no such subject or a state is not named.

    Examples
    --------
    >>> from kg.types import Mention
    >>> t = "フランスのデュポン首相は英国を訪れた。デュポン氏とドイツのシュミット首相は会談し、両国は"
    >>> ms = [Mention(0, 4, "フランス", "Country", 0, key="france"),
    ...       Mention(5, 9, "デュポン", "Person", 0, key="dupont-x"),
    ...       Mention(12, 14, "英国", "Country", 0, key="united-kingdom"),
    ...       Mention(19, 23, "デュポン", "Person", 1, key="dupont-x"),
    ...       Mention(25, 28, "ドイツ", "Country", 1, key="germany"),
    ...       Mention(29, 34, "シュミット", "Person", 1, key="schmidt-x")]
    >>> [ms[i].key for i in leader_pair_states(t, 0, ms, [], [], len(t) - 2)]
    ['france', 'germany']
    """
    if sentences:
        sent = _sentence_of(sentences, at)
        lo = sentences[max(0, sent - 1)].start
    else:
        cut = text.rfind("。", 0, max(0, text.rfind("。", 0, at - offset)))
        lo = offset + cut + 1
    people = sorted([x for x in (*mentions, *corefs) if x.cls == "Person" and lo <= x.start and x.end <= at],
                    key=lambda x: (x.start, x.end))
    for first, second in reversed(list(zip(people, people[1:], strict=False))):
        if not _persons_joined(text, offset, first, second, mentions):
            continue
        after = text[second.end - offset :]
        title = next((t for t in _ALL_TITLES if after.startswith(t)), "")
        if not after[len(title):].startswith(SUBJECT_AFTER):
            continue
        states = [_state_of(text, offset, p, mentions) for p in (first, second)]
        if None in states or states[0] == states[1]:
            return []
        chosen = []
        for key in states:
            idx = [i for i, x in enumerate(mentions) if x.cls == "Country" and x.key == key and x.source != "coref"]
            prior = [i for i in idx if mentions[i].end <= at]
            if not idx:
                return []
            chosen.append(prior[-1] if prior else idx[0])
        return sorted(chosen)
    return []


def find_coref(text: str, offset: int, mentions: Sequence[Mention], sentences: Sequence[Sentence]
               ) -> list[Mention]:
    """Coreference mentions of ``text`` whose ``refers_to`` index ``mentions``.

    Parameters
    ----------
    text : str
        The chunk's text; ``offset`` is where it starts in the context.
    mentions : sequence of Mention
        The chunk's name mentions, sorted, absolute offsets.
    sentences : sequence of Sentence
        The document's sentences (absolute offsets); may be empty.

    Returns
    -------
    list of Mention
        Sorted; ``refers_to`` are indices into ``mentions``.

    Examples
    --------
    >>> from kg.types import Mention
    >>> ms = [Mention(0, 4, "ラブロフ", "Person", 0, key="sergey-lavrov", position="外相")]
    >>> [(m.text, m.key, m.refers_to) for m in find_coref("ラブロフ外相は述べた。同外相は", 0, ms, [])]
    [('同外相', 'sergey-lavrov', (0,))]
    """
    out: list[Mention] = []
    taken = [(m.start, m.end) for m in mentions]
    for m in _PATTERN.finditer(text):
        a, b = offset + m.start(), offset + m.end()
        if any(s < b and a < e for s, e in taken):
            continue
        sent = _sentence_of(sentences, a) if sentences else 0
        lo = sentences[max(0, sent - WINDOW)].start if sentences else 0
        before = [i for i, x in enumerate(mentions) if x.end <= a and x.start >= lo and x.source != "coref"]
        if m.group("pair"):
            classes = PAIR_RULES[m.group("pair")]
            if classes == ("Country",):
                pair = leader_pair_states(text, offset, mentions, out, sentences, a) or state_pair(
                    text, offset, mentions, before)
                if pair:
                    out.append(Mention(a, b, m.group(0), "Country", sent, source="coref", refers_to=tuple(pair)))
                continue
            chosen: list[int] = []
            seen: set[str] = set()
            for i in reversed(before):
                x = mentions[i]
                if x.cls in classes and _ident(x) not in seen and (
                        not chosen or len(classes) > 1 or x.cls == mentions[chosen[0]].cls):
                    chosen.append(i)
                    seen.add(_ident(x))
                if len(chosen) == 2:
                    break
            if len(chosen) == 2:
                chosen.reverse()
                out.append(Mention(a, b, m.group(0), mentions[chosen[0]].cls, sent, source="coref",
                                   refers_to=tuple(chosen)))
            continue
        title = m.group("title")[1:] if m.group("title") else ""
        classes = ("Person",) if title else SINGLE_RULES[m.group("single")]
        cands = [i for i in reversed(before) if mentions[i].cls in classes]
        if title:
            cands = [i for i in cands if mentions[i].position.endswith(title)] or cands
        if cands:
            x = mentions[cands[0]]
            out.append(Mention(a, b, m.group(0), x.cls, sent, key=x.key, source="coref", position=title,
                               refers_to=(cands[0],)))
    return out


def add_coref(text: str, offset: int, mentions: Sequence[Mention], sentences: Sequence[Sentence]
              ) -> list[Mention]:
    """``mentions`` plus their coreference mentions, sorted by (start, end),
    every ``refers_to`` pointing into the returned list.
    """
    base = sorted(mentions, key=lambda m: (m.start, m.end))
    extra = find_coref(text, offset, base, sentences)
    tagged = [(m.start, m.end, 0, i, m) for i, m in enumerate(base)]
    tagged += [(m.start, m.end, 1, i, m) for i, m in enumerate(extra)]
    tagged.sort(key=lambda t: (t[0], t[1], t[2], t[3]))
    new_index = {t[3]: pos for pos, t in enumerate(tagged) if t[2] == 0}
    out = []
    for _, _, _kind, _, m in tagged:
        if m.refers_to:
            m = replace(m, refers_to=tuple(new_index[i] for i in m.refers_to if i in new_index))
        out.append(m)
    return out
