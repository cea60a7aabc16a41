"""Print each sentence of some sources with its mentions and coded events (a diagnostic).

Usage: .venv/bin/python tools/diag_sents.py sources/000_*.txt [--grep WORD]
"""
from __future__ import annotations

import sys


def main(argv: list[str]) -> None:
    from kg.extract import analyse_documents
    from kg.ingest import read_sources
    from kg.kb import load_kb
    from kg.nlp import load_pipeline

    pats = [a for a in argv if not a.startswith("--")]
    grep = argv[argv.index("--grep") + 1] if "--grep" in argv else ""
    pats = [p for p in pats if p != grep]
    docs = [d for d in read_sources(pats) if not hasattr(d, "reason")]
    for a in analyse_documents(docs, load_pipeline("ja_ginza"), load_kb()):
        if isinstance(a, tuple):
            print("ERROR", a[0].doc_id, a[1])
            continue
        ms = a.mentions
        print("=====", a.doc.doc_id, a.doc.published)
        for si, s in enumerate(a.sentences):
            text = a.doc.text[s.start : s.end]
            if grep and grep not in text:
                continue
            print(f"[{si}] {text}")
            sm = [f"{m.text}/{m.cls}/{m.key or ''}" + (f"->{[ms[j].key for j in m.refers_to]}" if m.refers_to else "")
                  for m in ms if s.start <= m.start < s.end]
            print("    M:", ", ".join(sm))
            for e in a.events:
                if e.sentence == si:
                    print(f"    E: {e.etype} {[ms[i].key or ms[i].text for i in e.actors]} -> "
                          f"{[ms[i].key or ms[i].text for i in e.targets]} {'NEG ' if e.negated else ''}"
                          f"{e.date} c={e.confidence} {e.how} '{e.trigger}'")


if __name__ == "__main__":
    main(sys.argv[1:])
