#!/usr/bin/env bash
# Benchmark of the html report (-o html): for each N, generates N varied profiles (2 % invalid) and
#   writes the report with bin/vra's defaults and with a small heap (-Xmx96m: the report must not
#   need memory that grows with N), measuring wall time and peak RSS (/usr/bin/time -v);
#   then opens the report in headless Chromium and measures the time to load and render it: the
#   wall time of `chromium --headless --screenshot` on the report minus the same on an empty page
#   (the browser's own start-up), median of RUNS.
# Prints a Markdown table for docs/html-report.md.
#
# Usage: bench/html.sh [SIZES="1000 10000"] [RUNS=3]      (SEED=42; KEEP=1 keeps the folder; DETAIL=... passes
#        --html-detail)
set -euo pipefail
sizes="${1:-1000 10000}"
runs="${2:-3}"
seed="${SEED:-42}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${VRA_JAR:-$root/cli/target/vra.jar}"   # bin/vra runs VRA_JAR when set
chromium="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}"
if [[ ! -f "$jar" ]]; then
  echo "building $jar ..." >&2
  (cd "$root" && mvn -B -q -DskipTests package)
fi
if [[ ! -x /usr/bin/time ]]; then
  echo "bench: /usr/bin/time is needed for peak RSS (Debian: apt-get install time)" >&2
  exit 2
fi
if [[ -z "$chromium" ]]; then
  echo "bench: no chromium on PATH (Debian: apt-get install chromium); set CHROMIUM=PATH" >&2
  exit 2
fi
work="$(mktemp -d "${TMPDIR:-/tmp}/vra-html-bench.XXXXXX")"
if [[ "${KEEP:-0}" != 1 ]]; then
  trap 'rm -rf "$work"' EXIT
fi
detail=()
if [[ -n "${DETAIL:-}" ]]; then
  detail=(--html-detail "$DETAIL")
fi

median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

# wall seconds and peak RSS MB of one bin/vra run: opts ('' = launcher defaults), then vra arguments
measure() {
  local opts="$1"
  shift
  local rc=0
  if [[ -n "$opts" ]]; then
    VRA_JAVA_OPTS="$opts" /usr/bin/time -v -o "$work/time" "$root/bin/vra" "$@" >/dev/null 2>"$work/err" || rc=$?
  else
    env -u VRA_JAVA_OPTS /usr/bin/time -v -o "$work/time" "$root/bin/vra" "$@" >/dev/null 2>"$work/err" || rc=$?
  fi
  if [[ $rc -ne 0 && $rc -ne 3 ]]; then # 3: the generated invalid files
    echo "bench: vra failed with exit code $rc" >&2
    tail -5 "$work/err" >&2
    exit 1
  fi
  awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; w = s}
              /Maximum resident set size/ {r = $2 / 1024} END {printf "%.2f %.0f\n", w, r}' "$work/time"
}

# wall seconds of headless Chromium loading and rendering a page (first screen, 1280x1600)
browse() {
  local start end
  rm -rf "$work/chromium-profile"
  start=$(date +%s.%N)
  "$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --no-first-run --disable-sync --user-data-dir="$work/chromium-profile" --window-size=1280,1600 \
    --screenshot="$work/shot.png" "file://$1" >/dev/null 2>&1
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" 'BEGIN {printf "%.2f\n", e - s}'
}

echo '<p>empty</p>' > "$work/empty.html"
rows=()
for n in $sizes; do
  echo "N = $n: generating profiles ..." >&2
  java "$root/bench/GenerateProfiles.java" "$n" "$work/p$n" "$seed" >&2
  : > "$work/w"; : > "$work/r"; : > "$work/w96"; : > "$work/r96"; : > "$work/b"
  for ((i = 1; i <= runs; i++)); do
    read -r w r < <(measure "" assess --no-progress "${detail[@]}" -o "html=$work/report-$n.html" "$work/p$n")
    echo "$w" >> "$work/w"; echo "$r" >> "$work/r"
    read -r w r < <(measure "-Xmx96m" assess --no-progress "${detail[@]}" -o "html=$work/report-$n.html" "$work/p$n")
    echo "$w" >> "$work/w96"; echo "$r" >> "$work/r96"
    empty="$(browse "$work/empty.html")"
    page="$(browse "$work/report-$n.html")"
    awk -v p="$page" -v e="$empty" 'BEGIN {printf "%.2f\n", p - e}' >> "$work/b"
    echo "  run $i: report $(tail -1 "$work/w") s / $(tail -1 "$work/r") MB, -Xmx96m $(tail -1 "$work/w96") s /" \
      "$(tail -1 "$work/r96") MB, Chromium $(tail -1 "$work/b") s beyond an empty page ($empty s)" >&2
  done
  size="$(du -m "$work/report-$n.html" | cut -f1)"
  rows+=("$(printf '| %6s | %5s | %8s | %8s | %10s | %10s | %14s |' "$n" "$size" "$(median < "$work/w")" \
    "$(median < "$work/r")" "$(median < "$work/w96")" "$(median < "$work/r96")" "$(median < "$work/b")")")
done
echo
echo "html report, medians of $runs runs ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1))"
echo
echo '|  files |    MB | report s | peak MB | -Xmx96m s | -Xmx96m MB | Chromium open s |'
echo '| -----: | ----: | -------: | ------: | ---------: | ---------: | -------------: |'
printf '%s\n' "${rows[@]}"
