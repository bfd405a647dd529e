#!/usr/bin/env bash
# The on-sale benchmark in one command: uses the running platform (or starts it with the gateway's rate limits raised
# and stops it at the end), seeds a large venue and two on-sale events through the admin API and a pool of buyers on
# user-service, measures the database's own limit for the hold path with pgbench, runs the Gatling profiles through
# the gateway, audits the books, and writes load-test/target/report/report.md next to the Gatling HTML reports.
#
#   load-test/run-benchmark.sh                 surge 100 → 8,000 users, then the sell-out
#   load-test/run-benchmark.sh --smoke         a handful of users for seconds, then the audit (CI)
#   WAITING_ROOM=auto load-test/run-benchmark.sh   the same surge with the surge event behind a waiting room
#
# Settings (environment): STEPS ("users:seconds,..."), RAMP (s between steps), WARMUP_STEPS (the same form, or off:
# a warm-up on an event of its own before the measured profiles, default 50:90; off in --smoke; WARMUP_BUYERS of the
# seeded buyers take part, default 200), SELLOUT_STEPS, BUYERS (accounts
# seeded), SECTIONS/ROWS/SEATS_PER_ROW/GA_AREAS/GA_CAPACITY (venue), THINK (think-time scale), PROFILES, LOGIN_RATE
# (pre-sale logins per second), BOXOFFICE_JAVA_OPTS (the services' JVM options when this script starts the platform;
# default below, not the launcher's start-up-oriented one), WAITING_ROOM (off, auto, or a fixed rate per minute: the
# surge event's buyers queue, poll and buy when let in; WAITING_ROOM_RATE/_MIN/_MAX set AUTO's start and bounds,
# default 300 within 60..3000 per minute; docs/waiting-room.md), WAITING_LIST (on by default, or off: both events'
# sold-out waiting lists; buyers who hold nothing line up, freed tickets are offered to them, offers open
# WAITING_LIST_CLAIM_MINUTES, default 2; the audit checks that freed tickets reached the lines; docs/commerce.md).
# Exit status: the audit's (non-zero on any violation), or 1 when a step fails.
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/java.sh
smoke=false
[ "${1:-}" = --smoke ] && smoke=true
if $smoke; then
  : "${STEPS:=5:10}" "${RAMP:=2}" "${BUYERS:=5}" "${SECTIONS:=1}" "${ROWS:=5}" "${SEATS_PER_ROW:=10}" "${GA_AREAS:=1}"
  : "${GA_CAPACITY:=20}" "${THINK:=0.2}" "${PROFILES:=surge}" "${SETTLE:=90}"
else
  # 5 steps x (RAMP + hold) = 15.5 min; with seeding, the 2,000 pre-sale logins, pgbench, the sell-out and the audit
  # about 35 min on 2 cores. STEPS overrides.
  : "${STEPS:=100:120,1000:150,2000:150,4000:150,8000:180}" "${RAMP:=30}" "${BUYERS:=2000}" "${SECTIONS:=4}"
  : "${ROWS:=50}" "${SEATS_PER_ROW:=100}" "${GA_AREAS:=2}" "${GA_CAPACITY:=2500}" "${THINK:=1}"
  : "${PROFILES:=surge sellout}" "${SETTLE:=180}"
