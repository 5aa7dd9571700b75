#!/usr/bin/env bash
# A longer fuzzing campaign of the profile reader, then the property tests with a large budget.
#
#   1. Jazzer (coverage-guided, libFuzzer) runs ProfileReaderFuzzTest.fuzzerTestOneInput for SECONDS,
#      starting from the corpus kept in the repository (replayed by every `mvn verify`). It checks the
#      reader's contract: a profile, or diagnostics inside the file; never another exception, a hang
#      (-timeout) or a blown heap (-rss_limit_mb). A finding is copied into the repository's corpus,
#      so it is replayed by every build from then on: fix the reader, then commit the file.
#   2. The property tests (hostile.*Test) with TRIES cases per property.
#
# Usage: bench/fuzz.sh [SECONDS=300] [TRIES=5000]      (SEED=n for another random start)
# Prints the figures: executions, executions/s, corpus growth, findings, the properties' run time.
set -euo pipefail
seconds="${1:-300}"
tries="${2:-5000}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="$root/assessor/src/test/resources/dev/vendorrisk/assessor/hostile/ProfileReaderFuzzTestInputs/readerReturnsAProfileOrDiagnostics"
work="$root/assessor/target/fuzz"
mkdir -p "$work/generated" "$work/findings"

echo "fuzz: building the test classes and their classpath ..." >&2
(cd "$root" && mvn -B -q -pl assessor test-compile dependency:build-classpath \
  -Dmdep.outputFile="$work/classpath.txt" -Dmdep.includeScope=test)
cp="$root/assessor/target/test-classes:$root/assessor/target/classes:$(cat "$work/classpath.txt")"

before=$(ls "$work/generated" | wc -l)
echo "fuzz: Jazzer for ${seconds}s over $(ls "$corpus" | wc -l) corpus inputs ..." >&2
start=$(date +%s)
set +e
(cd "$work/findings" && java -Xmx2g -cp "$cp" com.code_intelligence.jazzer.Jazzer \
  --target_class=dev.vendorrisk.assessor.hostile.ProfileReaderFuzzTest \
  --instrumentation_includes='dev.vendorrisk.**:org.yaml.**:com.fasterxml.**' \
  --keep_going=100 \
  -max_total_time="$seconds" -max_len=16384 -timeout=120 -rss_limit_mb=2560 -print_final_stats=1 \
  ${SEED:+-seed=$SEED} "$work/generated" "$corpus") > "$work/jazzer.log" 2>&1
status=$?
set -e
elapsed=$(( $(date +%s) - start ))
stat() { grep -m1 "^stat::$1:" "$work/jazzer.log" | awk '{print $2}'; }
findings=$(find "$work/findings" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' -o -name 'slow-unit-*' \) | wc -l)
echo "jazzer: exit status $status, ${elapsed}s wall"
echo "jazzer: executions $(stat number_of_executed_units), $(stat average_exec_per_sec) exec/s," \
     "new corpus units $(( $(ls "$work/generated" | wc -l) - before )) (generated corpus: $(ls "$work/generated" | wc -l))," \
     "peak RSS $(stat peak_rss_mb) MB, findings $findings"
if (( findings > 0 )); then
  for f in "$work/findings"/{crash,timeout,oom,leak,slow-unit}-*; do
    [[ -f "$f" ]] && cp "$f" "$corpus/finding-$(basename "$f")" && echo "jazzer: finding kept as $corpus/finding-$(basename "$f")"
  done
  grep -m3 -A12 "== Java Exception\|ERROR: libFuzzer" "$work/jazzer.log" || true
fi

echo "fuzz: property tests, $tries cases per property ..." >&2
start=$(date +%s)
set +e
(cd "$root" && mvn -B -q -pl assessor test -Dtest='dev.vendorrisk.assessor.hostile.*PropertiesTest,HostileProfilesTest' \
  -Dsurefire.failIfNoSpecifiedTests=false -Dvra.props.tries="$tries" ${SEED:+-Dvra.props.seed=$SEED}) > "$work/properties.log" 2>&1
props=$?
set -e
echo "properties: exit status $props, $(( $(date +%s) - start ))s wall, $tries cases per property" \
     "(log: $work/properties.log)"
exit $(( status != 0 || props != 0 ))
