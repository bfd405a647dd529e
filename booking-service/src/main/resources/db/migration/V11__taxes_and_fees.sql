-- Taxes and service fees (docs/commerce.md#taxes-and-fees). The event's rule: a tax rate in basis points (1900 = 19 %),
-- included in the prices or added on top, and a per-ticket service fee, fixed or a percentage, never both.
ALTER TABLE event ADD COLUMN tax_label text NOT NULL DEFAULT ''
    CONSTRAINT event_tax_label_length CHECK (length(tax_label) <= 40);
ALTER TABLE event ADD COLUMN tax_rate_bp integer NOT NULL DEFAULT 0
    CONSTRAINT event_tax_rate_range CHECK (tax_rate_bp BETWEEN 0 AND 10000);
ALTER TABLE event ADD COLUMN tax_included boolean NOT NULL DEFAULT true;
ALTER TABLE event ADD COLUMN fee_fixed_minor bigint NOT NULL DEFAULT 0
    CONSTRAINT event_fee_fixed_range CHECK (fee_fixed_minor BETWEEN 0 AND 100000000);
ALTER TABLE event ADD COLUMN fee_percent_bp integer NOT NULL DEFAULT 0
    CONSTRAINT event_fee_percent_range CHECK (fee_percent_bp BETWEEN 0 AND 10000);
ALTER TABLE event ADD CONSTRAINT event_fee_fixed_or_percent CHECK (fee_fixed_minor = 0 OR fee_percent_bp = 0);
ALTER TABLE event ADD CONSTRAINT event_tax_labelled CHECK (tax_rate_bp = 0 OR tax_label <> '');

-- The rule an order was charged by, as it was at checkout (the event's is fixed once published, but the order's
-- invoice must say what was applied whatever happens to the event).
ALTER TABLE purchase_order ADD COLUMN tax_label text NOT NULL DEFAULT '';
ALTER TABLE purchase_order ADD COLUMN tax_rate_bp integer NOT NULL DEFAULT 0;
ALTER TABLE purchase_order ADD COLUMN tax_included boolean NOT NULL DEFAULT true;
ALTER TABLE purchase_order ADD COLUMN fee_fixed_minor bigint NOT NULL DEFAULT 0;
ALTER TABLE purchase_order ADD COLUMN fee_percent_bp integer NOT NULL DEFAULT 0;

-- Each line's fee and tax, and what it costs in all: amount - discount + fee, plus the tax when it is added on top.
ALTER TABLE order_line ADD COLUMN fee_minor bigint NOT NULL DEFAULT 0
    CONSTRAINT order_line_fee_not_negative CHECK (fee_minor >= 0);
ALTER TABLE order_line ADD COLUMN tax_minor bigint NOT NULL DEFAULT 0
    CONSTRAINT order_line_tax_not_negative CHECK (tax_minor >= 0);
ALTER TABLE order_line ADD COLUMN total_minor bigint;
UPDATE order_line SET total_minor = amount_minor - discount_minor;
ALTER TABLE order_line ALTER COLUMN total_minor SET NOT NULL;
ALTER TABLE order_line ADD CONSTRAINT order_line_total_adds_up CHECK (
    total_minor = amount_minor - discount_minor + fee_minor OR total_minor = amount_minor - discount_minor + fee_minor + tax_minor);
