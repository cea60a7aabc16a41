"""Sports clubs: 「FCロストフ」, 「ベンフィカSC」, 「デンバー・ブロンコス」.

Club names are built on a city's name, which the knowledge base knows and
GiNZA reads as a place or a person: a Latin club abbreviation before or
after a name (FC, AC, SC, PSV …, :data:`CLUB_TAGS`), or a city, a middle
dot and a plural nickname (「…・…ズ」, 「…・…ツ」). :func:`team_candidates`
returns them as whole Organization spans, trusted over the city inside.

>>> team_candidates("彼はFCロストフに移籍した", lambda t: False)
[(2, 8, 'Organization')]
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["CLUB_TAGS", "LAST_TAGS", "team_candidates"]

#: Latin abbreviations of football and sports clubs (Football Club, Associazione Sportiva …)
CLUB_TAGS: tuple[str, ...] = (
    "FC", "AFC", "AC", "AS", "US", "SC", "SV", "CF", "CD", "FK", "SK", "PSV", "SSC", "TSV", "VfB", "VfL", "RC",
    "UD", "SD", "CA", "SE", "KV", "RSC", "NK", "HNK", "BK", "IF", "AIK", "SCO", "OGC", "RCD", "SSV", "FSV",
)
_KATA = "\u30A1-\u30FA\u30FC"
_NAME = f"[{_KATA}]+(?:[・･][{_KATA}]+)*"
#: the tags that may close a name (CD or SE after a word are a disc or a sound effect)
LAST_TAGS: tuple[str, ...] = ("FC", "SC", "SCO", "CF", "SV", "FK", "SK", "BK", "AC")
_TAGS = "|".join(sorted(CLUB_TAGS, key=len, reverse=True))
_LAST = "|".join(sorted(LAST_TAGS, key=len, reverse=True))
#: a tag before a katakana name (FCロストフ), or a katakana or kanji name before a tag (ベンフィカSC, 札幌FC)
_TAG_FIRST = re.compile(f"(?<![A-Za-z])(?:{_TAGS}) ?[{_KATA}]{{3,}}(?:[・･][{_KATA}]+)*")
_TAG_LAST = re.compile(f"(?:[\u3400-\u9FFF々]*{_NAME}|[\u3400-\u9FFF々]{{2,}}) ?(?:{_LAST})(?![A-Za-z])")
#: city + middle dot + a plural nickname in katakana (ズ, ツ, ス end English plurals)
_CITY_NICK = re.compile(f"([{_KATA}]+)[・･]([{_KATA}]+[ズツス])(?![{_KATA}・･])")


def team_candidates(text: str, is_place: Callable[[str], bool]) -> list[tuple[int, int, str]]:
    """Sports clubs in ``text`` as ``(start, end, "Organization")``.

    Parameters
    ----------
    text : str
        Japanese text.
    is_place : callable
        True when a name is a curated city, region or state.

    Returns
    -------
    list of (int, int, str)
        Non-overlapping spans, in text order.

    Examples
    --------
    >>> places = {"デンバー"}
    >>> [text[s:e] for text in ["デンバー・ブロンコスの選手", "ジョン・ブロンコスの選手"]
    ...  for s, e, _ in team_candidates(text, places.__contains__)]
    ['デンバー・ブロンコス']
    >>> team_candidates("USドルと新曲CD", lambda x: False)
    []
    >>> t = "ベンフィカSCと札幌FCが対戦"
    >>> [t[s:e] for s, e, _ in team_candidates(t, lambda x: False)]
    ['ベンフィカSC', '札幌FC']
    """
    spans: list[tuple[int, int]] = []
    for rx in (_TAG_FIRST, _TAG_LAST):
        spans.extend(m.span() for m in rx.finditer(text))
    for m in _CITY_NICK.finditer(text):
        if m.start(1) > 0 and re.match(f"[{_KATA}・･]", text[m.start(1) - 1]):
            continue  # 「…・シティ・…ズ」: the city is not where the name opens
        if is_place(m.group(1)) and not is_place(m.group(0)):
            spans.append(m.span())
    out: list[tuple[int, int, str]] = []
    for s, e in sorted(spans, key=lambda x: (x[0], -x[1])):
        if out and s < out[-1][1]:
            continue
        out.append((s, e, "Organization"))
    return out
