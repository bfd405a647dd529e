-- The trace context of the event or request that planned a delivery (JSON of its propagation fields), so the call to
-- the provider, made later by a dispatcher, continues that trace (docs/operations.md, "Tracing").
ALTER TABLE delivery ADD COLUMN trace_context text;
