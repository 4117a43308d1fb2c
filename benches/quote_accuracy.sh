#!/usr/bin/env bash
# Speaker accuracy on the shared evaluation data (never copied into the
# project): the seed gold and PolNeAR's train and dev compartments, with
# the breakdown of errors by kind. Study errors on train; check that a
# change generalises on dev. Usage: benches/quote_accuracy.sh [ROWS.jsonl]
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared
cargo build --release --quiet
bin=target/release/saidso
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "== seeds"
"$bin" --no-state --no-cache quotes --json "$shared/seeds" > "$out/seeds.json" 2>/dev/null
python3 "$shared/tools/score_quotes.py" "$shared/gold/seeds.json" "$out/seeds.json" | tail -1

echo "== PolNeAR (train and dev)"
pn=$shared/eval/polnear
start=$(date +%s.%N)
"$bin" --no-state --no-cache quotes --json "$pn/articles" > "$out/pn.json" 2>/dev/null
end=$(date +%s.%N)
python3 "$shared/tools/score_quotes.py" "$pn/gold.json" "$out/pn.json" | tail -1
python3 "$shared/tools/quote_breakdown.py" "$pn/gold.json" "$pn/gold_detail.jsonl" \
    "$out/pn.json" "${1:-$out/rows.jsonl}"
echo "quotes --json over $(du -sh "$pn/articles" | cut -f1): $(echo "$end - $start" | bc) s"
