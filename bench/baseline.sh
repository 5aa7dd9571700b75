#!/usr/bin/env bash
# Benchmark of a baseline: what --baseline adds to a batch run. Generates N varied profiles (as
# bench/run.sh does), writes their JSON report once as the baseline, changes a tenth of the profiles,
# then measures, each RUNS times,
#   e2e            vra assess -o json=FILE                             (the batch run alone)
#   e2e-baseline   vra assess --baseline BASE.json -o json=FILE        (the same compared with the baseline)
#   diff           vra diff BASE.json REPORT.json -f json              (two saved reports, no rules)
# and prints the medians of wall time and peak RSS (/usr/bin/time -v), and the baseline's cost in per cent.
#
# Usage: bench/baseline.sh [N=100000] [RUNS=3]      (SEED=42 and KEEP=1 to keep the generated folder)
set -euo pipefail
n="${1:-100000}"
runs="${2:-3}"
seed="${SEED:-42}"
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
java "$root/bench/GenerateProfiles.java" "$n" "$work/profiles" "$seed" >&2
today=2026-11-30
"$root/bin/vra" assess --today "$today" --no-progress -o "json=$work/base.json" "$work/profiles" 2>/dev/null || [[ $? -eq 3 ]]
# this quarter: one profile in ten lost a support channel or its SLA, so findings are new and resolved
find "$work/profiles" -name '*.yaml' | sort | awk 'NR % 10 == 0' | while read -r f; do
  sed -i -e 's/  statusPage: true/  statusPage: false/' -e 's/  offered: false/  offered: true/' "$f"
done
echo "baseline: $(du -m "$work/base.json" | cut -f1) MB" >&2

measure() { # name, command...
  timed "$@"
  echo "$wall $rss" >> "$work/$1.runs"
  echo "  $1: ${wall} s, ${rss} MB" >&2
}

for ((r = 1; r <= runs; r++)); do
  echo "run $r of $runs" >&2
  measure e2e "$root/bin/vra" assess --today "$today" --no-progress -o "json=$work/report.json" "$work/profiles"
  measure e2e-baseline "$root/bin/vra" assess --today "$today" --no-progress --baseline "$work/base.json" \
    -o "json=$work/report.json" "$work/profiles"
  measure diff "$root/bin/vra" diff -f json "$work/base.json" "$work/report.json"
done
"$root/bin/vra" diff "$work/base.json" "$work/report.json" | head -1 >&2

echo
echo "$n profiles, medians of $runs runs ($(nproc) cores, $(java -version 2>&1 | head -1))"
echo
printf '| %-13s | %7s | %12s |\n' run "wall s" "peak RSS MB"
printf '|%s|%s|%s|\n' ---------------: --------: -------------:
for name in e2e e2e-baseline diff; do
  printf '| %-13s | %7.2f | %12s |\n' "$name" "$(median "$name" 1)" "$(median "$name" 2)"
done
echo
awk -v a="$(median e2e 1)" -v b="$(median e2e-baseline 1)" -v ra="$(median e2e 2)" -v rb="$(median e2e-baseline 2)" \
  'BEGIN {printf "the baseline adds %.1f %% to the wall time and %.1f %% to the peak RSS (target: at most 20 %% time)\n", (b / a - 1) * 100, (rb / ra - 1) * 100}'
