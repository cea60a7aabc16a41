"""Tests for the curated knowledge base (kg.kb) and its YAML data."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import ConfigError
from kg.kb import KB_DIR, kb_to_rdf, load_kb


@pytest.fixture(scope="module")
def kb():
    return load_kb()


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("米国", "united-states"),
        ("アメリカ", "united-states"),
        ("USA", "united-states"),
        ("U.S.", "united-states"),
        ("北朝鮮", "north-korea"),
        ("朝鮮民主主義人民共和国", "north-korea"),
        ("DPRK", "north-korea"),
        ("大韓民国", "south-korea"),
        ("イギリス", "united-kingdom"),
        ("Britain", "united-kingdom"),
        ("ロシア連邦", "russia"),
        ("PRC", "china"),
        ("ＮＡＴＯ", "nato"),
        ("オーカス", "aukus"),
        ("ブリックス", "brics"),
        ("クアッド", "quad"),
        ("安保理", "un-security-council"),
        ("国連", "united-nations"),
        ("新華社通信", "xinhua"),
        ("ロシア大統領府", "kremlin"),
        ("人民解放軍", "peoples-liberation-army"),
    ],
)
def test_alias_resolves(kb, surface, expected):
    assert expected in kb.by_alias(surface)


@pytest.mark.parametrize(
    ("abbr", "expected"),
    [("米", "united-states"), ("露", "russia"), ("ロ", "russia"), ("中", "china"), ("豪", "australia"),
     ("印", "india"), ("日", "japan"), ("韓", "south-korea"), ("朝", "north-korea"), ("英", "united-kingdom")],
)
def test_abbreviations(kb, abbr, expected):
    assert kb.abbreviations[abbr] == expected


def test_abbreviations_are_not_standalone_aliases(kb):
    # one-kanji forms are only safe inside compounds (米中, 中ロ): recognition decides
    for abbr in ("米", "中", "露", "日", "印"):
        assert kb.by_alias(abbr) == ()


@pytest.mark.parametrize(
    ("member", "org", "year", "expected"),
    [
        ("finland", "nato", 2023, True),
        ("finland", "nato", 2022, False),
        ("sweden", "nato", 2024, True),
        ("sweden", "nato", 2023, False),
        ("japan", "nato", 2024, False),
        ("iran", "brics", 2024, True),
        ("iran", "brics", 2023, False),
        ("india", "sco", 2017, True),
        ("united-kingdom", "european-union", 2019, True),
        ("united-kingdom", "european-union", 2021, False),
        ("south-korea", "un-security-council", 2024, True),
        ("south-korea", "un-security-council", 2027, False),
        ("russia", "un-security-council", 2027, True),
        ("japan", "united-nations", 2020, True),
        ("taiwan", "united-nations", 2020, False),
    ],
)
def test_members_at(kb, member, org, year, expected):
    assert (member in kb.members_at(org, year)) is expected


@pytest.mark.parametrize(
    ("person", "date", "title_en", "of"),
    [
        ("donald-trump", "2017-06-01", "President", "united-states"),
        ("joe-biden", "2021-06-01", "President", "united-states"),
        ("donald-trump", "2025-06-01", "President", "united-states"),
        ("boris-johnson", "2022-03-01", "Prime Minister", "united-kingdom"),
        ("liz-truss", "2022-10-01", "Prime Minister", "united-kingdom"),
        ("rishi-sunak", "2023-05-01", "Prime Minister", "united-kingdom"),
        ("keir-starmer", "2024-08-01", "Prime Minister", "united-kingdom"),
    ],
)
def test_offices_at(kb, person, date, title_en, of):
    offices = kb.offices_at(person, date)
    assert any(o.title_en == title_en and o.of == of for o in offices)


@pytest.mark.parametrize(
    ("person", "date"),
    [("donald-trump", "2022-06-01"), ("joe-biden", "2025-06-01"), ("liz-truss", "2023-05-01"), ("rishi-sunak", "2021-05-01")],
)
def test_not_in_office(kb, person, date):
    assert not [o for o in kb.offices_at(person, date) if o.title_en in ("President", "Prime Minister")]


@pytest.mark.parametrize(
    ("person", "date", "expected"),
    [
        ("vladimir-putin", "2024-05-16", "russia"),
        ("xi-jinping", "2015", "china"),
        ("jen-psaki", "2021-06-01", "united-states"),
        ("dmitry-peskov", "2023", "russia"),
        ("jens-stoltenberg", "2020", "nato"),
        ("antonio-guterres", "2022", "united-nations"),
        ("antony-blinken", "2030", "united-states"),  # after office: the latest affiliation
    ],
)
def test_affiliation_at(kb, person, date, expected):
    assert kb.affiliation_at(person, date) == expected


@pytest.mark.parametrize(
    ("surface", "expected", "country"),
    [("キーウ", "kyiv", "ukraine"), ("キエフ", "kyiv", "ukraine"), ("ハリコフ", "kharkiv", "ukraine"),
     ("平壌", "pyongyang", "north-korea"), ("天安門広場", "tiananmen-square", "china"),
     ("極東", "russian-far-east", "russia"), ("香港", "hong-kong", "china"), ("ワシントン", "washington-dc", "united-states")],
)
def test_locations(kb, surface, expected, country):
    assert kb.by_alias(surface) == (expected,)
    assert kb[expected].type == "Location" and kb[expected].country == country


def test_every_un_member_has_a_capital(kb):
    capitals = {r.country for r in kb.records.values() if r.type == "Location" and r.country}
    missing = [m for m in kb.members_at("united-nations", 2025) if m not in capitals]
    assert missing == ["monaco", "san-marino", "singapore"]


def test_counts(kb):
    s = kb.stats()
    assert s["states"] >= 195
    assert s["organizations"] >= 90
    assert s["people"] >= 300
    assert s["locations"] >= 200
    assert len(kb) == s["records"]


def test_surname_aliases_are_unambiguous(kb):
    # the documented rule: a surname alone is an alias of one person only
    for surface in ("プーチン", "習近平", "ゼレンスキー", "Putin", "ラブロフ", "ラヴロフ"):
        ids = kb.by_alias(surface)
        assert len(ids) == 1, (surface, ids)


def test_surface_forms_longest_first(kb):
    forms = list(kb.surface_forms("ja"))
    assert ("北大西洋条約機構", "nato") in forms
    lengths = [len(s) for s, _ in forms]
    assert lengths == sorted(lengths, reverse=True)
    assert ("North Atlantic Treaty Organization", "nato") in set(kb.surface_forms(None))
    assert ("North Atlantic Treaty Organization", "nato") not in forms


def _write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "x.yaml").write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("- {id: a, type: Planet, en: A}\n", "unknown type"),
        ("- {id: a, type: Country, en: A}\n- {id: a, type: Country, en: B}\n", "duplicate id"),
        ("- {id: o, type: InternationalOrganization, en: O, members: {ghost: 2000}}\n", "ghost"),
        ("- {id: p, type: Person, en: P, offices: [{title_en: President, of: nowhere, from: 2020}]}\n", "nowhere"),
        ("- {id: a, type: Country, en: Alpha}\n- {id: b, type: Location, en: B, aliases_en: [alpha]}\n", "alias"),
        ("- {id: a, type: Country}\n", "no name"),
        ("- {id: a, type: Country, en: A, abbr: 米国}\n", "one character"),
        ("{id: a}\n", "YAML list"),
        ("- {id: a, type: Country, en: [unclosed\n", "cannot read"),
    ],
)
def test_loader_errors(tmp_path, text, needle):
    with pytest.raises(ConfigError) as info:
        load_kb(_write(tmp_path, text))
    msg = str(info.value)
    assert needle in msg
    assert "x.yaml" in msg or "alias" in msg


def test_shared_alias_marked_is_accepted(tmp_path):
    kb = load_kb(_write(tmp_path, "- {id: a, type: Country, en: Alpha, shared_aliases: [Alpha]}\n"
                                  "- {id: b, type: Location, en: B, aliases_en: [alpha]}\n"))
    assert kb.by_alias("ALPHA") == ("a", "b")


def test_kb_to_rdf(kb):
    from rdflib import Graph, Literal, URIRef
    from rdflib.namespace import RDF, RDFS, SKOS

    from kg.iri import mint_iri
    from kg.namespaces import KZ, bind_prefixes

    g = Graph()
    bind_prefixes(g)
    kb_to_rdf(kb, g)
    g2 = Graph().parse(data=g.serialize(format="turtle"), format="turtle")
    assert len(g2) == len(g)

    def e(rid):
        return URIRef(mint_iri("entity", rid))

    for rid in kb.records:
        labels = {lit.language for lit in g.objects(e(rid), SKOS.prefLabel)}
        assert labels & {"ja", "en"}, rid
    assert (e("united-states"), RDF.type, KZ.Country) in g
    assert (e("united-states"), SKOS.altLabel, Literal("アメリカ", lang="ja")) in g
    assert (e("sweden"), KZ.memberOf, e("nato")) in g
    assert (e("japan"), KZ.memberOf, e("nato")) not in g
    assert (e("jen-psaki"), KZ.affiliation, e("white-house")) in g
    assert (e("jen-psaki"), KZ.affiliation, e("united-states")) in g
    assert (e("beijing"), KZ.locatedIn, e("china")) in g
    positions = list(g.objects(e("keir-starmer"), KZ.position))
    assert positions and all((p, RDF.type, KZ.Position) in g for p in positions)
    assert any(str(lab) == "Prime Minister" for p in positions for lab in g.objects(p, RDFS.label))
    assert any(g.value(p, KZ.since) is not None for p in positions)


def test_generated_countries_up_to_date():
    import importlib.util

    spec = importlib.util.spec_from_file_location("gen_countries", KB_DIR.parents[2] / "tools" / "gen_countries.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert mod.main(["--check"]) == 0


@pytest.mark.parametrize(
    ("surface", "expected"),
    [("冷戦", "cold-war"), ("ウクライナ侵攻", "war-in-ukraine"), ("朝鮮戦争", "korean-war"),
     ("東日本大震災", "great-east-japan-earthquake"), ("リーマンショック", "global-financial-crisis-2008")],
)
def test_named_events(kb, surface, expected):
    from kg.recognize.gazetteer import gazetteer

    assert gazetteer(kb).lookup_ja(surface) == (expected, "NamedEvent")


@pytest.mark.parametrize("surface", ["我が国", "わが国"])
def test_speaker_relative_forms_are_not_aliases(kb, surface):
    from kg.recognize.gazetteer import gazetteer

    assert gazetteer(kb).lookup_ja(surface) is None
