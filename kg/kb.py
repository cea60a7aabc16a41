"""The curated knowledge base: loader, lookups and the background graph.

Reads the YAML record lists under ``kg/data/kb/`` (format: that folder's
``README.md``) into a :class:`KnowledgeBase`: records by id, an alias index
keyed by :func:`kg.normalize.norm_key`, the one-character country
abbreviations (米, 露, 中 ...), offices in time and memberships in time.
:func:`kb_to_rdf` (:mod:`kg.kb_rdf`, re-exported here) writes the curated facts
into the background graph.

Examples
--------
>>> kb = load_kb()
>>> kb.by_alias("アメリカ")
('united-states',)
>>> kb.abbreviations["露"]
'russia'
>>> kb.affiliation_at("vladimir-putin", "2024-05-16")
'russia'
"""

from __future__ import annotations

import datetime as _dt
import functools
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import ConfigError
from kg.normalize import norm_key

__all__ = ["KB_DIR", "TYPES", "ORG_TYPES", "Office", "Membership", "KBRecord", "KnowledgeBase", "load_kb", "kb_to_rdf"]

log = logging.getLogger(__name__)

KB_DIR = Path(__file__).parent / "data" / "kb"
#: files in KB_DIR that are generator input, not record lists
NOT_RECORDS = frozenset({"press_forms.yaml"})
ORG_TYPES = frozenset(
    {"Organization", "InternationalOrganization", "GovernmentBody", "Media", "Company", "ArmedForces", "Institute"}
)
TYPES = ORG_TYPES | {"Country", "Person", "Location", "Agreement", "NamedEvent"}
_LIST_FIELDS = ("aliases_ja", "aliases_en", "shared_aliases")
_REF_FIELDS = ("country", "parent")

#: error templates of this module (codes E6xx belong to the knowledge base)
KB_MESSAGES = {
    "E601": "{path}: cannot read the knowledge base file ({detail}); expected a YAML list of records",
    "E602": "{path}: record {rid}: {detail}",
    "E603": "{path}: duplicate id {rid!r} (first defined in {other}); give every record its own id",
    "E604": "{path}: record {rid}: {field} refers to unknown id {ref!r}; add that record or fix the id",
    "E605": "alias {alias!r} is claimed by {a} ({ta}) and {b} ({tb}); list it under shared_aliases of one of them or drop it",
    "E606": "abbreviation {abbr!r} is claimed by {a} and {b}; keep one-character abbreviations unique",
    "E607": "no knowledge-base folder at {path}; expected a folder of YAML record lists",
}


def _err(code: str, **fields: object) -> ConfigError:
    err = ConfigError(f"[{code}] " + KB_MESSAGES[code].format(**fields))
    err.code = code
    return err


def _bound(value: Any, end: bool) -> str | None:
    """An office or membership bound as an ISO date string (years widen to the whole year).

    >>> _bound(2022, end=False), _bound(2022, end=True), _bound("2022-10", end=True)
    ('2022-01-01', '2022-12-31', '2022-10-31')
    >>> _bound(None, end=True) is None
    True
    """
    if value is None:
        return None
    if isinstance(value, _dt.date):
        return value.isoformat()
    s = str(value).strip()
    if len(s) == 4 and s.isdigit():
        return s + ("-12-31" if end else "-01-01")
    if len(s) == 7:
        return s + ("-31" if end else "-01")
    return s[:10]


def _span(date: str | int) -> tuple[str, str]:
    """The interval a query date covers: a year, a month or a day."""
    return _bound(date, end=False) or "", _bound(date, end=True) or ""


@dataclass(frozen=True)
class Office:
    """An office held: ``title`` of ``of`` (a country or organisation id) from ``start`` to ``end``.

    ``start``/``end`` are ISO dates or years as written (``end`` None: still in office).

    >>> o = Office("首相", "Prime Minister", "japan", "2021-10-04", "2024-10-01")
    >>> o.covers("2023"), o.covers("2025-01-01"), o.since_year
    (True, False, 2021)
    """

    title_ja: str
    title_en: str
    of: str
    start: str | None = None
    end: str | None = None

    def covers(self, date: str | int) -> bool:
        """True when the office overlaps the year, month or day ``date``."""
        lo, hi = _span(date)
        s, e = _bound(self.start, False), _bound(self.end, True)
        return (s is None or s <= hi) and (e is None or e >= lo)

    @property
    def since_year(self) -> int | None:
        """The year the office began."""
        return int(str(self.start)[:4]) if self.start else None

    @property
    def until_year(self) -> int | None:
        """The year it ended (None: current)."""
        return int(str(self.end)[:4]) if self.end else None


