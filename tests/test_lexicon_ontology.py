"""The lexicon and the ontology agree: every mode a predicate can set is a
concept of the ontology (the RDF stage links events to it)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kg.ontology import plover_concepts

LEXICON = Path(__file__).resolve().parent.parent / "kg" / "data" / "lexicon"


def lexicon_modes(path: Path) -> set[tuple[str, str]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = set()
    for etype, spec in (data.get("types") or {}).items():
        for entry in (spec.get("predicates") or {}).values():
            if isinstance(entry, dict) and entry.get("m"):
                out.add((etype, entry["m"]))
    for hint in (data.get("mode_hints") or {}).values():
        if isinstance(hint, dict):
            out |= {(t, m) for t, m in hint.items() if m}
    return out


@pytest.mark.parametrize("name", ["predicates_ja.yaml", "predicates_en.yaml"])
def test_every_lexicon_mode_is_an_ontology_concept(name):
    onto = {(t, m) for t, c in plover_concepts().items() for m in c["modes"]}
    modes = lexicon_modes(LEXICON / name)
    assert modes, "the lexicon sets modes"
    assert modes <= onto, sorted(modes - onto)
