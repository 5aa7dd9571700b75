#!/usr/bin/env bash
# Cold-start benchmark: every run is a fresh JVM. Prints the median wall time (ms) of RUNS runs of
#  (a) a trivial Java program (a main that prints one line, compiled here),
#  (b) 'vra assess' of one profile with a warm rule cache,
#  (c) the same with an empty rule cache (the rules are compiled),
# each for plain 'java -jar' and for the bin/vra launcher (C1, serial GC, AppCDS archive).
# Usage: bench/startup.sh [RUNS] [PROFILE]     (build first: mvn -B package -DskipTests)
# Needs only bash, java, date and sort; hyperfine is not used.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-7}"
profile="${2:-samples/pbx-incident.yaml}"
jar=cli/target/vra.jar
[[ -f "$jar" ]] || { echo "build first: mvn -B package -DskipTests" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/trivial"
cat > "$work/trivial/Hello.java" <<'JAVA'
public class Hello { public static void main(String[] args) { System.out.println("hello"); } }
JAVA
javac -d "$work/trivial" "$work/trivial/Hello.java"

# median wall time in ms of running "$@" $runs times; BEFORE (a command) runs before each run, untimed
median() {
    local times=() i start end
    for ((i = 0; i < runs; i++)); do
        [[ -n "${BEFORE:-}" ]] && eval "$BEFORE"
        start=$(date +%s%N)
        "$@" > /dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
        end=$(date +%s%N)
        times+=($(( (end - start) / 1000000 )))
    done
    printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p"
}

warm="$work/warm-cache"
# the first run of a jar build, as after an install or upgrade: it compiles the rules into the cache
# (a new build never finds its entry) and writes the launcher's AppCDS archive, compiler included
VRA_CACHE_DIR="$warm" bin/vra assess "$profile" > /dev/null

trivial=$(BEFORE= median java -cp "$work/trivial" Hello)
plain_warm=$(BEFORE= median java -jar "$jar" assess --cache-dir "$warm" "$profile")
plain_empty=$(BEFORE='rm -rf "$work/empty"' median java -jar "$jar" assess --cache-dir "$work/empty" "$profile")
export VRA_CACHE_DIR="$warm"
launcher_warm=$(BEFORE= median bin/vra assess "$profile")
launcher_empty=$(BEFORE='rm -rf "$work/empty2"' median bin/vra assess --cache-dir "$work/empty2" "$profile")

ratio() { awk -v a="$1" -v b="$trivial" 'BEGIN { printf "%.1fx", a / b }'; }
echo "cold start, median of $runs fresh JVMs, $(nproc) cores, $(java -version 2>&1 | head -1)"
printf '%-44s %6s ms\n' "(a) trivial Java program" "$trivial"
printf '%-44s %6s ms  %s\n' "(b) vra assess, warm rule cache, java -jar" "$plain_warm" "$(ratio "$plain_warm")"
printf '%-44s %6s ms  %s\n' "(c) vra assess, empty rule cache, java -jar" "$plain_empty" "$(ratio "$plain_empty")"
printf '%-44s %6s ms  %s\n' "(b) vra assess, warm rule cache, bin/vra" "$launcher_warm" "$(ratio "$launcher_warm")"
printf '%-44s %6s ms  %s\n' "(c) vra assess, empty rule cache, bin/vra" "$launcher_empty" "$(ratio "$launcher_empty")"
