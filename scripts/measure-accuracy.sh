#!/usr/bin/env bash
# Measures Vigil on labelled sets: runs the nightly job on each set's inbox and prints precision, recall and F1 per
# category for the whole set beside the F1 of the fixed tune / holdout halves, twice: counting the rules' findings
# alone, and counting every signal (rules + tone classifier) (docs/accuracy.md).
#   scripts/measure-accuracy.sh [EVAL_DATA_DIR]     (default: ../shared/eval-data)
# Nothing is copied from the data folder; outputs go to a temporary folder.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${1:-$here/../shared/eval-data}"
[[ -d "$data" ]] || { echo "measure-accuracy: no evaluation data at $data" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for set in "$data"/*/; do
  set="${set%/}"
  name="$(basename "$set")"
  [[ -f "$set/labels.csv" && -d "$set/inbox" ]] || continue
  out="$work/$name"
  "$here/vigil" nightly --inbox "$set/inbox" --out "$out" --db "$work/db-$name" --date 2026-11-20 >"$work/$name.log" 2>&1 \
    || { echo "measure-accuracy: the nightly job failed on $name (see $work/$name.log)" >&2; cat "$work/$name.log" >&2; exit 1; }
  echo "### $name"
  echo
  for signals in rule rule,classifier,detector; do
    echo "**signals: $signals**"
    echo
    "$here/vigil" eval --evaluations "$out/evaluations.jsonl" --labels "$set/labels.csv" --split halves \
      --signals "$signals"
    echo
  done
done
