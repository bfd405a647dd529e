-- The payment schema belongs to payment-service alone: no other service reads or writes it.
COMMENT ON SCHEMA payment IS 'Owned by payment-service. Payment intents, provider adapters, webhooks, refunds and reconciliation.';
