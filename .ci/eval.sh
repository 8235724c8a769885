#!/usr/bin/env bash
# Scores on the development sets beside the project (../shared/eval), when they are there:
# every set whole, and in its tuning and check halves (eval/split.py fixes the split).
set -u
cd "$(dirname "$0")/.."
python3 eval/split.py --steppe .venv/bin/steppe