fi
# The warm-up before the measured profiles (users:seconds on the warm-up event, or off); none in the smoke run.
if $smoke; then : "${WARMUP_STEPS:=off}"; else : "${WARMUP_STEPS:=50:90}"; fi
: "${WARMUP_BUYERS:=200}"
: "${SELLOUT_STEPS:=2000:90}" "${LOGIN_RATE:=20}" "${WAITING_ROOM:=off}" "${WAITING_LIST:=on}"
export WAITING_ROOM WAITING_LIST
# Throughput, not start-up time: the full tiered JIT (C2; the launcher's default stops at C1 for a fast ./run.sh), a
# heap that is not resized during the run, and the throughput collector.
: "${BENCHMARK_JAVA_OPTS:=-Xms512m -Xmx1g -XX:+UseParallelGC}"
gateway=${BOXOFFICE_GATEWAY:-http://127.0.0.1:8080}
report=$PWD/load-test/target/report
work=$PWD/load-test/target
mkdir -p "$report"

. load-test/platform.sh
echo "- WARMUP_STEPS=$WARMUP_STEPS WARMUP_BUYERS=$WARMUP_BUYERS STEPS=$STEPS RAMP=$RAMP SELLOUT_STEPS=$SELLOUT_STEPS BUYERS=$BUYERS THINK=$THINK LOGIN_RATE=$LOGIN_RATE" \
  >> "$report/config.txt"
echo "- WAITING_ROOM=$WAITING_ROOM (surge event; WAITING_ROOM_RATE=${WAITING_ROOM_RATE:-300} WAITING_ROOM_MIN=${WAITING_ROOM_MIN:-60} WAITING_ROOM_MAX=${WAITING_ROOM_MAX:-3000})" \
  >> "$report/config.txt"
echo "- WAITING_LIST=$WAITING_LIST (both events; offers open ${WAITING_LIST_CLAIM_MINUTES:-2} min)" >> "$report/config.txt"
rm -f "$report/rate-limits.txt"

echo "==> Building the load test"
./mvnw -B -q -ntp -pl load-test test-compile dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" \
  -Dmdep.includeScope=test
cp="$work/classes:$(cat "$work/cp.txt")"

echo "==> Seeding: $SECTIONS x $ROWS x $SEATS_PER_ROW seats + $GA_AREAS x $GA_CAPACITY standing, $BUYERS buyers"
"$JAVA_HOME/bin/java" -cp "$cp" org.boxoffice.loadtest.Seed "$work/seed" "$BUYERS" "$SECTIONS" "$ROWS" \
  "$SEATS_PER_ROW" "$GA_AREAS" "$GA_CAPACITY"
event=$(grep '^surge.eventId=' "$work/seed/seed.properties" | cut -d= -f2)

if ! $smoke; then
  echo "==> Hardware reference: pgbench on the hold path's SQL"
  bash load-test/pgbench-hold-path.sh "$event" "$report/pgbench.txt"
fi

gatling() { # profile steps [buyer limit]
  rm -rf "$report/$1"
  ./mvnw -B -q -ntp -pl load-test gatling:test -Dgatling.simulationClass=org.boxoffice.loadtest.OnSaleSimulation \
    -Dprofile="$1" -Dsteps="$2" -DbuyerLimit="${3:-0}" -Dramp="$RAMP" -Dthink="$THINK" -Dseed="$work/seed" \
    -Dgateway="$gateway" -Dout="$report/$1" -DloginRate="$LOGIN_RATE" | grep -v '^$' | tail -n 60
  latest=$(ls -td "$work"/gatling/*/ | head -n 1)
  cp -r "$latest" "$report/$1/gatling"
}

if [ "$WARMUP_STEPS" != off ]; then
  # A platform in production has served traffic before an on-sale: its JIT has compiled the purchase's code. The
  # warm-up buys on an event of its own with the first WARMUP_BUYERS buyers (the others' pre-sale logins stay right
  # before the measured sale, so their sessions are as fresh as without a warm-up), and is not in the report.
  echo "==> Gatling: warm-up on its own event, steps $WARMUP_STEPS, $WARMUP_BUYERS buyers (not in the report)"
  gatling warmup "$WARMUP_STEPS" "$WARMUP_BUYERS"
fi

for profile in $PROFILES; do
  steps=$STEPS
  [ "$profile" = sellout ] && steps=$SELLOUT_STEPS
  echo "==> Gatling: $profile profile, steps $steps (ramp $RAMP s)"
  gatling "$profile" "$steps"
done

echo "==> Audit"
set +e
"$JAVA_HOME/bin/java" -cp "$cp" org.boxoffice.loadtest.Audit "$report/audit.md" "$SETTLE"
audit=$?
set -e
"$JAVA_HOME/bin/java" -cp "$cp" org.boxoffice.loadtest.Report "$report" "$work/seed/seed.properties" $PROFILES
echo "==> Report: load-test/target/report/report.md (Gatling HTML: load-test/target/report/<profile>/gatling/index.html)"
exit $audit
