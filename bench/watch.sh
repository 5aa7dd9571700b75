#!/usr/bin/env bash
# Save-to-result benchmark of the watch mode (docs/watch.md): 'vra test --watch' through bin/vra on a copy
# of the project's rules and rule tests; SAVES saves of a rule file, then of a test file, each timed from
# writing the file to the new "N passed, M failed" line on the watch's output. Prints median and p90.
# Usage: bench/watch.sh [SAVES=21]      (build first: mvn -B -q -DskipTests package)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
saves="${1:-21}"
[[ -f "$root/cli/target/vra.jar" ]] || { echo "build first: mvn -B -q -DskipTests package" >&2; exit 2; }
work="$(mktemp -d "${TMPDIR:-/tmp}/vra-watch-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cp -R "$root/rules" "$work/rules"
echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
VRA_CACHE_DIR="$work/cache" java "$root/bench/WatchBench.java" "$root/bin/vra" "$work/rules" "$saves"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
