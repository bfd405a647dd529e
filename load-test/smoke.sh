#!/usr/bin/env bash
# CI smoke of the load test, against the platform .ci/smoke-local-run has up (default rate limits, so only three
# buyers for a few seconds: the gateway allows 10 logins per address and minute). The whole journey through the
# gateway, then the audit of the books. Fails when a request got an unexpected answer, when nobody bought a ticket, or
# when the audit finds a violation. Measures nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
STEPS=${STEPS:-3:5} bash load-test/run-benchmark.sh --smoke
steps=load-test/target/report/surge/steps.csv
errors=$(awk -F, 'NR > 1 {e += $7} END {print e + 0}' "$steps")
sales=$(awk -F, 'NR > 1 {s += $10} END {print s + 0}' "$steps")
[ "$errors" = 0 ] || { echo "load-test smoke: FAILED - $errors requests got an unexpected answer ($steps)"; exit 1; }
[ "$sales" -gt 0 ] || { echo "load-test smoke: FAILED - no buyer got to a confirmed order ($steps)"; exit 1; }
echo "load-test smoke: $sales orders confirmed without an unexpected answer; audit passed"
