#!/usr/bin/env bash
# Benchmark of a batch run: generates N varied profiles (2 % invalid) and measures, each RUNS times,
#   parse-only       vra assess --parse-only         (read and validate; no rules)
#   e2e              vra assess -o json=FILE         (bin/vra's default JVM options, -Xmx384m)
#   e2e-no-cap       the same with the JVM's default heap limit (a quarter of the memory)
#   e2e-256m         the same with -Xmx256m
# and prints the medians: wall time, profiles/s, per-profile latency percentiles (measured inside vra
# with the hidden --timings flag) and peak RSS (/usr/bin/time -v).
#
# Usage: bench/run.sh [N=100000] [RUNS=3]      (SEED=42 and KEEP=1 to keep the generated folder)
set -euo pipefail
n="${1:-100000}"
runs="${2:-3}"
seed="${SEED:-42}"
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
java "$root/bench/GenerateProfiles.java" "$n" "$work/profiles" "$seed" >&2

# bin/vra appends VRA_JAVA_OPTS to its defaults (-XX:+UseSerialGC -Xmx384m -Xss512k), and the last
# -Xmx wins: "no cap" is the JVM's own default maximum (a quarter of the machine's memory).
nocap="-Xmx$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 4 / 1024 ))m"

# one measured run: name, JVM options ('' = bin/vra's defaults), vra arguments
measure() {
  local name="$1" opts="$2"
  shift 2
  if [[ -n "$opts" ]]; then
    timed "$name" env VRA_JAVA_OPTS="$opts" "$root/bin/vra" "$@"
  else
    timed "$name" env -u VRA_JAVA_OPTS "$root/bin/vra" "$@"
  fi
  local timings
  timings="$(grep '^timings:' "$work/err" | sed -E 's/.*p50 ([0-9]+) us, p95 ([0-9]+) us, p99 ([0-9]+) us.*/\1 \2 \3/')"
  echo "$wall $rss $timings" >> "$work/$name.runs"
  echo "  $name: ${wall} s, ${rss} MB, p50/p95/p99 ${timings// //} us" >&2
}

for ((r = 1; r <= runs; r++)); do
  echo "run $r of $runs" >&2
  measure parse-only "" assess --parse-only --timings --no-progress "$work/profiles"
  measure e2e "" assess --timings --no-progress -o "json=$work/report.json" "$work/profiles"
  measure e2e-no-cap "$nocap" assess --timings --no-progress -o "json=$work/report.json" "$work/profiles"
  measure e2e-256m "-Xmx256m" assess --timings --no-progress -o "json=$work/report.json" "$work/profiles"
done

echo
echo "$n profiles, medians of $runs runs ($(nproc) cores, $(java -version 2>&1 | head -1))"
echo
printf '| %-12s | %7s | %10s | %7s | %7s | %7s | %12s |\n' run "wall s" profiles/s "p50 us" "p95 us" "p99 us" "peak RSS MB"
printf '|%s|%s|%s|%s|%s|%s|%s|\n' --------------: --------: -----------: --------: --------: --------: -------------:
for name in parse-only e2e e2e-no-cap e2e-256m; do
  wall="$(median "$name" 1)"
  printf '| %-12s | %7.2f | %10.0f | %7s | %7s | %7s | %12s |\n' "$name" "$wall" "$(awk -v n="$n" -v w="$wall" 'BEGIN {print n / w}')" \
    "$(median "$name" 3)" "$(median "$name" 4)" "$(median "$name" 5)" "$(median "$name" 2)"
done
echo
awk -v e="$(median e2e 1)" -v p="$(median parse-only 1)" 'BEGIN {printf "end to end / parse-only: %.2fx\n", e / p}'
awk -v c="$(median e2e-256m 1)" -v u="$(median e2e-no-cap 1)" 'BEGIN {printf "-Xmx256m / no cap: %+.1f %%\n", (c / u - 1) * 100}'
# without a cap the parallel collector grows the heap to gigabytes, which is slower in itself:
# compare with the launcher's own cap too
awk -v c="$(median e2e-256m 1)" -v u="$(median e2e 1)" 'BEGIN {printf "-Xmx256m / launcher default (-Xmx384m): %+.1f %%\n", (c / u - 1) * 100}'
