import sys, yaml
sys.path.insert(0,'/work/shared/gold')
from score import *
from pathlib import Path
from rdflib import Dataset, RDF
from rdflib.namespace import SKOS, RDFS, DCTERMS, PROV
trig=Path(sys.argv[1]); gold_dir=Path('/work/shared/gold/seeds')
ds = Dataset(default_union=True); ds.parse(trig, format="trig")
docs = {str(o): s for s, o in ds.subject_objects(DCTERMS.identifier) if (s, RDF.type, KZ.Document) in ds}
which=sys.argv[2] if len(sys.argv)>2 else 'events'
for gf in sorted(gold_dir.glob("*.yaml")):
    gold = yaml.safe_load(gf.read_text(encoding="utf-8")); name=gold["doc"]; doc=docs.get(name)
    gents = {e["id"]: e for e in gold.get("entities", [])}
    gold_names = defaultdict(set)
    for gid_, e in gents.items():
        for n in list(e.get("names", [])) + [e.get("en") or ""]:
            if n: gold_names[norm(n)].add(gid_)
    sys_ents = set(ds.objects(doc, SCHEMA.mentions))
    names = {}
    for e in sys_ents:
        ns = set()
        for p in (SKOS.prefLabel, SKOS.altLabel, RDFS.label): ns |= {norm(o) for o in ds.objects(e, p)}
        for m in ds.subjects(ITSRDF.taIdentRef, e):
            ns |= {norm(o) for o in ds.objects(m, NIF.anchorOf)}
        names[e] = ns
    cands = {e: set().union(*(gold_names.get(n, set()) for n in ns)) if ns else set() for e, ns in names.items()}
    match = max_matching({e: c for e, c in cands.items() if c})
    gid=lambda e: match.get(e, str(e).rsplit('/',1)[-1])
    print("=====", name)
    if which=='agreements':
        g = {(a["id"], p) for a in gold.get("agreements", []) for p in a.get("parties", [])}
        s = {(gid(a), gid(b)) for a, b in ds.subject_objects(KZ.party) if a in sys_ents}
        print(" TP", sorted(s&g)); print(" FP", sorted(s-g)); print(" FN", sorted(g-s))
        continue
    gpairs=set(); gopt=set()
    for ev in gold.get("events", []):
        ps = pairs_of(ev["type"], ev.get("actor", []), ev.get("target", []))
        (gopt if ev.get("optional") else gpairs).update(ps)
    gopt-=gpairs
    allsp=set()
    for ev in ds.subjects(KZ.inDocument, doc):
        if (ev, RDF.type, KZ.Event) not in ds: continue
        neg=(ev, KZ.polarity, KZ.Negated) in ds
        for t in ds.objects(ev, KZ.eventType):
            etype = str(t).rsplit("#", 1)[-1].rsplit("/", 1)[-1].upper()
            ps = pairs_of(etype, [gid(a) for a in ds.objects(ev, KZ.actor)], [gid(a) for a in ds.objects(ev, KZ.target)])
            evid=[str(ds.value(x, NIF.anchorOf))[:90] for x in ds.objects(ev, PROV.wasDerivedFrom)]
            conf=ds.value(ev, KZ.confidence)
            for p in ps:
                tag = 'NEG' if neg else ('TP' if p in gpairs else ('opt' if p in gopt else 'FP'))
                if not neg: allsp.add(p)
                print(f"  {tag:4} {p[0]:9} {tuple(p[1]) if not isinstance(p[1],tuple) else p[1]} c={conf} | {evid[0] if evid else ''}")
    for p in sorted(gpairs-allsp, key=str): print("  FN  ", p[0], tuple(p[1]))