@dataclass(frozen=True)
class Membership:
    """``member`` belongs to an organisation from ``start`` to ``end`` (years; None: open or unknown).

    ``stable`` is False for memberships written as ``null`` (uncertain): they
    are kept for lookups but not written to the graph.
    """

    member: str
    start: int | None = None
    end: int | None = None
    stable: bool = True

    def covers(self, year: int) -> bool:
        """True when the membership holds in ``year``."""
        return (self.start is None or self.start <= year) and (self.end is None or year <= self.end)


@dataclass(frozen=True)
class KBRecord:
    """One curated entity (see ``kg/data/kb/README.md`` for the fields)."""

    id: str
    type: str
    en: str = ""
    ja: str = ""
    aliases_ja: tuple[str, ...] = ()
    aliases_en: tuple[str, ...] = ()
    abbr: tuple[str, ...] = ()
    iso: str = ""
    wikidata: str = ""
    country: str = ""
    parent: str = ""
    status: str = ""
    kind: str = ""  # locations: capital, city, region, sea ... (data field ``kind``)
    members: tuple[Membership, ...] = ()
    offices: tuple[Office, ...] = ()
    shared_aliases: tuple[str, ...] = ()
    source: str = field(default="", compare=False)

    def names(self, lang: str | None = None) -> Iterator[tuple[str, str]]:
        """(name, lang) pairs: the canonical names first, then aliases (not abbreviations)."""
        if lang in (None, "ja"):
            yield from ((n, "ja") for n in (self.ja, *self.aliases_ja) if n)
        if lang in (None, "en"):
            yield from ((n, "en") for n in (self.en, *self.aliases_en) if n)


def _members(raw: Any, path: str, rid: str) -> tuple[Membership, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, dict):
        raise _err("E602", path=path, rid=rid, detail=f"members must be a mapping id -> year, got {type(raw).__name__}")
    out = []
    for mid, v in raw.items():
        spans = v if isinstance(v, list) else [v]
        for sp in spans:
            if sp is True:
                out.append(Membership(str(mid)))
            elif sp is None:
                out.append(Membership(str(mid), stable=False))
            elif isinstance(sp, int):
                out.append(Membership(str(mid), sp))
            elif isinstance(sp, dict) and set(sp) <= {"from", "to"}:
                out.append(Membership(str(mid), sp.get("from"), sp.get("to")))
            else:
                raise _err("E602", path=path, rid=rid, detail=f"member {mid}: expected a year, true, null or {{from, to}}, got {sp!r}")
    return tuple(out)


def _record(raw: Any, path: str) -> KBRecord:
    if not isinstance(raw, dict) or "id" not in raw:
        raise _err("E602", path=path, rid="?", detail=f"expected a mapping with an 'id', got {str(raw)[:80]!r}")
    rid = str(raw["id"])
    typ = raw.get("type")
    if typ not in TYPES:
        raise _err("E602", path=path, rid=rid, detail=f"unknown type {typ!r}; expected one of {', '.join(sorted(TYPES))}")
    if not (raw.get("en") or raw.get("ja")):
        raise _err("E602", path=path, rid=rid, detail="no name: give 'ja' and/or 'en'")
    for f in _LIST_FIELDS:
        if f in raw and not isinstance(raw[f], list):
            raise _err("E602", path=path, rid=rid, detail=f"{f} must be a list, got {raw[f]!r}")
    abbr = raw.get("abbr") or ()
    abbr = (abbr,) if isinstance(abbr, str) else tuple(abbr)
    if any(len(a) != 1 for a in abbr):
        raise _err("E602", path=path, rid=rid, detail=f"abbr must be one character each, got {abbr!r}")
    offices = []
    for o in raw.get("offices") or ():
        if not isinstance(o, dict) or not o.get("of") or not (o.get("title_en") or o.get("title_ja")):
            raise _err("E602", path=path, rid=rid, detail=f"office needs 'of' and a title, got {o!r}")
        offices.append(
            Office(o.get("title_ja", ""), o.get("title_en", ""), str(o["of"]),
                   _bound(o.get("from"), False) and str(o["from"]), o.get("to") and str(o["to"]))
        )
    return KBRecord(
        id=rid, type=typ, en=str(raw.get("en") or ""), ja=str(raw.get("ja") or ""),
        aliases_ja=tuple(str(a) for a in raw.get("aliases_ja") or ()),
        aliases_en=tuple(str(a) for a in raw.get("aliases_en") or ()),
        abbr=abbr, iso=str(raw.get("iso") or ""), wikidata=str(raw.get("wikidata") or ""),
        country=str(raw.get("country") or ""), parent=str(raw.get("parent") or ""),
        status=str(raw.get("status") or ""), kind=str(raw.get("kind") or ""), members=_members(raw.get("members"), path, rid),
        offices=tuple(offices), shared_aliases=tuple(raw.get("shared_aliases") or ()), source=path,
    )


