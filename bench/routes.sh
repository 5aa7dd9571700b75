#!/usr/bin/env bash
# The three routes to run vra, side by side (docs/benchmarks-routes.md):
#   installed   bin/vra of the distribution archive, unpacked into a temporary folder
#   bin/vra     the repository's launcher (the same script, finding cli/target/vra.jar)
#   java -jar   plain 'java -jar cli/target/vra.jar': the JVM's defaults, no launcher
# on (1) one profile, a fresh JVM each time (warm rule cache and AppCDS archive, as on a second run) and
# (2) a batch of N generated profiles (2 % invalid) written as JSON. Prints the median wall time of RUNS
# runs, peak RSS (/usr/bin/time -v) and each route's time relative to bin/vra; notes whether the run
# printed the "use vra" hint.
# Usage: bench/routes.sh [N=20000] [RUNS=3]     (build first: mvn -B -DskipTests package)
set -euo pipefail
n="${1:-20000}"
runs="${2:-3}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/cli/target/vra.jar"
archive="$(ls "$root"/dist/target/vra-*.tar.gz 2>/dev/null | head -1 || true)"
if [[ ! -f "$jar" || -z "$archive" ]]; then
  echo "build first: mvn -B -DskipTests package (it builds $jar and dist/target/vra-VERSION.tar.gz)" >&2
  exit 2
fi
[[ -x /usr/bin/time ]] || { echo "bench: /usr/bin/time is needed for peak RSS (Debian: apt-get install time)" >&2; exit 2; }
work="$(mktemp -d "${TMPDIR:-/tmp}/vra-routes.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/install"
tar -xzf "$archive" -C "$work/install"
installed="$(echo "$work"/install/vra-*/bin/vra)"
java "$root/bench/GenerateProfiles.java" "$n" "$work/profiles" "${SEED:-42}" >&2
profile="$root/samples/pbx-incident.yaml"
export VRA_CACHE_DIR="$work/cache"
unset VRA_JAVA_OPTS JAVA VRA_JAR

route() { # name -> the command's words
  case "$1" in
    installed) echo "$installed" ;;
    bin/vra) echo "$root/bin/vra" ;;
    java-jar) echo "java -jar $jar" ;;
  esac
}
routes=(installed bin/vra java-jar)

# one measured run: label, route, vra arguments
measure() {
  local label="$1" name="$2"
  shift 2
  local rc=0
  # shellcheck disable=SC2046 # the route is a word list
  /usr/bin/time -v -o "$work/time" $(route "$name") "$@" >/dev/null 2>"$work/err" || rc=$?
  if [[ $rc -ne 0 && $rc -ne 3 ]]; then # 3: the generated invalid files
    echo "bench: $label $name failed with exit code $rc" >&2
    tail -5 "$work/err" >&2
    exit 1
  fi
  local wall rss hint=no
  wall="$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$work/time")"
  rss="$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$work/time")"
  grep -q '^vra: hint:' "$work/err" && hint=yes
  echo "$wall $rss $hint" >> "$work/$label-${name//\//_}.runs"
  echo "  $label $name: ${wall} s, ${rss} MB, hint: $hint" >&2
}

# first runs of each route: compile the rules into the cache, write the launcher's AppCDS archives
for name in "${routes[@]}"; do
  # shellcheck disable=SC2046
  $(route "$name") assess "$profile" >/dev/null 2>&1 || true
done
for ((r = 1; r <= runs; r++)); do
  echo "run $r of $runs" >&2
  for name in "${routes[@]}"; do
    measure one "$name" assess "$profile"
  done
  for name in "${routes[@]}"; do
    measure batch "$name" assess --no-progress -o "json=$work/report.json" "$work/profiles"
  done
done

median() { # file column
  awk -v c="$2" '{print $c}' "$1" | sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}
col() { median "$work/$1-${2//\//_}.runs" "$3"; }

echo
echo "medians of $runs runs; batch: $n profiles; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)"
echo
printf '| %-10s | %13s | %9s | %12s | %12s | %9s | %18s |\n' route "one profile s" "vs bin/vra" "batch wall s" "vs bin/vra" "peak RSS MB" "hint on the batch"
printf '|%s|%s|%s|%s|%s|%s|%s|\n' ------------ ---------------: -----------: --------------: --------------: -----------: -------------------
for name in "${routes[@]}"; do
  one="$(col one "$name" 1)"
  batch="$(col batch "$name" 1)"
  printf '| %-10s | %13.2f | %8.2fx | %12.2f | %11.2fx | %11s | %18s |\n' "$name" "$one" \
    "$(awk -v a="$one" -v b="$(col one bin/vra 1)" 'BEGIN {print a / b}')" "$batch" \
    "$(awk -v a="$batch" -v b="$(col batch bin/vra 1)" 'BEGIN {print a / b}')" "$(col batch "$name" 2)" \
    "$(tail -1 "$work/batch-${name//\//_}.runs" | cut -d' ' -f3)"
done
