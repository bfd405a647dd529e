#!/usr/bin/env bash
# The per-hop benchmark in one command (about 5 minutes): for GET event, GET availability, GET users/me, a session
# refresh and three kinds of hold, the same requests straight to the service and through the gateway (a waiting-room
# poll, which the gateway answers alone, through the gateway only), at a fixed concurrency and at a fixed arrival
# rate, plus pgbench on the hold path's SQL; the rate, latency and CPU per request of every process, and the ratios
# gateway/direct and holds/pgbench. Uses the running platform, or starts it (as run-benchmark.sh does).
#
#   load-test/per-hop.sh            the measurement; report in load-test/target/per-hop/report.md
#   load-test/per-hop.sh --smoke    a second per case, no pgbench (CI): fails unless every case answers as
#                                   expected through both hops; measures nothing
#
# Settings (environment): SECONDS_PER_CASE (15), WARMUP (5), CONCURRENCY (16), OPEN_SHARE (0.6: the open model's rate
# as a share of the direct closed-model rate), BUYERS (64), CASES (comma-separated case names, default all),
# BENCHMARK_JAVA_OPTS (the services' JVM options when this script starts the platform).
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/java.sh
smoke=false
[ "${1:-}" = --smoke ] && smoke=true
if $smoke; then
  : "${SECONDS_PER_CASE:=1}" "${WARMUP:=0}" "${CONCURRENCY:=2}" "${OPEN_SHARE:=0.2}" "${BUYERS:=16}" "${ROWS:=20}"
else
  : "${SECONDS_PER_CASE:=15}" "${WARMUP:=5}" "${CONCURRENCY:=16}" "${OPEN_SHARE:=0.6}" "${BUYERS:=64}" "${ROWS:=150}"
fi
: "${CASES:=}" "${BENCHMARK_JAVA_OPTS:=}"
gateway=${BOXOFFICE_GATEWAY:-http://127.0.0.1:8080}
work=$PWD/load-test/target
report=$work/per-hop
mkdir -p "$report"

. load-test/platform.sh
echo "- SECONDS_PER_CASE=$SECONDS_PER_CASE WARMUP=$WARMUP CONCURRENCY=$CONCURRENCY OPEN_SHARE=$OPEN_SHARE BUYERS=$BUYERS" \
  >> "$report/config.txt"

echo "==> Building the load test"
./mvnw -B -q -ntp -pl load-test test-compile dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" \
  -Dmdep.includeScope=test
cp="$work/classes:$(cat "$work/cp.txt")"

echo "==> Per-hop benchmark (report: load-test/target/per-hop/report.md)"
"$JAVA_HOME/bin/java" -cp "$cp" -Dout="$report" -Dseconds="$SECONDS_PER_CASE" -Dwarmup="$WARMUP" \
  -Dconcurrency="$CONCURRENCY" -DopenShare="$OPEN_SHARE" -Dbuyers="$BUYERS" -Drows="$ROWS" -Dcases="$CASES" \
  -Dgateway="$gateway" -Dpgbench="$($smoke && echo false || echo true)" -Dstrict="$smoke" \
  org.boxoffice.loadtest.HopBench
cat "$report/config.txt" >> "$report/report.md"