class KnowledgeBase:
    """The loaded records with their indexes (build it with :func:`load_kb`).

    Examples
    --------
    >>> kb = load_kb()
    >>> kb.by_alias("USA") == kb.by_alias("米国") == ("united-states",)
    True
    >>> "finland" in kb.members_at("nato", 2023), "finland" in kb.members_at("nato", 2022)
    (True, False)
    """

    def __init__(self, records: dict[str, KBRecord]) -> None:
        self.records = records
        self._alias: dict[str, tuple[str, ...]] = {}
        index: dict[str, list[str]] = {}
        for rec in records.values():
            for name, _ in rec.names():
                ids = index.setdefault(norm_key(name), [])
                if rec.id not in ids:
                    ids.append(rec.id)
        self._alias = {k: tuple(sorted(v)) for k, v in index.items()}
        #: one-character country forms (米, 露, 中 ...) -> country id; a person's one-kanji
        #: surname (習, 菅) stays on its record (``KBRecord.abbr``) for recognition to use before a title.
        self.abbreviations: dict[str, str] = {a: r.id for r in records.values() if r.type == "Country" for a in r.abbr}

    def __len__(self) -> int:
        return len(self.records)

    def __contains__(self, rid: object) -> bool:
        return rid in self.records

    def __getitem__(self, rid: str) -> KBRecord:
        return self.records[rid]

    def by_alias(self, surface: str) -> tuple[str, ...]:
        """Ids whose name or alias (ja or en) has the same :func:`~kg.normalize.norm_key` as ``surface``."""
        return self._alias.get(norm_key(surface), ())

    def surface_forms(self, lang: str | None = None) -> Iterator[tuple[str, str]]:
        """(surface, id) pairs for a span ruler, longest first; ``lang`` ``ja``, ``en`` or None (both).

        Japanese text also carries Latin forms (NATO, G7, AUKUS), so a Japanese
        ruler should use ``surface_forms(None)``. Abbreviations are not included.
        """
        pairs = {(n, r.id) for r in self.records.values() for n, _ in r.names(lang)}
        yield from sorted(pairs, key=lambda p: (-len(p[0]), p[0], p[1]))

    def offices_at(self, person_id: str, date: str | int) -> list[Office]:
        """The offices ``person_id`` held at ``date`` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``)."""
        rec = self.records.get(person_id)
        return [o for o in rec.offices if o.covers(date)] if rec else []

    def principal(self, org_id: str) -> str:
        """The state or international body an organisation acts for (following ``country``/``parent``).

        >>> load_kb().principal("white-house")
        'united-states'
        """
        seen = set()
        cur = org_id
        while cur in self.records and cur not in seen:
            seen.add(cur)
            rec = self.records[cur]
            if rec.type in ("Country", "InternationalOrganization") or not (rec.country or rec.parent):
                return cur
            cur = rec.parent or rec.country
        return cur

    def affiliation_chain(self, org_id: str) -> list[str]:
        """``org_id`` and every body above it (``parent``/``country``), nearest first."""
        out: list[str] = []
        cur = org_id
        while cur and cur in self.records and cur not in out:
            out.append(cur)
            rec = self.records[cur]
            cur = rec.parent or rec.country
        return out

    def affiliation_at(self, person_id: str, date: str | int) -> str | None:
        """The country or organisation ``person_id`` acts for at ``date``, else their latest one.

        Offices of a government body resolve to its state (a White House press
        secretary acts for the United States); None for unknown people.
        """
        rec = self.records.get(person_id)
        if not rec or not rec.offices:
            return None
        cur = self.offices_at(person_id, date)
        pick = cur or sorted(rec.offices, key=lambda o: (_bound(o.start, False) or "", o.end is None))[-1:]
        pick = sorted(pick, key=lambda o: _bound(o.start, False) or "", reverse=True)
        return self.principal(pick[0].of)

    def members_at(self, org_id: str, year: int) -> list[str]:
        """Ids of the members of ``org_id`` in ``year``, sorted."""
        rec = self.records.get(org_id)
        return sorted({m.member for m in rec.members if m.covers(int(year))}) if rec else []

    def stats(self) -> dict[str, int]:
        """Counts for the README: states, organisations, people, locations, aliases."""
        recs = list(self.records.values())
        return {
            "records": len(recs),
            "states": sum(r.type == "Country" for r in recs),
            "organizations": sum(r.type in ORG_TYPES for r in recs),
            "international_organizations": sum(r.type == "InternationalOrganization" for r in recs),
            "people": sum(r.type == "Person" for r in recs),
            "locations": sum(r.type == "Location" for r in recs),
            "aliases": sum(len(r.aliases_ja) + len(r.aliases_en) for r in recs),
            "abbreviations": len(self.abbreviations),
            "wikidata": sum(bool(r.wikidata) for r in recs),
        }


