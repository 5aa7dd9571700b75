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
bench=vra-html-bench
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
chromium="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}"
if [[ -z "$chromium" ]]; then
  echo "bench: no chromium on PATH (Debian: apt-get install chromium); set CHROMIUM=PATH" >&2
  exit 2
fi
detail=()
if [[ -n "${DETAIL:-}" ]]; then
  detail=(--html-detail "$DETAIL")
fi

# the median of the numbers on stdin (lib.sh's median reads a column of a runs file)
middle() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

# wall seconds and peak RSS MB of one bin/vra run: opts ('' = launcher defaults), then vra arguments
measure() {
  local opts="$1"
  shift
  if [[ -n "$opts" ]]; then
    timed vra env VRA_JAVA_OPTS="$opts" "$root/bin/vra" "$@"
  else
    timed vra env -u VRA_JAVA_OPTS "$root/bin/vra" "$@"
  fi
  printf '%.2f %s\n' "$wall" "$rss"
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
  rows+=("$(printf '| %6s | %5s | %8s | %8s | %10s | %10s | %14s |' "$n" "$size" "$(middle < "$work/w")" \
    "$(middle < "$work/r")" "$(middle < "$work/w96")" "$(middle < "$work/r96")" "$(middle < "$work/b")")")
done
echo
echo "html report, medians of $runs runs ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1))"
echo
echo '|  files |    MB | report s | peak MB | -Xmx96m s | -Xmx96m MB | Chromium open s |'
echo '| -----: | ----: | -------: | ------: | ---------: | ---------: | -------------: |'
printf '%s\n' "${rows[@]}"
