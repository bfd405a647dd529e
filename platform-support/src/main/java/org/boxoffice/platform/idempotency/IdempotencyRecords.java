package org.boxoffice.platform.idempotency;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.boxoffice.platform.data.SqlByDesign;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stored Idempotency-Key records in the service's {@code idempotency_record} table. Each statement commits on its
 * own, outside the request's business transaction: a claim must be visible to a concurrent duplicate before the work
 * starts, and must survive the work rolling back. Each is one statement, so it runs in auto-commit with any
 * surrounding transaction suspended ({@code NOT_SUPPORTED}), not in a transaction of its own ({@code REQUIRES_NEW}):
 * the same commit, without a begin and a session of the JPA transaction manager around it — a claim and a completion
 * accompany every buyer's write (docs/performance.md).
 */
@SqlByDesign("A key is claimed atomically with INSERT ... ON CONFLICT DO NOTHING and old records are pruned set-based")
public class IdempotencyRecords {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    IdempotencyRecords(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
    }

    record StoredRecord(String requestHash, String state, @Nullable Integer status, @Nullable String contentType,
            byte @Nullable [] body, @Nullable String location, Instant createdAt) {

        boolean completed() {
            return "COMPLETED".equals(state);
        }
    }

    /** Claims the key for a new request; false when a record for it already exists. */
    boolean claim(String scope, String key, String requestHash, Instant now) {
        return inOwnTransaction(() -> jdbc.sql("""
                INSERT INTO idempotency_record (scope, idempotency_key, request_hash, state, created_at)
                VALUES (?, ?, ?, 'IN_PROGRESS', ?) ON CONFLICT DO NOTHING""")
                .params(scope, key, requestHash, Timestamp.from(now)).update() == 1);
    }

    /** Takes over a claim whose request never finished (its replica died) if it is still the same stale claim. */
    boolean takeOver(String scope, String key, Instant claimedAt, Instant now) {
        return inOwnTransaction(() -> jdbc.sql("""
                UPDATE idempotency_record SET created_at = ?
                 WHERE scope = ? AND idempotency_key = ? AND state = 'IN_PROGRESS' AND created_at = ?""")
                .params(Timestamp.from(now), scope, key, Timestamp.from(claimedAt)).update() == 1);
    }

    Optional<StoredRecord> find(String scope, String key) {
        return inOwnTransaction(() -> jdbc.sql("""
                SELECT request_hash, state, response_status, response_type, response_body, location, created_at
                  FROM idempotency_record WHERE scope = ? AND idempotency_key = ?""")
                .params(scope, key)
                .query((rs, row) -> new StoredRecord(rs.getString(1), rs.getString(2),
                        (Integer) rs.getObject(3), rs.getString(4), rs.getBytes(5), rs.getString(6),
                        rs.getTimestamp(7).toInstant()))
                .optional());
    }

    void complete(String scope, String key, int status, @Nullable String contentType, byte[] body,
            @Nullable String location) {
        inOwnTransaction(() -> jdbc.sql("""
                UPDATE idempotency_record
                   SET state = 'COMPLETED', response_status = ?, response_type = ?, response_body = ?, location = ?
                 WHERE scope = ? AND idempotency_key = ?""")
                .params(status, contentType, body, location, scope, key).update());
    }

    void forget(String scope, String key) {
        inOwnTransaction(() -> jdbc.sql(
                "DELETE FROM idempotency_record WHERE scope = ? AND idempotency_key = ? AND state = 'IN_PROGRESS'")
                .params(scope, key).update());
    }

    /** Deletes records created before the cutoff; returns how many. */
    public int deleteOlderThan(Instant cutoff) {
        return inOwnTransaction(() -> jdbc.sql("DELETE FROM idempotency_record WHERE created_at < ?")
                .param(Timestamp.from(cutoff)).update());
    }

    private <T> T inOwnTransaction(java.util.function.Supplier<T> work) {
        T result = ownTransaction.execute(status -> work.get());
        if (result == null) {
            throw new IllegalStateException("idempotency statement returned nothing");
        }
        return result;
    }
}