def _read(path: Path) -> list[Any]:
    import yaml

    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError) as e:
        raise _err("E601", path=path, detail=str(e).splitlines()[0]) from e
    if data is None:
        return []
    if not isinstance(data, list):
        raise _err("E601", path=path, detail=f"top level is a {type(data).__name__}")
    return data


def _validate(records: dict[str, KBRecord]) -> None:
    for r in records.values():
        for f in _REF_FIELDS:
            ref = getattr(r, f)
            if ref and ref not in records:
                raise _err("E604", path=r.source, rid=r.id, field=f, ref=ref)
        for m in r.members:
            if m.member not in records:
                raise _err("E604", path=r.source, rid=r.id, field="members", ref=m.member)
        for o in r.offices:
            if o.of not in records:
                raise _err("E604", path=r.source, rid=r.id, field="offices.of", ref=o.of)
    owner: dict[str, str] = {}
    for r in records.values():
        shared = {norm_key(a) for a in r.shared_aliases}
        for name, _ in r.names():
            k = norm_key(name)
            other = owner.setdefault(k, r.id)
            o = records[other]
            if other != r.id and o.type != r.type and k not in shared and k not in {norm_key(a) for a in o.shared_aliases}:
                raise _err("E605", alias=name, a=other, ta=o.type, b=r.id, tb=r.type)
    abbr: dict[str, str] = {}
    for r in records.values():
        for a in r.abbr if r.type == "Country" else ():
            if abbr.setdefault(a, r.id) != r.id:
                raise _err("E606", abbr=a, a=abbr[a], b=r.id)


@functools.lru_cache(maxsize=8)
def _load(folder: Path) -> KnowledgeBase:
    if not folder.is_dir():
        raise _err("E607", path=folder)
    records: dict[str, KBRecord] = {}
    for path in sorted(folder.glob("*.yaml")):
        if path.name in NOT_RECORDS:
            continue
        for raw in _read(path):
            rec = _record(raw, path.name)
            if rec.id in records:
                raise _err("E603", path=path.name, rid=rec.id, other=records[rec.id].source)
            records[rec.id] = rec
    _validate(records)
    log.debug("knowledge base: %d records from %s", len(records), folder)
    return KnowledgeBase(records)


def load_kb(path: Path | None = None) -> KnowledgeBase:
    """Load (once, cached) every YAML record list in ``path`` (default ``kg/data/kb/``).

    Raises
    ------
    ConfigError
        On malformed data, naming the file and record: unknown type, duplicate
        id, a reference (member, office, country) to an id that does not exist,
        an alias claimed by ids of different types without ``shared_aliases``.

    Examples
    --------
    >>> kb = load_kb()
    >>> kb.stats()["states"] >= 195
    True
    """
    return _load(Path(path or KB_DIR).resolve())


from kg.kb_rdf import kb_to_rdf  # noqa: E402  (re-exported; it needs the classes above)
