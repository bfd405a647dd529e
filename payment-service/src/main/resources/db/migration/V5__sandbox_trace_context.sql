-- The trace context of the request that created a sandbox charge, handed on to the webhooks it queues, so the
-- webhook that confirms a payment continues the buyer's trace (docs/operations.md, "Tracing").
ALTER TABLE sandbox_charge ADD COLUMN trace_context jsonb;
ALTER TABLE sandbox_webhook ADD COLUMN trace_context jsonb;
