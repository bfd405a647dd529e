-- Each sold ticket's share of its order line's discount, service fee and tax, and what was paid for it (issue #22:
-- the organizer's export shows them). Null for tickets recorded from events sent before booking carried them.
ALTER TABLE ticket_fact ADD COLUMN discount_minor bigint;
ALTER TABLE ticket_fact ADD COLUMN fee_minor bigint;
ALTER TABLE ticket_fact ADD COLUMN tax_minor bigint;
ALTER TABLE ticket_fact ADD COLUMN paid_minor bigint;
