-- Optimistic locking for the payment and refund entities (JPA @Version): the webhook, the sandbox worker's outcome,
-- reconciliation, a refund and a buyer's retry can all reach the same row; a writer holding a stale copy fails
-- instead of overwriting a newer state. Transitions still take the row lock first (docs/payments.md).
ALTER TABLE payment ADD COLUMN version bigint NOT NULL DEFAULT 0;
ALTER TABLE refund ADD COLUMN version bigint NOT NULL DEFAULT 0;
