"""mint_iri: deterministic, percent-encoded, safe for any text."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef

from kg.iri import BASE, mint_iri, slugify


@pytest.mark.parametrize(
    "kind, parts, expected",
    [
        ("entity", ("vladimir-putin",), BASE + "vladimir-putin"),
        ("entity", ("Xi Jinping",), BASE + "xi-jinping"),
        ("entity", ("ＮＡＴＯ",), BASE + "nato"),
        ("doc", ("000_78eca630a79e87c5.txt",), BASE + "doc/000_78eca630a79e87c5.txt"),
        ("context", ("a.txt",), BASE + "doc/a.txt/context"),
        ("graph", ("background",), BASE + "graph/background"),
    ],
)
def test_known_iris(kind, parts, expected):
    assert mint_iri(kind, *parts) == expected


HOSTILE = [
    'He said "no"',
    "a b\tc\nd",
    "<img src=x onerror=alert(1)>",
    "</script><script>alert(1)</script>",
    "50% off #1 {x} |y| ^z` \\",
    "習近平国家主席",
    "Владимир Путин",
    "김정은",
    "مرحبا",
    "🙂 emoji",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_names_give_valid_parseable_iris(text):
    iri = mint_iri("entity", text)
    assert iri.startswith(BASE)
    local = iri[len(BASE):]
    # nothing outside the unreserved set and percent escapes
    assert all(c.isascii() and (c.isalnum() or c in "-_.~%") for c in local), local
    # round-trips through Turtle
    g = Graph()
    g.add((URIRef(iri), URIRef("http://example.org/p"), Literal(text)))
    g2 = Graph().parse(data=g.serialize(format="turtle"), format="turtle")
    assert set(g2.subjects()) == {URIRef(iri)}


@pytest.mark.parametrize("text", HOSTILE)
def test_deterministic(text):
    assert mint_iri("entity", text) == mint_iri("entity", text)
    assert mint_iri("event", "CONSULT", text) == mint_iri("event", "CONSULT", text)


def test_distinct_inputs_distinct_iris():
    names = ["プーチン", "プーチン氏", "Putin", "putin-", "a b", "a-b", "a%20b"]
    iris = {mint_iri("entity", n) for n in names}
    # 'a b' and 'a-b' are the same slug on purpose (space -> hyphen); the rest differ
    assert len(iris) == len(names) - 1


def test_mention_iris_differ_by_offsets():
    assert mint_iri("mention", "d.txt", 0, 4) != mint_iri("mention", "d.txt", 0, 5)
    assert mint_iri("sentence", "d.txt", 0, 4) != mint_iri("mention", "d.txt", 0, 4)


@pytest.mark.parametrize("bad", ["nope", ""])
def test_unknown_kind_is_an_error(bad):
    with pytest.raises(ValueError, match="unknown IRI kind"):
        mint_iri(bad, "x")


def test_needs_parts():
    with pytest.raises(ValueError, match="at least one part"):
        mint_iri("entity")


def test_slugify_folds_width_and_spaces():
    assert slugify("  Ｇ７　サミット ") == "g7-サミット"
