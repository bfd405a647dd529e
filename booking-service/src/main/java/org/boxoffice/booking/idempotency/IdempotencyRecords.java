package org.boxoffice.booking.idempotency;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stored Idempotency-Key records. Each statement runs in its own transaction, outside the request's business
 * transaction: the claim must be visible to a concurrent duplicate before the work starts.
 */
@Repository
class IdempotencyRecords {

    private final JdbcClient jdbc;

    IdempotencyRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record StoredRecord(String requestHash, String state, @Nullable Integer status, @Nullable String contentType,
            byte @Nullable [] body, @Nullable String location, Instant createdAt) {

        boolean completed() {
            return "COMPLETED".equals(state);
        }
    }

    /** Claims the key for a new request; false when a record for it already exists. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean claim(String scope, String key, String requestHash, Instant now) {
        return jdbc.sql("""
                INSERT INTO idempotency_record (scope, idempotency_key, request_hash, state, created_at)
                VALUES (?, ?, ?, 'IN_PROGRESS', ?) ON CONFLICT DO NOTHING""")
                .params(scope, key, requestHash, Timestamp.from(now)).update() == 1;
    }

    /** Takes over a claim whose request never finished (its replica died) if it is still the same stale claim. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean takeOver(String scope, String key, Instant claimedAt, Instant now) {
        return jdbc.sql("""
                UPDATE idempotency_record SET created_at = ?
                 WHERE scope = ? AND idempotency_key = ? AND state = 'IN_PROGRESS' AND created_at = ?""")
                .params(Timestamp.from(now), scope, key, Timestamp.from(claimedAt)).update() == 1;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
    public Optional<StoredRecord> find(String scope, String key) {
        return jdbc.sql("""
                SELECT request_hash, state, response_status, response_type, response_body, location, created_at
                  FROM idempotency_record WHERE scope = ? AND idempotency_key = ?""")
                .params(scope, key)
                .query((rs, row) -> new StoredRecord(rs.getString(1), rs.getString(2),
                        (Integer) rs.getObject(3), rs.getString(4), rs.getBytes(5), rs.getString(6),
                        rs.getTimestamp(7).toInstant()))
                .optional();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void complete(String scope, String key, int status, @Nullable String contentType, byte[] body,
            @Nullable String location) {
        jdbc.sql("""
                UPDATE idempotency_record
                   SET state = 'COMPLETED', response_status = ?, response_type = ?, response_body = ?, location = ?
                 WHERE scope = ? AND idempotency_key = ?""")
                .params(status, contentType, body, location, scope, key).update();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void forget(String scope, String key) {
        jdbc.sql("DELETE FROM idempotency_record WHERE scope = ? AND idempotency_key = ? AND state = 'IN_PROGRESS'")
                .params(scope, key).update();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public int deleteOlderThan(Instant cutoff) {
        return jdbc.sql("DELETE FROM idempotency_record WHERE created_at < ?").param(Timestamp.from(cutoff)).update();
    }
}
