-- The notification schema belongs to notification-service alone: no other service reads or writes it.
COMMENT ON SCHEMA notification IS 'Owned by notification-service. Email, SMS and WhatsApp messages about a buyer''s orders and events.';
