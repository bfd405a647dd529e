# Sourced by the benchmark scripts: uses the platform already answering on $gateway, or starts it (rate limits raised:
# one load generator is one client address, and the per-address and per-user budgets would turn a benchmark into a
# rate-limit test) and stops it when the sourcing script exits. Writes what it configured to "$report/config.txt".
# Expects: gateway, work, report (directories exist), BENCHMARK_JAVA_OPTS.
launcher=""
stop_platform() {
  if [ -n "$launcher" ]; then
    echo "==> Stopping the platform this script started"
    kill -TERM "$launcher" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$launcher" 2>/dev/null || break; sleep 1; done
  fi
}
trap stop_platform EXIT

if ! curl -s -o /dev/null "$gateway/api/v1/events"; then
  echo "==> Starting the platform (rate limits raised for the benchmark; log: ${work#$PWD/}/platform.log)"
  [ -f gateway-service/target/gateway-service-0.1.0-SNAPSHOT.jar ] || ./mvnw -B -q -ntp -DskipTests package
  export BOXOFFICE_GATEWAY_EDGE_RATE_LIMIT_AUTHENTICATED_PER_WINDOW=100000000
  export BOXOFFICE_GATEWAY_EDGE_RATE_LIMIT_ANONYMOUS_PER_WINDOW=100000000
  export BOXOFFICE_GATEWAY_EDGE_RATE_LIMIT_CREDENTIALS_PER_WINDOW=100000000
  # A benchmark admin of our own: the demo accounts may belong to an earlier run with another password.
  export BOXOFFICE_ADMIN_EMAIL=surge-operator@load.boxoffice.dev
  export BOXOFFICE_ADMIN_PASSWORD=Kx7-Qm2-Vt9-Lp4-Rw8
  # BENCHMARK_JAVA_OPTS empty: the launcher's own default JVM options, as ./run.sh runs.
  [ -n "${BOXOFFICE_JAVA_OPTS:-$BENCHMARK_JAVA_OPTS}" ] && export BOXOFFICE_JAVA_OPTS="${BOXOFFICE_JAVA_OPTS:-$BENCHMARK_JAVA_OPTS}"
  # A tenth of the requests traced, as a production fleet would sample (tracing every request cost the gateway
  # 13-18 % of its CPU in the profiled runs, docs/performance.md); an exported value wins.
  export BOXOFFICE_TRACE_SAMPLING="${BOXOFFICE_TRACE_SAMPLING:-0.1}"
  echo "    service JVM options: ${BOXOFFICE_JAVA_OPTS:-launcher default}; trace sampling: $BOXOFFICE_TRACE_SAMPLING"
  setsid ./run.sh --no-build > "$work/platform.log" 2>&1 &
  launcher=$!
  for _ in $(seq 1 600); do
    grep -q '^Boxoffice is running' "$work/platform.log" && break
    kill -0 "$launcher" 2>/dev/null || break   # the launcher gave up (e.g. ports in use): its log says why
    sleep 1
  done
  grep -q '^Boxoffice is running' "$work/platform.log" || { tail -40 "$work/platform.log"; exit 1; }
  { echo "- rate limits: raised (100000000 per 60 s window: authenticated, anonymous, credentials)"
    echo "- service JVM options: \`${BOXOFFICE_JAVA_OPTS:-launcher default}\`"
    echo "- trace sampling: $BOXOFFICE_TRACE_SAMPLING of requests (BOXOFFICE_TRACE_SAMPLING, set by the benchmark script)"; } \
    > "$report/config.txt"
else
  { echo "- rate limits: as configured on the running platform (the benchmark script did not start it)"
    echo "- service JVM options: as the running platform was started (BOXOFFICE_JAVA_OPTS of its ./run.sh)"; } \
    > "$report/config.txt"
fi
# Platform settings changed for a run through the environment (e.g. SPRING_CLOUD_CIRCUITBREAKER_BULKHEAD_RESILIENCE4J_ENABLED)
env | grep -E '^SPRING_CLOUD_' | sed 's/^/- setting from the environment: /' >> "$report/config.txt" || true
{ echo "- machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB, load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')"; } \
  >> "$report/config.txt"
