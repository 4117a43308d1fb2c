#!/usr/bin/env bash
# `saidso quotes --jsonl` (streaming) against `quotes --json` (the whole
# corpus in memory) on the same JSON Lines: wall time, MB/s and peak RSS
# (/usr/bin/time -v), then a check that both give the same records.
# The corpus is the 20,000 generated articles as JSON Lines, made once
# into /tmp by benches/jsonl_corpus.py (set CORPUS for another file).
# Usage: benches/jsonl_stream.sh   (RUNS=3 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${CORPUS:-$(python3 benches/jsonl_corpus.py)}
target=${CARGO_TARGET_DIR:-target}
cargo build --release --quiet
bin=$target/release/saidso
bytes=$(stat -c %s "$corpus")
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# One run: "seconds peak-kB" of `saidso ARGS… > FILE`.
measure() {
  local file=$1
  shift
  /usr/bin/time -f '%e %M' -o "$out/time" "$bin" "$@" > "$file"
  cat "$out/time"
}

printf '%-32s %8s %8s %10s\n' mode seconds MB/s "peak RSS"
for run in $(seq "${RUNS:-3}"); do
  for mode in jsonl json; do
    # --no-cache: the load cache would spare --json its parsing on the
    # second run; streaming never uses it.
    read -r secs kb < <(measure "$out/$mode" --no-cache quotes --$mode "$corpus")
    printf '%-32s %8s %8.1f %7d MB\n' "quotes --$mode (run $run)" "$secs" \
      "$(echo "$bytes / 1000000 / $secs" | bc -l)" $((kb / 1024))
  done
done
# Streaming from a pipe, as a distributed job feeds it.
read -r secs kb < <(cat "$corpus" | measure "$out/pipe" quotes --jsonl)
printf '%-32s %8s %8.1f %7d MB\n' "cat | quotes --jsonl" "$secs" \
  "$(echo "$bytes / 1000000 / $secs" | bc -l)" $((kb / 1024))

python3 - "$out/json" "$out/jsonl" <<'EOF'
import json, sys
whole = json.load(open(sys.argv[1]))
lines = [json.loads(l) for l in open(sys.argv[2])]
assert len(whole) == len(lines), (len(whole), len(lines))
for w, l in zip(whole, lines):
    l.pop("id", None)
    l.pop("url", None)
    assert w == l, w["path"]
print(f"same records: {len(lines)} articles, "
      f"{sum(len(w['quotes']) for w in whole)} quotations")
EOF
