# Shared by the benchmarks of vra runs (bench/run.sh, bench/baseline.sh, bench/html.sh), sourced after
# `set -euo pipefail`: the repository and the CLI jar (built when missing), a scratch folder, timed
# runs and medians.
#
# Sets root, jar (VRA_JAR when set: bin/vra runs it) and work, a folder named after $bench (default
# vra-bench) that is removed at exit unless KEEP=1.

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${VRA_JAR:-$root/cli/target/vra.jar}"
if [[ ! -f "$jar" ]]; then
  echo "building $jar ..." >&2
  (cd "$root" && mvn -B -q -DskipTests package)
fi
if [[ ! -x /usr/bin/time ]]; then
  echo "bench: /usr/bin/time is needed for peak RSS (Debian: apt-get install time)" >&2
  exit 2
fi
work="$(mktemp -d "${TMPDIR:-/tmp}/${bench:-vra-bench}.XXXXXX")"
if [[ "${KEEP:-0}" != 1 ]]; then
  trap 'rm -rf "$work"' EXIT
fi

# timed NAME COMMAND...: runs COMMAND under /usr/bin/time -v, its output dropped and its stderr kept in
# $work/err; exit codes 0 and 3 (the generated invalid files) are fine, anything else ends the
# benchmark. Sets wall (seconds) and rss (peak RSS, MB).
timed() {
  local name="$1"
  shift
  local rc=0
  /usr/bin/time -v -o "$work/time" "$@" >/dev/null 2>"$work/err" || rc=$?
  if [[ $rc -ne 0 && $rc -ne 3 ]]; then # 3: the generated invalid files
    echo "bench: $name failed with exit code $rc" >&2
    tail -5 "$work/err" >&2
    exit 1
  fi
  wall="$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$work/time")"
  rss="$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$work/time")"
}

median() { # NAME COLUMN: the median of a column of $work/NAME.runs
  awk -v c="$2" '{print $c}' "$work/$1.runs" | sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}
