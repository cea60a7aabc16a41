"""Diagnose event (or agreement-party) pairs of a build against the sample gold.

Lists, per gold document, every system pair as TP / FP / opt (optional gold) /
NEG (negated), with its confidence and evidence sentence, then the missed gold
pairs (FN). Uses the scorer's own matching (``../shared/gold/score.py``).

    .venv/bin/python tools/diag_events.py build/graph.trig [events|agreements] [--gold DIR]
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

import yaml
from rdflib import RDF, Dataset
from rdflib.namespace import DCTERMS, PROV, RDFS, SKOS

GOLD = Path(__file__).resolve().parent.parent.parent / "shared" / "gold"


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("trig", type=Path)
    ap.add_argument("which", nargs="?", default="events", choices=["events", "agreements"])
    ap.add_argument("--gold", type=Path, default=GOLD)
    a = ap.parse_args(argv)
    sys.path.insert(0, str(a.gold))
    from score import ITSRDF, KZ, NIF, SCHEMA, max_matching, norm, pairs_of

    ds = Dataset(default_union=True)
    ds.parse(a.trig, format="trig")
    docs = {str(o): s for s, o in ds.subject_objects(DCTERMS.identifier) if (s, RDF.type, KZ.Document) in ds}
    for gf in sorted((a.gold / "seeds").glob("*.yaml")):
        gold = yaml.safe_load(gf.read_text(encoding="utf-8"))
        name = gold["doc"]
        doc = docs.get(name)
        gold_names: dict[str, set[str]] = defaultdict(set)
        for e in gold.get("entities", []):
            for n in [*e.get("names", []), e.get("en") or ""]:
                if n:
                    gold_names[norm(n)].add(e["id"])
        sys_ents = set(ds.objects(doc, SCHEMA.mentions))
        names = {}
        for e in sys_ents:
            ns = {norm(o) for p in (SKOS.prefLabel, SKOS.altLabel, RDFS.label) for o in ds.objects(e, p)}
            ns |= {norm(o) for m in ds.subjects(ITSRDF.taIdentRef, e) for o in ds.objects(m, NIF.anchorOf)}
            names[e] = ns
        cands = {e: set().union(*(gold_names.get(n, set()) for n in ns)) for e, ns in names.items() if ns}
        match = max_matching({e: c for e, c in cands.items() if c})

        def gid(e, match=match):
            return match.get(e, str(e).rsplit("/", 1)[-1])

        print("=====", name)
        if a.which == "agreements":
            g = {(x["id"], p) for x in gold.get("agreements", []) for p in x.get("parties", [])}
            s = {(gid(x), gid(y)) for x, y in ds.subject_objects(KZ.party) if x in sys_ents}
            print(" TP", sorted(s & g))
            print(" FP", sorted(s - g))
            print(" FN", sorted(g - s))
            continue
        gpairs, gopt = set(), set()
        for ev in gold.get("events", []):
            ps = pairs_of(ev["type"], ev.get("actor", []), ev.get("target", []))
            (gopt if ev.get("optional") else gpairs).update(ps)
        gopt -= gpairs
        seen = set()
        for ev in ds.subjects(KZ.inDocument, doc):
            if (ev, RDF.type, KZ.Event) not in ds:
                continue
            neg = (ev, KZ.polarity, KZ.Negated) in ds
            evid = [str(ds.value(x, NIF.anchorOf))[:90] for x in ds.objects(ev, PROV.wasDerivedFrom)]
            conf = ds.value(ev, KZ.confidence)
            for t in ds.objects(ev, KZ.eventType):
                etype = str(t).rsplit("#", 1)[-1].upper()
                ps = pairs_of(etype, [gid(x) for x in ds.objects(ev, KZ.actor)],
                              [gid(x) for x in ds.objects(ev, KZ.target)])
                for p in ps:
                    tag = "NEG" if neg else "TP" if p in gpairs else "opt" if p in gopt else "FP"
                    if not neg:
                        seen.add(p)
                    print(f"  {tag:4} {p[0]:9} {tuple(p[1])} c={conf} | {evid[0] if evid else ''}")
        for p in sorted(gpairs - seen, key=str):
            print("  FN  ", p[0], tuple(p[1]))


if __name__ == "__main__":
    main()
