#!/usr/bin/env bash
# Synthesises the 50-stack CDK app (once, into a temporary folder unless OUT is given) and times
# `./regionlint check <cdk.out>` as a user runs it: K whole processes (default 5), each measured
# with GNU time; prints every run and the median. A temporary assembly is deleted at the end.
# See README.md.
#   bench/cdk50/run.sh [K]        OUT=/tmp/cdk50.out bench/cdk50/run.sh
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
runs=${1:-5}
if [[ -n ${OUT:-} ]]; then
  out=$OUT
else
  scratch=$(mktemp -d "${TMPDIR:-/tmp}/cdk50.XXXXXX")
  trap 'rm -rf "$scratch"' EXIT
  out=$scratch/cdk.out
fi
[[ -x /usr/bin/time ]] || { echo "run.sh: GNU time (/usr/bin/time) is needed: apt-get install time" >&2; exit 2; }

if [[ ! -f $out/manifest.json ]]; then
  (cd "$here" && { [[ -d node_modules ]] || npm ci --no-audit --no-fund >/dev/null; } \
    && CDK_DISABLE_VERSION_CHECK=1 npx cdk synth --no-notices --output "$out" >/dev/null 2>&1)
fi
echo "assembly: $out ($(find "$out" -name '*.template.json' | wc -l) templates)"

cd "$root"
./regionlint check "$out" >/dev/null || true   # warm-up: builds the jar and the CDS archive if needed
times=$(mktemp)
for ((i = 1; i <= runs; i++)); do
  rc=0
  /usr/bin/time -f "%e %M" -a -o "$times" ./regionlint check "$out" >/dev/null || rc=$?
  [[ $rc -eq 0 ]] || echo "run $i exited $rc" >&2
done
echo "wall (s) and peak RSS (KiB) per run:"
cat "$times"
sort -n "$times" | awk '{ w[NR] = $1; if ($2 > m) m = $2 } END {
  printf "median %.2f s (min %.2f, max %.2f), peak RSS %.0f MiB, %d runs\n",
    (NR % 2 ? w[(NR + 1) / 2] : (w[NR / 2] + w[NR / 2 + 1]) / 2), w[1], w[NR], m / 1024, NR }'
./regionlint check "$out" | tail -n 1
rm -f "$times"
