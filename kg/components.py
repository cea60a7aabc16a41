"""The only place with ``@Language.factory``: Kizuna's spaCy components.

``kg_kb_ruler`` finds the curated knowledge base's names in a Doc by
character (see :mod:`kg.recognize.ruler`): its hits go to
``doc.spans["kg_kb"]`` (label = ontology class, ``kb_id`` = record id) and,
with exact character offsets, to ``doc.user_data["kg_kb_hits"]``, which
:func:`kg.extract.entities.find_mentions` reads instead of matching again.
The factory is published through the ``spacy_factories`` entry point, so a
saved pipeline finds it without importing ``kg`` first::

    nlp = spacy.load("ja_ginza")
    nlp.add_pipe("kg_kb_ruler", last=True)
"""

from __future__ import annotations

import logging
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["SPANS_KEY", "KBRuler", "make_kb_ruler"]

log = logging.getLogger(__name__)

#: the ``doc.spans`` group the ruler writes
SPANS_KEY = "kg_kb"


class KBRuler:
    """Mark knowledge-base names in a Doc (character-level, longest first).

    Parameters
    ----------
    nlp : Language
    name : str
    kb_path : str or None
        A folder of KB YAML files; ``None`` loads the packaged knowledge base.
    kb : KnowledgeBase, optional
        An already loaded knowledge base (tests, or the caller's own).
    """

    def __init__(self, nlp: Language, name: str = "kg_kb_ruler", *, kb_path: str | None = None,
                 kb: Any = None) -> None:
        self.name = name
        self.kb_path = kb_path
        self._kb = kb

    @property
    def kb(self) -> Any:
        """The knowledge base, loaded on first use."""
        if self._kb is None:
            from pathlib import Path

            from kg.kb import load_kb

            self._kb = load_kb(Path(self.kb_path)) if self.kb_path else load_kb()
        return self._kb

    def __call__(self, doc: Doc) -> Doc:
        from kg.extract.entities import USER_DATA_KEY
        from kg.recognize.gazetteer import gazetteer
        from kg.recognize.ruler import match_kb

        hits = match_kb(doc.text, gazetteer(self.kb))
        doc.user_data[USER_DATA_KEY] = [(h.start, h.end, h.key, h.cls, h.how) for h in hits]
        spans = []
        for h in hits:
            span = doc.char_span(h.start, h.end, label=h.cls, kb_id=h.key, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[SPANS_KEY] = spans
        return doc


@Language.factory(
    "kg_kb_ruler",
    requires=[],
    assigns=["doc.spans", "doc.user_data"],
    default_config={"kb_path": None},
)
def make_kb_ruler(nlp: Language, name: str, kb_path: str | None = None) -> KBRuler:
    """Build the ``kg_kb_ruler`` component (``kb_path``: a KB folder, or None for the packaged one)."""
    return KBRuler(nlp, name, kb_path=kb_path)
