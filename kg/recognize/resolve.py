"""Names resolved within one document.

News names a person in full once (「ウラジーミル・プーチン大統領」) and then by
surname (「プーチン」) or, in English asides, by the Latin surname
(「Kuhrt」 after 「ナターシャ・クルト」). :func:`resolve_names`:

1. gives every unlinked name the class its mentions in this document most
   often carry (GiNZA may call the same プーチン a person twice and a
   country once);
2. links unknown katakana full names to curated people with
   :func:`kg.recognize.fuzzy.best_match` (ブリンカーン → ブリンケン);
3. resolves surname-only and given-name-only forms to the full person of
   the same document: a curated one gives its ``key``; an uncurated one
   turns the short form into a coreference mention (``source="coref"``,
   ``refers_to`` the full name) so both become one entity.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from kg.normalize import is_katakana_name, norm_key
from kg.recognize.fuzzy import DEFAULT_THRESHOLD, best_match, name_parts, romanize
from kg.recognize.gazetteer import gazetteer
from kg.types import Mention

__all__ = ["resolve_names", "consonants", "latin_matches_kana"]

_AGREEMENTS = frozenset({"Agreement", "JointStatement", "Treaty", "Partnership", "Plan", "Deal"})
_LATIN = re.compile(r"^[A-Za-z][A-Za-z'’.-]+$")


def consonants(word: str) -> str:
    """The consonant skeleton of a romanised word (vowels, h and y dropped).

    >>> consonants("Kuhrt"), consonants(romanize("クルト"))
    ('krt', 'krt')
    """
    return re.sub(r"[aeiouhy]", "", word.lower())


def latin_matches_kana(latin: str, kana: str) -> bool:
    """True when a Latin surname and a katakana one share their consonant skeleton.

    >>> latin_matches_kana("Kuhrt", "クルト"), latin_matches_kana("Putin", "プーチン")
    (True, True)
    >>> latin_matches_kana("Kirby", "クルト")
    False
    """
    a = consonants(latin)
    b = consonants(romanize(kana).replace("ti", "t").replace("tu", "t"))
    # katakana adds vowels and doubles: compare with the kana skeleton's s/t variants folded
    # one class per sound katakana cannot tell apart: l/r; b/v/w/f (ラブロフ Lavrov, ペトロワ Petrova)
    fold = str.maketrans({"c": "k", "q": "k", "v": "b", "w": "b", "f": "b", "z": "s", "x": "ks", "j": "z",
                          "l": "r"})
    return len(a) >= 2 and a.translate(fold) == b.translate(fold)


def _majority_classes(mentions: Sequence[Mention]) -> dict[str, str]:
    votes: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        if m.source != "coref" and m.cls not in _AGREEMENTS:
            votes[norm_key(m.text)][m.cls] += 1 + (m.key is not None) * 10
    return {k: sorted(c.items(), key=lambda kv: (-kv[1], kv[0] != "Person", kv[0]))[0][0] for k, c in votes.items()}


def resolve_names(mentions: Sequence[Mention], kb: Any) -> list[Mention]:
    """Resolve short and variant names to the people named in the same document.

    Parameters
    ----------
    mentions : sequence of Mention
        Every mention of ONE document, in document order (``refers_to``
        indices point into it and stay valid: the order is kept).
    kb : kg.kb.KnowledgeBase or None

    Returns
    -------
    list of Mention
        The same mentions, some with ``key``, ``cls``, ``source`` or
        ``refers_to`` set.

    Examples
    --------
    >>> ms = [Mention(0, 9, "ナターシャ・クルト", "Person", 0), Mention(20, 23, "クルト", "Person", 1),
    ...       Mention(30, 35, "Kuhrt", "Person", 2)]
    >>> [(m.source, m.refers_to) for m in resolve_names(ms, None)]
    [('ner', ()), ('coref', (0,)), ('coref', (0,))]
    """
    g = gazetteer(kb)
    out = list(mentions)
    major = _majority_classes(out)
    for i, m in enumerate(out):
        if m.key is None and m.source != "coref" and m.cls not in _AGREEMENTS:
            c = major.get(norm_key(m.text), m.cls)
            if c != m.cls:
                out[i] = replace(m, cls=c)
    # 2. unknown katakana full names -> curated people
    cands = g.person_candidates("ja")
    for i, m in enumerate(out):
        if (m.key is None and m.cls == "Person" and m.source != "coref" and len(name_parts(m.text)) >= 2
                and is_katakana_name(m.text) and cands):
            key = best_match(m.text, cands, threshold=DEFAULT_THRESHOLD)
            if key:
                out[i] = replace(m, key=key, source="fuzzy")
    # 3. short forms -> full names of this document
    full: list[tuple[int, list[str]]] = []
    for i, m in enumerate(out):
        if m.cls == "Person" and m.source != "coref":
            parts = name_parts(m.text)
            if m.key and m.key in g.persons:
                p = g.persons[m.key]
                parts = parts if len(parts) >= 2 else name_parts(p.ja) or parts
                en = name_parts(p.en)
                if en:
                    full.append((i, [*parts, *en]))
                    continue
            if len(parts) >= 2:
                full.append((i, parts))
    for i, m in enumerate(out):
        if m.cls != "Person" or m.source == "coref" or len(name_parts(m.text)) != 1:
            continue
        if m.key is not None:
            continue
        short = m.text
        match = None
        for j, parts in reversed(full):
            if j == i:
                continue
            if _LATIN.match(short):
                ok = any(norm_key(p) == norm_key(short) for p in parts) or (
                    is_katakana_name(parts[-1]) and latin_matches_kana(short, parts[-1]))
            else:
                ok = norm_key(short) in (norm_key(parts[0]), norm_key(parts[-1])) or norm_key(short) in {
                    norm_key(p) for p in parts}
            if ok:
                match = j
                if j < i:
                    break
        if match is None:
            continue
        target = out[match]
        if target.key:
            out[i] = replace(m, key=target.key)
        else:
            out[i] = replace(m, source="coref", refers_to=(match,))
    return out
