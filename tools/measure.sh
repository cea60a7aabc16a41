#!/usr/bin/env bash
# Re-measure every figure the README reports; writes measure/*.txt (not committed).
# Usage: bash tools/measure.sh   (from the repository root, after `make run`)
set -euo pipefail
PY=.venv/bin/python
GOLD=../shared/gold
DATA=../shared/data/ner-wikipedia/ner.json
mkdir -p measure
.venv/bin/kg build sources -o build --no-cache -q > measure/build.txt
$PY $GOLD/score.py build/graph.trig $GOLD/seeds --docs > measure/score.txt
for n in 500 1000 0; do   # 0: all 5,343 records
  $PY $GOLD/ner_wikipedia.py to-jsonl $DATA measure/nerwiki-$n.jsonl --n $n
  .venv/bin/kg build measure/nerwiki-$n.jsonl -o measure/nerbuild-$n --no-viewer --no-cache -q --jobs 2 > /dev/null
  $PY $GOLD/ner_wikipedia.py score $DATA measure/nerbuild-$n/graph.trig --n $n > measure/ner-$n.txt
done
$PY -c "from kg.kb import load_kb; import json; print(json.dumps(load_kb().stats()))" > measure/kb.txt
cat measure/score.txt measure/ner-*.txt measure/kb.txt
