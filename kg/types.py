"""Plain frozen dataclasses that pass between the stages of a build.

No spaCy or rdflib object crosses a stage boundary: every stage reads and
writes these records, whose character offsets refer to the cleaned text of
a document (its NIF context).

Stage order (kept in :mod:`kg.pipeline` only)::

    ingest -> SourceDoc -> nlp/extract -> DocAnalysis -> link -> LinkedCorpus -> rdf

Examples
--------
>>> m = Mention(start=0, end=4, text="プーチン", cls="Person", sentence=0, key="vladimir-putin")
>>> m.end - m.start == len(m.text)
True
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = [
    "Removed",
    "SourceDoc",
    "Skipped",
    "Sentence",
    "Mention",
    "EventCandidate",
    "StatedFact",
    "DocAnalysis",
    "Entity",
    "Evidence",
    "CodedEvent",
    "to_json",
    "analysis_from_json",
]


@dataclass(frozen=True)
class Removed:
    """A block of boilerplate removed from the raw text (kept for the record).

    ``rule`` names the cleaning rule that fired, ``text`` is what it removed.
    """

    rule: str
    text: str


@dataclass(frozen=True)
class SourceDoc:
    """One news article after ingest.

    ``text`` is the cleaned text (title first, as its own paragraph, unless
    the body already starts with it). It becomes the document's
    ``nif:Context``; every offset in later stages refers to it.
    """

    doc_id: str  # dcterms:identifier: the file name, or the record id of a JSON Lines record
    text: str
    path: str = ""  # where it came from (file path, or file path + line number)
    title: str = ""
    url: str = ""
    published: str = ""  # YYYY-MM-DD, or "" when unknown
    lang: str = ""  # "ja", "en", "mul" or "" (guessed later)
    outlet: str = ""
    removed: tuple[Removed, ...] = ()


@dataclass(frozen=True)
class Skipped:
    """An input that could not be built, with the reason shown to the user."""

    path: str
    reason: str


@dataclass(frozen=True)
class Sentence:
    """A sentence of the context: ``text == context[start:end]``."""

    start: int
    end: int
    lang: str = "ja"


@dataclass(frozen=True)
class Mention:
    """A span of the context that names (or refers to) an entity.

    Parameters
    ----------
    start, end : int
        Character offsets into the document's context; ``text == context[start:end]``.
    text : str
        The surface form (without titles and honorifics).
    cls : str
        Local name of the ontology class (``Person``, ``Country``,
        ``InternationalOrganization``, ``Agreement`` ...).
    sentence : int
        Index into :attr:`DocAnalysis.sentences`.
    key : str or None
        Knowledge-base id when the span was linked to a curated entity.
    source : str
        How it was found: ``kb``, ``ner``, ``coref``, ``rule`` ...
    ner_label : str
        GiNZA's Extended Named Entity label, when GiNZA found it.
    position : str
        A title stripped from the name (``大統領``), when there was one.
    refers_to : tuple of int
        For coreference mentions (``両国``): indices of the antecedent mentions.
    """

    start: int
    end: int
    text: str
    cls: str
    sentence: int
    key: str | None = None
    source: str = "ner"
    ner_label: str = ""
    position: str = ""
    refers_to: tuple[int, ...] = ()


@dataclass(frozen=True)
class EventCandidate:
    """A coded event found in one sentence; arguments are mention indices."""

    etype: str  # one of the 16 PLOVER types, upper case
    sentence: int
    actors: tuple[int, ...]
    targets: tuple[int, ...] = ()
    trigger: str = ""  # the predicate as written
    trigger_start: int = -1
    trigger_end: int = -1
    mode: str = ""
    locations: tuple[int, ...] = ()
    about: tuple[int, ...] = ()
    date: str = ""  # YYYY-MM-DD, YYYY-MM or YYYY; "" when the clause has none
    negated: bool = False
    confidence: float = 0.5
    how: str = ""  # a short trace of the rule that found it


@dataclass(frozen=True)
class StatedFact:
    """A fact stated in the text: ``affiliation``, ``memberOf``, ``locatedIn``, ``party``.

    ``subject`` and ``object`` are mention indices; ``label`` carries extra
    information (the position title for an affiliation).
    """

    predicate: str
    subject: int
    object: int
    sentence: int
    label: str = ""


@dataclass(frozen=True)
class DocAnalysis:
    """Everything the per-document stages found in one document."""

    doc: SourceDoc
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    events: tuple[EventCandidate, ...] = ()
    facts: tuple[StatedFact, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Entity:
    """A resolved entity: one node of the graph.

    ``key`` is its canonical slug (the IRI is minted from it), ``cls`` the
    local name of its most specific ontology class.
    """

    key: str
    cls: str
    label_ja: str = ""
    label_en: str = ""
    alt_labels: tuple[tuple[str, str], ...] = ()  # (text, lang)
    same_as: tuple[str, ...] = ()
    curated: bool = False
    extra: tuple[tuple[str, str], ...] = field(default=())


def to_json(obj: Any) -> Any:
    """Turn a dataclass tree into JSON-ready data (tuples become lists).

    >>> to_json(Removed(rule="read-time", text="1 min read"))
    {'rule': 'read-time', 'text': '1 min read'}
    """
    return asdict(obj)


def analysis_from_json(data: dict[str, Any]) -> DocAnalysis:
    """Rebuild a :class:`DocAnalysis` from :func:`to_json` output (used by the cache).

    >>> a = DocAnalysis(doc=SourceDoc(doc_id="x", text="米国"), mentions=(Mention(0, 2, "米国", "Country", 0),))
    >>> analysis_from_json(to_json(a)) == a
    True
    """
    d = dict(data["doc"])
    d["removed"] = tuple(Removed(**r) for r in d.get("removed", ()))
    doc = SourceDoc(**d)

    def tup(rows, cls, tuple_fields=()):
        out = []
        for r in rows:
            r = dict(r)
            for f in tuple_fields:
                r[f] = tuple(r.get(f, ()))
            out.append(cls(**r))
        return tuple(out)

    return DocAnalysis(
        doc=doc,
        sentences=tup(data.get("sentences", ()), Sentence),
        mentions=tup(data.get("mentions", ()), Mention, ("refers_to",)),
        events=tup(data.get("events", ()), EventCandidate, ("actors", "targets", "locations", "about")),
        facts=tup(data.get("facts", ()), StatedFact),
        notes=tuple(data.get("notes", ())),
    )


@dataclass(frozen=True)
class Evidence:
    """Where a coded event was read: a sentence of a document."""

    doc_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class CodedEvent:
    """A corpus-level event after linking and merging (one per happening,
    not per report): arguments are entity keys.
    """

    etype: str
    actors: tuple[str, ...]
    targets: tuple[str, ...] = ()
    date: str = ""
    mode: str = ""
    locations: tuple[str, ...] = ()
    about: tuple[str, ...] = ()
    negated: bool = False
    confidence: float = 0.5
    evidence: tuple[Evidence, ...] = ()
    triggers: tuple[str, ...] = ()

    @property
    def report_count(self) -> int:
        """How many sentences report this event."""
        return len(self.evidence)
