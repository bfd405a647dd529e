-- The trace context an event carries besides its traceparent (tracestate, baggage, or another propagation type's
-- fields), as the service's propagator wrote them; NULL when there is nothing besides the traceparent, as usual.
ALTER TABLE outbox_event ADD COLUMN IF NOT EXISTS trace_context jsonb;
