#!/usr/bin/env bash
# Scores on the development sets beside the project (../shared/eval), when they are there.
set -u
cd "$(dirname "$0")/.."
shared="../shared/eval"
[ -f "$shared/score.py" ] || { echo "no ../shared/eval here: nothing to score"; exit 0; }
tmp=$(mktemp -d)
echo "== seeds (development set) =="
.venv/bin/steppe extract --input "$shared/seeds/docs.jsonl" --output "$tmp/seeds.jsonl"
python3 "$shared/score.py" --gold "$shared/seeds/gold.jsonl" --pred "$tmp/seeds.jsonl"
echo "== PLOVER GSR (development set) =="
.venv/bin/steppe extract --input "$shared/gsr/plover_gsr_dev.jsonl" --output "$tmp/gsr.jsonl"
python3 "$shared/score.py" --gsr "$shared/gsr/plover_gsr_dev.jsonl" --pred "$tmp/gsr.jsonl"
rm -rf "$tmp"
