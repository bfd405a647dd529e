#!/usr/bin/env bash
# Start-up cost and memory of each service: starts the platform of a checkout (default: this one) with
# `./run.sh --no-build` in a fresh database, waits until it is running, and prints per service the JVM's own
# "Started ... in N seconds", the process's CPU seconds so far, the heap in use after a full GC (young + old) and the
# RSS; then stops it. Compare checkouts one after the other on a quiet machine (docs/performance.md, issue #21).
#
#   load-test/startup-footprint.sh [checkout] [name]     e.g. a `git worktree add --detach /tmp/old <commit>`, built
#
# Settings: BOXOFFICE_JAVA_OPTS (default -Xms512m -Xmx1g -XX:+UseParallelGC), BOXOFFICE_AOT (default off: the JVM
# without the AOT cache), IDLE_SECONDS (default 0; when set, the platform is then left alone for SETTLE_SECONDS,
# default 60, and each service's CPU is measured over IDLE_SECONDS: what the services cost when nobody buys). Needs the machine's PostgreSQL on 127.0.0.1:5432 (psql) and free ports 8080-8099.
set -uo pipefail
dir=$(cd "${1:-$(dirname "$0")/..}" && pwd)
name=${2:-$(git -C "$dir" rev-parse --short HEAD)}
cd "$dir"
. .ci/java.sh
ls gateway-service/target/gateway-service-*.jar > /dev/null 2>&1 || { echo "Build $dir first (./mvnw -DskipTests package)" >&2; exit 1; }
db="bo_footprint_${name//[^a-zA-Z0-9]/_}"
psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" \
  || { echo "Needs PostgreSQL on 127.0.0.1:5432 (user postgres)" >&2; exit 1; }
export BOXOFFICE_AOT=${BOXOFFICE_AOT:-off} BOXOFFICE_STARTUP_TIMEOUT=900 BOXOFFICE_DB_USER=postgres BOXOFFICE_DB_PASSWORD=
export BOXOFFICE_DB_URL=jdbc:postgresql://127.0.0.1:5432/$db
export BOXOFFICE_JAVA_OPTS="${BOXOFFICE_JAVA_OPTS:--Xms512m -Xmx1g -XX:+UseParallelGC}"
log=$(mktemp)
rm -rf .boxoffice/logs
echo "==> Starting $name ($dir), log $log"
setsid ./run.sh --no-build > "$log" 2>&1 &
launcher=$!
trap 'kill -TERM -- -$launcher 2>/dev/null; for _ in $(seq 1 60); do kill -0 $launcher 2>/dev/null || break; sleep 1; done' EXIT
start=$(date +%s)
for _ in $(seq 1 900); do
  grep -q '^Boxoffice is running' "$log" && break
  kill -0 "$launcher" 2>/dev/null || { tail -20 "$log"; exit 1; }
  sleep 1
done
echo "    running after $(( $(date +%s) - start )) s (all six started in parallel)"
sleep 5
services="gateway-service user-service booking-service payment-service notification-service analytics-service"
service_pid() { pgrep -f "$1-[0-9].*\.jar|$1/target" | head -1; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
printf "| service | Started in (s) | CPU s | heap used after GC (MiB) | RSS (MiB) |\n|---|---:|---:|---:|---:|\n"
for s in $services; do
  pid=$(service_pid "$s")
  [ -z "$pid" ] && { echo "| $s | not running | | | |"; continue; }
  started=$(grep -o "Started [A-Za-z]* in [0-9.]* seconds" ".boxoffice/logs/$s.log" | head -1 | awk '{print $4}')
  cpu=$(awk -v t="$(cpu_ticks "$pid")" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.1f", t / hz}')
  "$JAVA_HOME/bin/jcmd" "$pid" GC.run > /dev/null 2>&1
  heap=$("$JAVA_HOME/bin/jcmd" "$pid" GC.heap_info 2>/dev/null | grep -oE "used [0-9]+K" | head -2 \
    | awk '{gsub("K", "", $2); sum += $2} END {printf "%.0f", sum / 1024}')
  rss=$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status")
  echo "| $s | $started | $cpu | $heap | $rss |"
done

idle=${IDLE_SECONDS:-0}
if [ "$idle" -gt 0 ]; then
  echo "==> Idle: ${SETTLE_SECONDS:-60} s to settle, then each service's CPU over $idle s"
  sleep "${SETTLE_SECONDS:-60}"
  declare -A pids ticks
  for s in $services; do
    pids[$s]=$(service_pid "$s")
    ticks[$s]=$(cpu_ticks "${pids[$s]}")
  done
  sleep "$idle"
  printf "| service | idle CPU (%% of a core) |\n|---|---:|\n"
  for s in $services; do
    awk -v a="${ticks[$s]}" -v b="$(cpu_ticks "${pids[$s]}")" -v hz="$(getconf CLK_TCK)" -v secs="$idle" -v s="$s" \
      'BEGIN {printf "| %s | %.1f |\n", s, (b - a) / hz / secs * 100}'
  done
fi
