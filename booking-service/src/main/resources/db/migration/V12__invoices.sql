-- Invoices and credit notes (docs/commerce.md#invoices). The seller's legal details are booking's own copy per
-- organization: an invoice is issued inside the confirmation's transaction and must not wait on another service.
CREATE TABLE invoice_issuer (
    organization_id uuid PRIMARY KEY,
    legal_name      text        NOT NULL CONSTRAINT invoice_issuer_name_present CHECK (length(legal_name) BETWEEN 1 AND 200),
    address         text        NOT NULL CONSTRAINT invoice_issuer_address_length CHECK (length(address) <= 500),
    vat_id          text        NOT NULL DEFAULT '' CONSTRAINT invoice_issuer_vat_id_length CHECK (length(vat_id) <= 40),
    updated_at      timestamptz NOT NULL,
    version         bigint      NOT NULL DEFAULT 0
);

-- The last number of each series (invoices, credit notes) of each organization. Taken with one upsert that locks the
-- row until the transaction ends: a rolled-back confirmation gives its number back, so the series has no gap.
CREATE TABLE invoice_sequence (
    organization_id uuid   NOT NULL,
    kind            text   NOT NULL CONSTRAINT invoice_sequence_kind_known CHECK (kind IN ('INVOICE', 'CREDIT_NOTE')),
    last_number     bigint NOT NULL CONSTRAINT invoice_sequence_positive CHECK (last_number > 0),
    CONSTRAINT invoice_sequence_pk PRIMARY KEY (organization_id, kind)
);

-- An issued document, frozen: the seller's details, the buyer, the lines and the sums as they were when issued.
CREATE TABLE invoice (
    id              uuid PRIMARY KEY,
    organization_id uuid        NOT NULL,
    kind            text        NOT NULL CONSTRAINT invoice_kind_known CHECK (kind IN ('INVOICE', 'CREDIT_NOTE')),
    number          bigint      NOT NULL CONSTRAINT invoice_number_positive CHECK (number > 0),
    order_id        uuid        NOT NULL CONSTRAINT invoice_of_order REFERENCES purchase_order (id),
    event_id        uuid        NOT NULL,
    buyer_id        uuid        NOT NULL,
    buyer_email     text        NOT NULL,
    event_title     text        NOT NULL,
    issued_at       timestamptz NOT NULL,
    currency        char(3)     NOT NULL,
    issuer_name     text        NOT NULL,
    issuer_address  text        NOT NULL,
    issuer_vat_id   text        NOT NULL,
    tax_label       text        NOT NULL,
    tax_rate_bp     integer     NOT NULL,
    tax_included    boolean     NOT NULL,
    subtotal_minor  bigint      NOT NULL,
    discount_minor  bigint      NOT NULL,
    fee_minor       bigint      NOT NULL,
    tax_minor       bigint      NOT NULL,
    total_minor     bigint      NOT NULL,
    corrects        uuid CONSTRAINT credit_note_corrects_invoice REFERENCES invoice (id),
    refund_id       uuid CONSTRAINT one_credit_note_per_refund UNIQUE,
    CONSTRAINT unique_invoice_number UNIQUE (organization_id, kind, number),
    CONSTRAINT credit_note_shape CHECK ((kind = 'INVOICE') = (corrects IS NULL AND refund_id IS NULL))
);
CREATE UNIQUE INDEX one_invoice_per_order ON invoice (order_id) WHERE kind = 'INVOICE';
CREATE INDEX invoice_by_order ON invoice (order_id, number);

CREATE TABLE invoice_line (
    invoice_id       uuid    NOT NULL CONSTRAINT invoice_line_of_invoice REFERENCES invoice (id),
    position         integer NOT NULL,
    description      text    NOT NULL,
    quantity         integer NOT NULL,
    unit_price_minor bigint  NOT NULL,
    amount_minor     bigint  NOT NULL,
    discount_minor   bigint  NOT NULL,
    fee_minor        bigint  NOT NULL,
    tax_minor        bigint  NOT NULL,
    total_minor      bigint  NOT NULL,
    CONSTRAINT invoice_line_pk PRIMARY KEY (invoice_id, position)
);
