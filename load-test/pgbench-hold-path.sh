#!/usr/bin/env bash
# The hardware reference: pgbench runs the hold path's SQL (src/main/pgbench/hold-path.sql) on the platform's own
# PostgreSQL server, in a throwaway copy of the booking schema (database boxoffice_pgbench) so the platform's books
# stay untouched. The copy holds the benchmark event's seats; every transaction holds its own two seats.
# Usage: load-test/pgbench-hold-path.sh <eventId> <outFile> [clients]   (PGHOST/PGPORT/PGUSER as for psql)
set -euo pipefail
cd "$(dirname "$0")"
event=$1 out=$2 clients=${3:-16}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
psql -q -d postgres -c "DROP DATABASE IF EXISTS boxoffice_pgbench" -c "CREATE DATABASE boxoffice_pgbench"
# Schema and data of booking only (venue, seats, events, inventory); the search path finds the tables unqualified.
pg_dump -d boxoffice -n booking | psql -q -d boxoffice_pgbench > /dev/null
psql -q -d boxoffice_pgbench <<SQL
ALTER DATABASE boxoffice_pgbench SET search_path = booking;
SET search_path = booking;
TRUNCATE hold, buyer_allowance, outbox_event CASCADE;
UPDATE event_seat SET status = 'AVAILABLE', hold_id = NULL WHERE event_id = '$event';
CREATE TABLE bench_seat AS SELECT row_number() OVER (ORDER BY seat_id) AS n, seat_id, section_id
  FROM event_seat WHERE event_id = '$event';
CREATE UNIQUE INDEX ON bench_seat (n);
CREATE SEQUENCE bench_hold_seq;
VACUUM ANALYZE;
SQL
seats=$(psql -At -d boxoffice_pgbench -c "SELECT count(*) FROM booking.bench_seat")
# Every transaction needs its own pair: stop before the seats run out.
per_client=$(( seats / 2 / clients - 1 ))
pgbench -n -M prepared -c "$clients" -j 2 -t "$per_client" -D event="$event" -f src/main/pgbench/hold-path.sql \
  boxoffice_pgbench | tee "$out"
held=$(psql -At -d boxoffice_pgbench -c "SELECT count(*) FROM booking.hold")
echo "holds written: $held of $(( per_client * clients )) transactions (seats $seats)" | tee -a "$out"
psql -q -d postgres -c "DROP DATABASE boxoffice_pgbench"
