#!/usr/bin/env bash
# `saidso search` against `fzf --filter` on the same 100 MB, in one run.
# Needs hyperfine and fzf (apt-get install -y hyperfine fzf) and the
# corpus that `cargo bench --bench filter` generates into target/.
# Usage: benches/fzf_compare.sh [QUERY...]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${SAIDSO_BENCH_CORPUS:-target/bench-corpus/articles-20000-seed1}
lines=${SAIDSO_BENCH_LINES:-target/bench-corpus/lines-20000-seed1.txt}
[ -d "$corpus" ] && [ -f "$lines" ] || { echo "run cargo bench --bench filter first" >&2; exit 1; }
cargo build --release --quiet
[ $# -gt 0 ] || set -- lavrov "sanctions china" "tiger bell" xqzv
for q in "$@"; do
  # Exit status 1 means "no match" for both: not a failure here.
  hyperfine --runs "${RUNS:-3}" --warmup 1 -i \
    -n "saidso search '$q'" "target/release/saidso search '$q' $corpus > /dev/null" \
    -n "fzf --filter '$q'" "fzf --filter '$q' < $lines > /dev/null"
done
# Where saidso's time goes: loading the corpus alone (the list command).
hyperfine --runs "${RUNS:-3}" -n "saidso list (corpus loading only)" "target/release/saidso list $corpus > /dev/null"
