"""Join an address written as a chain of administrative units into one place.

Japanese addresses run units together with no separator (「山梨県南巨摩郡身延町」,
「長野県松本市大字島内」): the recogniser finds each unit, but the address names one
place, the last unit, and is one mention. :func:`merge_addresses` joins such runs
among the chosen candidates.
"""

from __future__ import annotations

__all__ = ["ADMIN_SUFFIXES", "merge_addresses"]

#: endings of an administrative unit that another, smaller unit may follow directly
ADMIN_SUFFIXES: tuple[str, ...] = ("都", "道", "府", "県", "州", "省", "郡", "市", "区", "町", "村", "大字", "字")
_PLACE = "Location"


def _unit(text: str) -> bool:
    return len(text) >= 2 and text.endswith(ADMIN_SUFFIXES)


def merge_addresses(cands: list[tuple], text: str) -> list[tuple]:
    """Merge runs of touching place candidates whose earlier pieces end in an administrative unit.

    ``cands`` are ``(start, end, cls, key, source, ner_label, position)`` sorted by
    start; the joined candidate takes the last piece's class and key (the address
    names the smallest unit).

    Examples
    --------
    >>> t = "寺は山梨県南巨摩郡身延町にある"
    >>> c = [(2, 5, "Location", "yamanashi", "kb", "", ""), (5, 9, "Location", None, "ner", "", ""),
    ...      (9, 12, "Location", None, "ner", "", "")]
    >>> [(t[s:e], k) for s, e, _, k, *_ in merge_addresses(c, t)]
    [('山梨県南巨摩郡身延町', None)]
    >>> t = "東京と大阪市で"
    >>> c = [(0, 2, "Location", "tokyo", "kb", "", ""), (3, 6, "Location", None, "ner", "", "")]
    >>> len(merge_addresses(c, t))
    2
    """
    out: list[tuple] = []
    for c in cands:
        prev = out[-1] if out else None
        if (prev is not None and prev[2] == _PLACE and c[2] == _PLACE and prev[1] == c[0]
                and _unit(text[prev[0]:prev[1]])):
            out[-1] = (prev[0], c[1], c[2], c[3], "ner" if c[4] == "kb" else c[4], c[5], c[6])
            continue
        out.append(c)
    return out
