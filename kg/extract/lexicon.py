"""The predicate lexicon: verbs and verbal nouns coded to PLOVER event types.

The lexicon is data (``kg/data/lexicon/predicates_ja.yaml`` and
``predicates_en.yaml``); this module only loads it into small frozen
records and answers look-ups.

Examples
--------
>>> lex = load_lexicon("ja")
>>> p = lex.lookup("非難")
>>> p.etype, p.strength >= 0.9
('ACCUSE', True)
>>> lex.lookup("深める", objects=("関係",)).etype
'COOPERATE'
>>> lex.lookup("深める", objects=("理解",)) is None
True
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg.errors import ConfigError

__all__ = ["PLOVER_TYPES", "SYMMETRIC_TYPES", "Predicate", "Lexicon", "load_lexicon", "LEXICON_DIR"]

log = logging.getLogger(__name__)

LEXICON_DIR = Path(__file__).resolve().parent.parent / "data" / "lexicon"

#: The 16 PLOVER event types of the schema.
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip

#: Types whose participants are all actors (no direction).
SYMMETRIC_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE"})

_ACTOR_MARKERS = ("が", "は", "も", "では", "としては", "側は")
_PASSIVE_AGENT = ("によって", "により", "による", "から", "に")


@dataclass(frozen=True)
class Predicate:
    """One lexicon entry.

    ``targets`` are the case markers that give the target; ``objects``, when
    not empty, are the object nouns the predicate needs to code its type.
    For English entries ``forms`` are the inflected surface forms.
    """

    lemma: str
    etype: str
    mode: str = ""
    strength: float = 0.5
    targets: tuple[str, ...] = ()
    objects: tuple[str, ...] = ()
    forms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Lexicon:
    """A language's predicates and the tables that go with them."""

    lang: str
    predicates: dict[str, tuple[Predicate, ...]]
    light_verbs: dict[str, dict[str, Any]] = field(default_factory=dict)
    speech_verbs: frozenset[str] = frozenset()
    mode_hints: dict[str, str] = field(default_factory=dict)
    embedded_asserted: dict[str, frozenset[str]] = field(default_factory=dict)
    irregular: dict[str, tuple[str, ...]] = field(default_factory=dict)
    actor_markers: tuple[str, ...] = _ACTOR_MARKERS
    passive_agent_markers: tuple[str, ...] = _PASSIVE_AGENT

    def __len__(self) -> int:
        return sum(len(v) for v in self.predicates.values())

    def lookup(self, lemma: str, objects: Iterable[str] = ()) -> Predicate | None:
        """The entry coding ``lemma``, or None.

        An entry restricted to some object nouns (``obj`` in the data) only
        matches when one of ``objects`` ends with one of them; among the
        matching entries the restricted ones win, then the strongest.

        >>> load_lexicon("ja").lookup("凍結", objects=("資産",)).etype
        'COERCE'
        >>> load_lexicon("ja").lookup("凍結", objects=("協力",)).etype
        'SANCTION'
        """
        cands = self.predicates.get(lemma, ())
        objs = tuple(objects)
        best: Predicate | None = None
        best_rank = (-1, -1.0)
        for p in cands:
            if p.objects:
                if not any(o.endswith(x) for o in objs for x in p.objects):
                    continue
                rank = (1, p.strength)
            else:
                rank = (0, p.strength)
            if rank > best_rank:
                best, best_rank = p, rank
        return best

    def is_light(self, lemma: str) -> bool:
        """True when ``lemma`` is a light verb (会談を *行う*).

        >>> load_lexicon("ja").is_light("行う")
        True
        """
        return lemma in self.light_verbs

    def retype(self, light_lemma: str, etype: str) -> str:
        """The type a light-verb construction gives a noun of type ``etype``.

        >>> load_lexicon("ja").retype("表明", "AID")
        'SUPPORT'
        >>> load_lexicon("ja").retype("行う", "CONSULT")
        'CONSULT'
        """
        return (self.light_verbs.get(light_lemma) or {}).get("retype", {}).get(etype, etype)


def _bad(path: Path, detail: str) -> ConfigError:
    return ConfigError(
        f"[E601] {path}: {detail}; expected the lexicon layout described at the top of the file. "
        "Fix the entry or restore the file from git"
    )


def _parse_types(path: Path, data: dict[str, Any]) -> dict[str, tuple[Predicate, ...]]:
    out: dict[str, list[Predicate]] = {}
    for etype, block in (data.get("types") or {}).items():
        if etype not in PLOVER_TYPES:
            raise _bad(path, f"unknown event type {etype!r}")
        default_t = tuple(block.get("target") or block.get("t") or ())
        for lemma, e in (block.get("predicates") or {}).items():
            e = e or {}
            s = float(e.get("s", 0.5))
            if not 0.0 <= s <= 1.0:
                raise _bad(path, f"strength {s} of {lemma!r} is outside 0..1")
            forms = tuple(e.get("forms") or ())
            p = Predicate(
                lemma=str(lemma),
                etype=etype,
                mode=str(e.get("m", "") or ""),
                strength=s,
                targets=tuple(e.get("t") or default_t),
                objects=tuple(e.get("obj") or ()),
                forms=forms,
            )
            out.setdefault(str(lemma), []).append(p)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=4)
def load_lexicon(lang: str = "ja") -> Lexicon:
    """Load the predicate lexicon of a language (``ja`` or ``en``), cached.

    Raises
    ------
    ConfigError
        When the file is missing or malformed.

    >>> len(load_lexicon("ja")) > 300
    True
    """
    import yaml

    path = LEXICON_DIR / f"predicates_{lang}.yaml"
    if not path.is_file():
        raise ConfigError(
            f"[E600] no predicate lexicon for language {lang!r} at {path}; expected 'ja' or 'en'. "
            "Reinstall the package or restore kg/data/lexicon/"
        )
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise _bad(path, f"not valid YAML ({exc})") from exc
    lex = Lexicon(
        lang=lang,
        predicates=_parse_types(path, data),
        light_verbs={str(k): (v or {}) for k, v in (data.get("light_verbs") or {}).items()},
        speech_verbs=frozenset(data.get("speech_verbs") or ()),
        mode_hints={str(k): str(v) for k, v in (data.get("mode_hints") or {}).items()},
        embedded_asserted={k: frozenset(v) for k, v in (data.get("embedded_asserted") or {}).items()},
        irregular={str(k): tuple(v or ()) for k, v in (data.get("irregular") or {}).items()},
    )
    log.debug("lexicon %s: %d predicates", lang, len(lex))
    return lex
