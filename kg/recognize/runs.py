"""Organisation and event names read off runs of nouns: 「ロシア海軍」, 「東風汽車」, 「日本サッカー協会」.

An organisation's name in Japanese is often a run of nouns that opens with
a proper name (a state, a city, a founder) and ends in a head word that
says what it is (海軍, 汽車, 協会, 大学, 電力). GiNZA reads only the state
inside such a run (「ロシア」 in 「ロシア海軍の軍人」) or calls the run a
person. :func:`run_candidates` finds the longest run of noun tokens that
starts at a proper noun (or a curated name) and whose prefix, cut at a
token boundary, ends in an organisation head (:data:`kg.recognize.heads.HEADS`):
that prefix is one candidate, which then wraps the state inside it.

Heads that also end family names (社, 党, 隊, 局: see
:data:`kg.recognize.heads.WEAK_HEADS`) need a head token of their own, and
a government word (政府, 政権, 当局) never makes a run: a state's
government is the state. A run with a describing word (国営, 大手: see
:data:`DESCRIPTIVE`) describes an organisation without naming it.

>>> toks = [(0, 3, "ロシア", "名詞-固有名詞-地名-国"), (3, 5, "海軍", "名詞-普通名詞-一般"),
...         (5, 6, "の", "助詞-格助詞"), (6, 8, "軍人", "名詞-普通名詞-一般")]
>>> run_candidates(toks)
[(0, 5, 'ArmedForces', None, 'ner', 'run', '')]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from kg.recognize.heads import WEAK_HEADS, head_of
from kg.recognize.spans import GOVERNMENT_SUFFIXES

__all__ = ["RUN_CLASSES", "GEO_HEADS", "NOUN_TAGS", "DESCRIPTIVE", "run_candidates"]

#: classes a run's head may give (places: facilities only, see :data:`GEO_HEADS`)
RUN_CLASSES = frozenset({"Organization", "Company", "GovernmentBody", "ArmedForces", "Institute", "Media", "NamedEvent",
                         "Location"})
#: place heads of the land itself (regions, islands, rivers): GiNZA and the gazetteer read those;
#: a run keeps only the heads of built facilities (空港, 発電所, 神社 …)
GEO_HEADS = frozenset({"高原", "平野", "盆地", "諸島", "半島", "山脈", "海峡", "運河", "街道", "国道", "高速道路",
                       "支店", "本店", "工場"})
#: tags of the tokens a run is made of
NOUN_TAGS = ("名詞-固有名詞", "名詞-普通名詞", "接尾辞-名詞的", "名詞-数詞")
_START_TAG = "名詞-固有名詞"
#: proper-noun tags that never open an organisation's name (a person's given name, a title)
_NO_START = ("名詞-固有名詞-人名-名",)
#: words that make a run a description, not a name: 「中国国営通信社」 is China's state news agency
DESCRIPTIVE = frozenset({"国営", "国有", "公営", "官営", "民間", "大手", "主要", "政府系", "系", "各", "地元", "同"})


def _head_ok(span: str, last_token: str) -> str | None:
    """The organisation class the head of ``span`` gives, or None.

    >>> _head_ok("ロシア海軍", "海軍"), _head_ok("中山社", "社"), _head_ok("山田隊", "山田隊")
    ('ArmedForces', 'Company', None)
    """
    found = head_of(span)
    if found is None or found[1] not in RUN_CLASSES:
        return None
    head, cls = found
    if head in WEAK_HEADS and last_token != head or cls == "Location" and (head in WEAK_HEADS or head in GEO_HEADS):
        return None
    return cls


def run_candidates(tokens: Sequence[tuple[int, int, str, str]], starts: Iterable[int] = ()) -> list[tuple]:
    """Organisation names over runs of noun tokens, as recognition candidates.

    Parameters
    ----------
    tokens : sequence of (int, int, str, str)
        ``(start, end, text, tag)`` of each token, in order (GiNZA's ``tag_``).
    starts : iterable of int
        Offsets where a curated name (a state, a city) starts: a run may open there too.

    Returns
    -------
    list of tuple
        ``(start, end, cls, None, "ner", "run", "")``, one per run at most.

    Examples
    --------
    >>> toks = [(0, 2, "東風", "名詞-普通名詞-一般"), (2, 4, "汽車", "名詞-普通名詞-一般"),
    ...         (4, 5, "の", "助詞-格助詞")]
    >>> run_candidates(toks), run_candidates(toks, starts=[0])
    ([], [(0, 4, 'Company', None, 'ner', 'run', '')])
    >>> toks = [(0, 1, "第", "接頭辞"), (1, 2, "9", "名詞-数詞"), (2, 4, "師団", "名詞-普通名詞-一般")]
    >>> run_candidates(toks)
    [(0, 4, 'ArmedForces', None, 'ner', 'run', '')]
    >>> toks = [(0, 2, "日本", "名詞-固有名詞-地名-国"), (2, 4, "政府", "名詞-普通名詞-一般")]
    >>> run_candidates(toks)
    []
    """
    start_set = set(starts)
    out: list[tuple] = []
    n = len(tokens)
    i = 0
    while i < n:
        s, _, _, tag = tokens[i]
        ordinal = tokens[i][2] == "第" and i + 1 < n and tokens[i + 1][3].startswith("名詞-数詞")  # 第6師団
        opens = (tag.startswith(_START_TAG) and not tag.startswith(_NO_START)) or s in start_set or ordinal
        if not opens:
            i += 1
            continue
        j = i + 1
        while j < n and tokens[j][3].startswith(NOUN_TAGS) and tokens[j][0] == tokens[j - 1][1]:
            j += 1
        if any(t[2] in DESCRIPTIVE for t in tokens[i + 1:j]):
            i = j
            continue
        found = None
        # the longest prefix of two tokens or more; a dictionary proper noun alone (日本航空) too
        low = i if tag.startswith(_START_TAG) and not tag.startswith(_NO_START) else i + 1
        for k in range(j, low, -1):
            span = "".join(t[2] for t in tokens[i:k])
            if span.endswith(GOVERNMENT_SUFFIXES):
                continue
            cls = _head_ok(span, tokens[k - 1][2])
            if cls == "Location" and s in start_set:
                continue  # 「平壌中央広場」: a square described by its city; the city is the mention
            if cls:
                found = (s, tokens[k - 1][1], cls, None, "ner", "run", "")
                break
        if found:
            out.append(found)
        i = j
    return out
