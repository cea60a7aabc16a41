"""Generate ``kg/data/kb/countries.yaml`` and ``kg/data/kb/un.yaml``.

Names come from CLDR through :mod:`babel` (``Locale("ja").territories``,
``Locale("en").territories``), codes from :mod:`pycountry`; the forms the
Japanese press uses (米国/アメリカ/米, 露/ロシア/ロ ...) and common English
aliases come from the hand-curated ``kg/data/kb/press_forms.yaml``, merged on top.

Deterministic and re-runnable::

    .venv/bin/python tools/gen_countries.py          # rewrite the two files
    .venv/bin/python tools/gen_countries.py --check  # exit 1 if they are stale

Status of each entry (field ``status``):

- ``member``: a UN member state (typed ``Country``; 193 of them);
- ``observer``: a UN observer state (Holy See, Palestine; ``Country``);
- ``partially-recognised``: Taiwan, Kosovo (``Country``: the schema counts disputed state actors);
- ``territory``: a dependency or special region (Hong Kong, Macau, Greenland, Puerto Rico ...),
  typed ``Location`` with ``country:`` the state it belongs to;
- ``disputed``: Western Sahara (``Location``, no ``country``); Antarctica likewise.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
KB_DIR = ROOT / "kg" / "data" / "kb"

#: territory alpha-2 -> sovereign alpha-2 (None: disputed / no sovereign)
TERRITORY_OF: dict[str, str | None] = {
    "AS": "US", "GU": "US", "MP": "US", "PR": "US", "UM": "US", "VI": "US",
    "AI": "GB", "BM": "GB", "FK": "GB", "GG": "GB", "GI": "GB", "GS": "GB", "IM": "GB", "IO": "GB",
    "JE": "GB", "KY": "GB", "MS": "GB", "PN": "GB", "SH": "GB", "TC": "GB", "VG": "GB",
    "BL": "FR", "GF": "FR", "GP": "FR", "MF": "FR", "MQ": "FR", "NC": "FR", "PF": "FR", "PM": "FR",
    "RE": "FR", "TF": "FR", "WF": "FR", "YT": "FR",
    "AW": "NL", "BQ": "NL", "CW": "NL", "SX": "NL",
    "FO": "DK", "GL": "DK",
    "CK": "NZ", "NU": "NZ", "TK": "NZ",
    "CC": "AU", "CX": "AU", "HM": "AU", "NF": "AU",
    "AX": "FI", "SJ": "NO", "BV": "NO",
    "HK": "CN", "MO": "CN",
    "EH": None, "AQ": None,
}
OBSERVERS = {"VA", "PS"}
PARTIAL = {"TW", "XK"}

#: English names where CLDR's short display name is not the news form
EN_OVERRIDES = {
    "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo",
    "HK": "Hong Kong",
    "MO": "Macau",
    "MM": "Myanmar",
    "PS": "Palestine",
    "VA": "Holy See",
    "CI": "Ivory Coast",
    "TR": "Turkey",
    "CZ": "Czech Republic",
    "UM": "United States Minor Outlying Islands",
    "VI": "United States Virgin Islands",
}
#: Japanese names where CLDR's form carries a parenthesis or is not the news form
JA_OVERRIDES = {
    "CD": "コンゴ民主共和国",
    "CG": "コンゴ共和国",
    "MM": "ミャンマー",
    "HK": "香港",
    "MO": "マカオ",
    "PS": "パレスチナ",
    "VA": "バチカン",
    "CC": "ココス諸島",
}


def slug(name: str) -> str:
    """Slug of an English name: ASCII-folded, lower case, hyphens.

    >>> slug("St. Kitts & Nevis")
    'saint-kitts-and-nevis'
    >>> slug("Côte d’Ivoire")
    'cote-divoire'
    """
    s = name.replace("St. ", "Saint ").replace("&", "and").replace("’", "").replace("'", "")
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    out = []
    for ch in s.lower():
        out.append(ch if ch.isalnum() else "-")
    return "-".join(p for p in "".join(out).split("-") if p)


def en_name(code: str, cldr: str) -> str:
    """The canonical English name (CLDR's, with ``&`` and ``St.`` spelled out)."""
    if code in EN_OVERRIDES:
        return EN_OVERRIDES[code]
    return cldr.replace(" & ", " and ").replace("St. ", "Saint ")


def _uniq(items: list[str], exclude: set[str]) -> list[str]:
    seen = set(exclude)
    out = []
    for i in items:
        if i and i not in seen:
            seen.add(i)
            out.append(i)
    return out


def build() -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Build the country records and the United Nations record."""
    import babel
    import pycountry

    ja = babel.Locale("ja").territories
    en = babel.Locale("en").territories
    press = yaml.safe_load((KB_DIR / "press_forms.yaml").read_text(encoding="utf-8")) or {}

    entries: list[tuple[str, str, str, str]] = []  # alpha2, alpha3, official, common
    for c in pycountry.countries:
        official = getattr(c, "official_name", "")
        if official.startswith("the "):
            official = official[4:]
        if "Province of China" in official:  # ISO's political label, not a name the news uses
            official = ""
        entries.append((c.alpha_2, c.alpha_3, official, getattr(c, "common_name", "")))
    entries.append(("XK", "XKX", "Republic of Kosovo", ""))

    ids: dict[str, str] = {}
    for a2, *_ in entries:
        ids[a2] = slug(en_name(a2, en[a2]))

    records = []
    for a2, a3, official, common in entries:
        rid = ids[a2]
        name_en = en_name(a2, en[a2])
        name_ja = JA_OVERRIDES.get(a2, ja[a2])
        if a2 in TERRITORY_OF:
            status = "territory" if TERRITORY_OF[a2] else "disputed"
        elif a2 in OBSERVERS:
            status = "observer"
        elif a2 in PARTIAL:
            status = "partially-recognised"
        else:
            status = "member"
        rec: dict[str, Any] = {
            "id": rid,
            "type": "Location" if status in ("territory", "disputed") else "Country",
            "en": name_en,
            "ja": name_ja,
        }
        p = press.get(rid, {}) or {}
        cldr_ja = [ja[a2]] if ja[a2] != name_ja else []
        cldr_en = [en[a2]] if en[a2] != name_en else []
        rec["ja"] = p.get("ja", name_ja)
        rec["en"] = p.get("en", name_en)
        if rec["ja"] != name_ja:
            cldr_ja.append(name_ja)
        if rec["en"] != name_en:
            cldr_en.append(name_en)
        rec["aliases_ja"] = _uniq(list(p.get("aliases_ja", [])) + cldr_ja, {rec["ja"]})
        rec["aliases_en"] = _uniq(list(p.get("aliases_en", [])) + cldr_en + [official, common], {rec["en"]})
        if "abbr" in p:
            rec["abbr"] = p["abbr"]
        rec["iso"] = a2
        rec["iso3"] = a3
        rec["status"] = status
        if status == "territory":
            rec["country"] = ids[TERRITORY_OF[a2]]  # type: ignore[index]
        if "wikidata" in p:
            rec["wikidata"] = p["wikidata"]
        for k in ("shared_aliases",):
            if k in p:
                rec[k] = p[k]
        for k in ("aliases_ja", "aliases_en"):
            if not rec[k]:
                del rec[k]
        records.append(rec)
    unknown = set(press) - {r["id"] for r in records}
    if unknown:
        raise SystemExit(f"press_forms.yaml names unknown country ids: {sorted(unknown)}")
    records.sort(key=lambda r: r["id"])
    members = {r["id"]: True for r in records if r["status"] == "member"}
    if len(members) != 193:
        raise SystemExit(f"expected 193 UN member states, got {len(members)}: fix TERRITORY_OF/OBSERVERS")
    un = {
        "id": "united-nations",
        "type": "InternationalOrganization",
        "en": "United Nations",
        "ja": "国連",
        "aliases_ja": ["国際連合"],
        "aliases_en": ["UN", "U.N.", "the UN"],
        "members": members,
    }
    return records, un


HEADER = "# GENERATED by tools/gen_countries.py from CLDR (babel), pycountry and press_forms.yaml.\n# Do not edit by hand: edit press_forms.yaml or the generator and re-run it.\n"


def render(obj: Any) -> str:
    """Dump YAML deterministically (unicode kept, key order kept)."""
    return HEADER + yaml.safe_dump(obj, allow_unicode=True, sort_keys=False, width=120, default_flow_style=None)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="only check that the files are up to date")
    args = ap.parse_args(argv)
    records, un = build()
    outputs = {KB_DIR / "countries.yaml": render(records), KB_DIR / "un.yaml": render([un])}
    stale = [p for p, text in outputs.items() if not p.exists() or p.read_text(encoding="utf-8") != text]
    if args.check:
        for p in stale:
            print(f"stale: {p}", file=sys.stderr)
        return 1 if stale else 0
    for p, text in outputs.items():
        p.write_text(text, encoding="utf-8")
    print(f"wrote {len(records)} countries/territories and the UN record ({len(un['members'])} members)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
