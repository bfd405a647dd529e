-- The analytics schema belongs to analytics-service alone: no other service reads or writes it.
COMMENT ON SCHEMA analytics IS 'Owned by analytics-service. Sales and funnel numbers, time series and exports for organizers.';
