#!/usr/bin/env bash
# Why a general-admission area is counted in stripes (docs/booking.md, V11): pgbench runs a hold of one area ticket
# (the hold, its outbox event, then the area's conditional update, then the commit, as HoldFence does) from 16 clients,
# once against one counter row and once against 16 stripes taken with FOR UPDATE SKIP LOCKED as AreaStripes does. A row
# stays locked from its update to the commit and its WAL flush, so on one row the holds queue; the ratio of the two
# rates, measured one after the other on one machine, is what the stripes buy. Uses a throwaway database.
# Usage: load-test/pgbench-area-stripes.sh [seconds per run, default 10]   (PGHOST/PGPORT/PGUSER as for psql)
set -euo pipefail
seconds=${1:-10}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
work=$(mktemp -d)
trap 'rm -rf "$work"; psql -q -d postgres -c "DROP DATABASE IF EXISTS boxoffice_stripes_bench" 2>/dev/null || true' EXIT
psql -q -d postgres -c "DROP DATABASE IF EXISTS boxoffice_stripes_bench" -c "CREATE DATABASE boxoffice_stripes_bench"
psql -q -d boxoffice_stripes_bench <<'SQL'
CREATE TABLE area (stripe int PRIMARY KEY, capacity int NOT NULL, held int NOT NULL DEFAULT 0,
                   version bigint NOT NULL DEFAULT 0, CHECK (held <= capacity));
CREATE TABLE hold (id uuid PRIMARY KEY, buyer_id uuid NOT NULL, quantity int NOT NULL, created_at timestamptz NOT NULL);
CREATE TABLE outbox_event (id uuid PRIMARY KEY, event_key uuid NOT NULL, payload jsonb NOT NULL,
                           occurred_at timestamptz NOT NULL);
SQL
for stripes in 1 16; do
  cat > "$work/hold.sql" <<SQL
SELECT gen_random_uuid() AS hold, (random() * 16)::int % 16 AS start \gset
BEGIN;
INSERT INTO hold VALUES (:hold::uuid, gen_random_uuid(), 1, now());
INSERT INTO outbox_event VALUES (gen_random_uuid(), :hold::uuid, '{"quantity":1}', now());
UPDATE area SET held = held + 1, version = version + 1
 WHERE held + 1 <= capacity
   AND stripe = (SELECT stripe FROM area WHERE held + 1 <= capacity ORDER BY (stripe + :start) % 16
                  LIMIT 1 FOR UPDATE $( [ "$stripes" = 1 ] || echo "SKIP LOCKED"));
COMMIT;
SQL
  psql -q -d boxoffice_stripes_bench -c "TRUNCATE hold, outbox_event, area" \
    -c "INSERT INTO area (stripe, capacity) SELECT g, 100000000 / $stripes FROM generate_series(0, $stripes - 1) g"
  echo "==> one area in $stripes stripe(s), 16 clients, ${seconds}s"
  pgbench -n -M prepared -c 16 -j 2 -T "$seconds" -f "$work/hold.sql" boxoffice_stripes_bench 2>&1 \
    | grep -E '^(tps|latency average|number of failed)'
  held=$(psql -At -d boxoffice_stripes_bench -c "SELECT sum(held) FROM area")
  holds=$(psql -At -d boxoffice_stripes_bench -c "SELECT count(*) FROM hold")
  echo "    holds written: $holds, tickets counted in the area: $held"
done
