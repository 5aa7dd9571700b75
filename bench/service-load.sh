#!/usr/bin/env bash
# The decision service under load and abuse, on loopback only, bounded in clients and time:
#   1. load     after a warm-up (8 clients, WARMUP=30 s), CLIENTS concurrent clients for SECONDS s, a mix of valid YAML and JSON profiles, batches,
#               invalid profiles, oversize bodies and a wrong media type; every answer is checked (status
#               and body), p50/p90/p99 latency printed; the service's RSS is sampled every second
#   2. slow     SLOW clients send a body byte by byte (one every 200 ms): each must be cut off at
#               vra.body-timeout while normal requests keep being answered
#   3. timeout  the service restarted with vra.assessment-timeout=1ms: answers are 200 or 503 naming the
#               profile, and the service is still ready afterwards
# Exit status 1 when any answer was not the expected one.
#
# Usage: bench/service-load.sh [CLIENTS=1000] [SECONDS=60] [SLOW=300]   (HEAP=512m: the service's -Xmx)
set -euo pipefail
clients="${1:-1000}"
seconds="${2:-60}"
slow="${3:-300}"
heap="${HEAP:-512m}"
(( clients <= 2000 && seconds <= 600 && slow <= 1000 )) || { echo "service-load: at most 2000 clients, 600 s, 1000 slow clients" >&2; exit 2; }
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
app="${APP:-$root/service/target/quarkus-app}"
if [[ ! -f "$app/quarkus-run.jar" ]]; then
  echo "building the service ..." >&2
  (cd "$root" && mvn -B -q -pl service -am package -DskipTests)
fi
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
work="$(mktemp -d "${TMPDIR:-/tmp}/vra-service-load.XXXXXX")"
key="bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
port=$(( 20000 + RANDOM % 20000 ))
url="http://127.0.0.1:$port"
pid=""
sampler=""
cleanup() {
  [[ -n "$sampler" ]] && kill "$sampler" 2>/dev/null || true
  [[ -n "$pid" ]] && kill "$pid" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT

start() {
  (cd "$app" && exec java -Xmx"$heap" -XX:SharedArchiveFile=app-cds.jsa -Dquarkus.http.host=127.0.0.1 \
      -Dquarkus.http.port="$port" -Dvra.auth.api-keys="bench:$key" "$@" -jar quarkus-run.jar) >"$work/service.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    if curl -fs "$url/q/health/ready" >/dev/null 2>&1; then return 0; fi
    sleep 0.2
  done
  echo "service-load: the service did not become ready; see $work/service.log" >&2
  exit 1
}
stop() {
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
}
rss() { awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status"; }

echo "== load: $clients clients, $seconds s (service -Xmx$heap, $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg))"
start
echo "rss ready: $(rss) MB"
# a service runs warm: first 8 clients for WARMUP s (default 30) let the JIT compile the rules' code; not measured
java "$root/bench/ServiceLoad.java" load "$url" "$key" "$root" 8 "${WARMUP:-30}" >"$work/warmup.txt" || true
echo "warm-up: $(grep -E '^(requests|unexpected answers):' "$work/warmup.txt" | tr '\n' ' ')"
echo "rss warm: $(rss) MB"
( while kill -0 "$pid" 2>/dev/null; do rss; sleep 1; done ) >"$work/rss.txt" &
sampler=$!
rc=0
java -Xss256k "$root/bench/ServiceLoad.java" load "$url" "$key" "$root" "$clients" "$seconds" || rc=1
kill "$sampler" 2>/dev/null || true; sampler=""
# flat memory: the median RSS of the load's second and last tenth, and the highest
n=$(wc -l <"$work/rss.txt")
t=$(( n / 10 > 0 ? n / 10 : 1 ))
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
echo "rss samples: $n"
echo "rss early (2nd tenth, median): $(sed -n "$((t + 1)),$((2 * t))p" "$work/rss.txt" | median) MB"
echo "rss late (last tenth, median): $(tail -n "$t" "$work/rss.txt" | median) MB"
echo "rss max: $(sort -n "$work/rss.txt" | tail -1) MB"
echo "rss peak (VmHWM): $(awk '/VmHWM/ {print int($2/1024)}' "/proc/$pid/status") MB"

echo "== slow: $slow clients sending a body byte by byte"
java "$root/bench/ServiceLoad.java" slow "$url" "$key" "$slow" || rc=1
curl -fs "$url/q/health/ready" >/dev/null && echo "health after: UP" || { echo "health after: DOWN"; rc=1; }
stop

echo "== timeout: vra.assessment-timeout=1ms"
start -Dvra.assessment-timeout=1ms
java "$root/bench/ServiceLoad.java" timeout "$url" "$key" "$root" 50 || rc=1
stop
echo "service log: $work/service.log"
exit "$rc"
