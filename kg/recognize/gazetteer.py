"""The knowledge base seen as lookup tables for recognition.

:func:`gazetteer` builds (once per knowledge-base object) the tables the
recognisers need: exact surface forms per language, a table keyed by
:func:`kg.normalize.norm_key` for katakana and Latin variants, the
one-character abbreviations used in compounds (米中, 日米豪印), and the
people with their offices. Only the public interface of ``kg.kb`` is used
(``records``, ``surface_forms(lang)``, ``abbreviations``), so a small test
double works too.

>>> from types import SimpleNamespace as NS
>>> kb = NS(records={"russia": NS(type="Country", ja="ロシア", en="Russia")},
...         abbreviations={"露": "russia"},
...         surface_forms=lambda lang: iter([("ロシア", "russia")] if lang != "en" else [("Russia", "russia")]))
>>> g = gazetteer(kb)
>>> g.ja_exact["ロシア"], g.cls_of("russia"), g.abbreviations["露"]
(('russia', 'Country'), 'Country', 'russia')
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from kg.normalize import is_katakana_name, nfkc, norm_key

__all__ = ["Gazetteer", "Person", "gazetteer", "field_of", "surname_person", "CLASS_PRIORITY"]

#: Which class wins when one surface form names several records (米 → the state, not a person).
CLASS_PRIORITY = ("Country", "InternationalOrganization", "Person", "GovernmentBody", "Organization",
                  "Media", "ArmedForces", "Company", "Institute", "Location", "NamedEvent", "Agreement")
_LATIN = re.compile(r"[A-Za-z]")
_cache: dict[int, tuple[Any, Gazetteer]] = {}


def field_of(rec: Any, name: str, default: Any = None) -> Any:
    """Read a record field whether records are objects or mappings.

    >>> field_of({"ja": "米国"}, "ja"), field_of(object(), "ja", "")
    ('米国', '')
    """
    if isinstance(rec, dict):
        return rec.get(name, default)
    return getattr(rec, name, default)


@dataclass(frozen=True)
class Person:
    """A curated person: id, names and the titles of their offices."""

    id: str
    ja: str
    en: str
    titles: tuple[str, ...] = ()


@dataclass
class Gazetteer:
    """Lookup tables over one knowledge base."""

    ja_exact: dict[str, tuple[str, str]] = field(default_factory=dict)
    ja_norm: dict[str, tuple[str, str]] = field(default_factory=dict)
    en_exact: dict[str, tuple[str, str]] = field(default_factory=dict)
    en_norm: dict[str, tuple[str, str]] = field(default_factory=dict)
    abbreviations: dict[str, str] = field(default_factory=dict)
    persons: dict[str, Person] = field(default_factory=dict)
    classes: dict[str, str] = field(default_factory=dict)
    ja_max: int = 1
    en_max: int = 1

    def cls_of(self, key: str, default: str = "") -> str:
        """The class local name of a record id."""
        return self.classes.get(key, default)

    def lookup_ja(self, surface: str) -> tuple[str, str] | None:
        """``(id, cls)`` for a Japanese surface form, exact first, then by :func:`norm_key`."""
        hit = self.ja_exact.get(surface)
        if hit is None and (is_katakana_name(surface) or _LATIN.search(surface)):
            hit = self.ja_norm.get(norm_key(surface))
        return hit

    def lookup_en(self, surface: str) -> tuple[str, str] | None:
        """``(id, cls)`` for an English surface form, exact first, then case-folded."""
        return self.en_exact.get(surface) or self.en_norm.get(norm_key(surface))

    def person_candidates(self, lang: str = "ja") -> list[tuple[str, str]]:
        """``(name, id)`` pairs of every curated person, for fuzzy matching."""
        return [((p.ja if lang == "ja" else p.en), p.id) for p in self.persons.values()
                if (p.ja if lang == "ja" else p.en)]


def _prio(cls: str) -> int:
    return CLASS_PRIORITY.index(cls) if cls in CLASS_PRIORITY else len(CLASS_PRIORITY)


def _put(table: dict[str, tuple[str, str]], key: str, val: tuple[str, str]) -> None:
    old = table.get(key)
    if old is None or _prio(val[1]) < _prio(old[1]):
        table[key] = val


def _titles(rec: Any) -> tuple[str, ...]:
    out = []
    for o in field_of(rec, "offices", None) or ():
        t = field_of(o, "title_ja", "")
        if t:
            out.append(str(t))
    return tuple(out)


def _build(kb: Any) -> Gazetteer:
    g = Gazetteer()
    records = field_of(kb, "records", {}) or {}
    items: Iterable = records.items() if isinstance(records, dict) else ((field_of(r, "id"), r) for r in records)
    for rid, rec in items:
        cls = str(field_of(rec, "type", "") or "Organization")
        g.classes[rid] = cls
        if cls == "Person":
            g.persons[rid] = Person(rid, str(field_of(rec, "ja", "") or ""), str(field_of(rec, "en", "") or ""),
                                    _titles(rec))
    # Japanese text carries Latin forms too (NATO, G7), so the Japanese tables take every language
    for lang, exact, norm in ((None, g.ja_exact, g.ja_norm), ("en", g.en_exact, g.en_norm)):
        try:
            forms = list(kb.surface_forms(lang))
        except (AttributeError, TypeError):
            forms = []
        for surface, rid in forms:
            s = nfkc(str(surface))
            if not s:
                continue
            val = (rid, g.classes.get(rid, "Organization"))
            _put(exact, s, val)
            if len(s) > 1:
                _put(norm, norm_key(s), val)
    g.ja_max = max((len(s) for s in g.ja_exact), default=1)
    g.en_max = max((len(s.split()) for s in g.en_exact), default=1)
    abbr = field_of(kb, "abbreviations", {}) or {}
    g.abbreviations = {str(k): str(v) for k, v in dict(abbr).items()}
    return g


def gazetteer(kb: Any) -> Gazetteer:
    """The lookup tables of a knowledge base, built once per KB object.

    Parameters
    ----------
    kb : kg.kb.KnowledgeBase or None
        ``None`` gives empty tables (recognition then relies on GiNZA alone).
    """
    if kb is None:
        return Gazetteer()
    hit = _cache.get(id(kb))
    if hit is not None and hit[0] is kb:
        return hit[1]
    g = _build(kb)
    _cache[id(kb)] = (kb, g)
    return g


def surname_person(g: Gazetteer, surname: str, title: str = "") -> str | None:
    """The one curated person whose Japanese name starts with ``surname`` and
    who held an office with this title (a suffix match: 委員長 fits 国務委員長).

    Returns ``None`` when no person, or more than one, fits.

    >>> g = Gazetteer(persons={"xi-jinping": Person("xi-jinping", "習近平", "Xi Jinping", ("国家主席",))})
    >>> surname_person(g, "習", "主席"), surname_person(g, "習", "首相"), surname_person(g, "李", "")
    ('xi-jinping', None, None)
    """
    hits = [p.id for p in g.persons.values()
            if p.ja.startswith(surname) and len(p.ja) > len(surname)
            and (not title or any(t.endswith(title) or title.endswith(t) for t in p.titles))]
    return hits[0] if len(hits) == 1 else None
