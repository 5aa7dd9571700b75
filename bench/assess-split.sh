#!/usr/bin/env bash
# Micro-benchmark (JMH) of one assessment of parsed profiles and of its two parts: the rule session
# (insert, fire, collect the hits, reset) and the assessor's own work after it (findings, waivers,
# scoring, recommendations, the way down, completeness), timed on hits recorded beforehand. Single
# thread, steady state, the launcher's batch JVM flags. Workload: N profiles from
# bench/GenerateProfiles.java (incidents, unknowns, several services per vendor, as rich as
# samples/), parsed once before measuring.
#
# Usage: bench/assess-split.sh [N=5000]        (extra JMH options in JMH_OPTS, e.g. "-f 3")
set -euo pipefail
n="${1:-5000}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -B -q -Pbench -pl bench/jmh -am package -DskipTests
work="$(mktemp -d "${TMPDIR:-/tmp}/vra-split.XXXXXX")"
trap 'rm -rf "$work"' EXIT
java bench/GenerateProfiles.java "$n" "$work/profiles" "${SEED:-42}" >&2
# the fork gets the properties prepended; the batch flags come from the benchmark's @Fork
# shellcheck disable=SC2086
java -jar bench/jmh/target/benchmarks.jar AssessmentSplit -jvmArgsPrepend "-Dvra.bench.profiles=$work/profiles -Dvra.bench.rules=$root/rules" ${JMH_OPTS:-}
