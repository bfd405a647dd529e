-- Payments for booking's orders. Amounts are integer minor units of an ISO-4217 currency.
CREATE TABLE payment (
    id                  uuid        NOT NULL CONSTRAINT payment_pk PRIMARY KEY,
    order_id            uuid        NOT NULL,
    buyer_id            uuid        NOT NULL,
    amount_minor        bigint      NOT NULL CONSTRAINT payment_amount_positive CHECK (amount_minor > 0),
    currency            char(3)     NOT NULL CONSTRAINT payment_currency_iso CHECK (currency ~ '^[A-Z]{3}$'),
    status              text        NOT NULL CONSTRAINT payment_status_known
                            CHECK (status IN ('PROCESSING', 'SUCCEEDED', 'FAILED', 'PARTIALLY_REFUNDED', 'REFUNDED')),
    provider            text        NOT NULL,
    provider_payment_id text,
    card_last4          text        NOT NULL,
    captured_minor      bigint      NOT NULL DEFAULT 0,
    -- Refunds succeeded or in flight: reserved before the provider is asked, so concurrent refunds cannot overdraw.
    refunded_minor      bigint      NOT NULL DEFAULT 0,
    failure_reason      text,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    succeeded_at        timestamptz,
    CONSTRAINT payment_captured_within_amount CHECK (captured_minor >= 0 AND captured_minor <= amount_minor),
    CONSTRAINT payment_refunds_within_captured CHECK (refunded_minor >= 0 AND refunded_minor <= captured_minor)
);
-- One live payment per order: a failed one may be retried with another card, nothing else may run beside it.
CREATE UNIQUE INDEX payment_one_live_per_order ON payment (order_id) WHERE status <> 'FAILED';
CREATE INDEX payment_by_buyer ON payment (buyer_id, created_at);
CREATE INDEX payment_by_age ON payment (created_at);

-- Webhook events already applied, by the provider's event id: a replayed or redelivered webhook has no second effect.
CREATE TABLE provider_event (
    provider    text        NOT NULL,
    event_id    text        NOT NULL,
    event_type  text        NOT NULL,
    payment_id  uuid,
    outcome     text        NOT NULL,
    received_at timestamptz NOT NULL,
    CONSTRAINT provider_event_pk PRIMARY KEY (provider, event_id)
);

CREATE TABLE refund (
    id                 uuid        NOT NULL CONSTRAINT refund_pk PRIMARY KEY,
    payment_id         uuid        NOT NULL CONSTRAINT refund_of_payment REFERENCES payment (id),
    amount_minor       bigint      NOT NULL CONSTRAINT refund_amount_positive CHECK (amount_minor > 0),
    currency           char(3)     NOT NULL,
    reason             text        NOT NULL,
    status             text        NOT NULL CONSTRAINT refund_status_known CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED')),
    requested_by       text        NOT NULL,
    provider_refund_id text,
    failure_reason     text,
    created_at         timestamptz NOT NULL,
    completed_at       timestamptz
);
CREATE INDEX refund_by_payment ON refund (payment_id);
CREATE INDEX refund_pending ON refund (created_at) WHERE status = 'PENDING';

-- The built-in sandbox provider's own ledger. It stands for a remote provider: payment code never reads these tables,
-- it asks the provider through PaymentProvider, so reconciliation compares two independent records.
CREATE TABLE sandbox_charge (
    id             text        NOT NULL CONSTRAINT sandbox_charge_pk PRIMARY KEY,
    reference      uuid        NOT NULL CONSTRAINT sandbox_charge_reference_unique UNIQUE,
    amount_minor   bigint      NOT NULL,
    currency       char(3)     NOT NULL,
    card_last4     text        NOT NULL,
    scenario       text        NOT NULL,
    status         text        NOT NULL CONSTRAINT sandbox_charge_status_known CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED')),
    failure_reason text,
    refunded_minor bigint      NOT NULL DEFAULT 0,
    confirm_at     timestamptz NOT NULL,
    created_at     timestamptz NOT NULL,
    CONSTRAINT sandbox_charge_refunds_within_amount CHECK (refunded_minor >= 0 AND refunded_minor <= amount_minor)
);
CREATE INDEX sandbox_charge_to_confirm ON sandbox_charge (confirm_at) WHERE status = 'PENDING';

CREATE TABLE sandbox_refund (
    id           text        NOT NULL CONSTRAINT sandbox_refund_pk PRIMARY KEY,
    charge_id    text        NOT NULL CONSTRAINT sandbox_refund_of_charge REFERENCES sandbox_charge (id),
    reference    uuid        NOT NULL CONSTRAINT sandbox_refund_reference_unique UNIQUE,
    amount_minor bigint      NOT NULL CHECK (amount_minor > 0),
    created_at   timestamptz NOT NULL
);

-- Webhooks waiting to be delivered: persisted, so a crash between confirming and delivering loses none.
CREATE TABLE sandbox_webhook (
    id            bigserial   NOT NULL CONSTRAINT sandbox_webhook_pk PRIMARY KEY,
    event_id      text        NOT NULL,
    payload       text        NOT NULL,
    deliver_after timestamptz NOT NULL,
    attempts      integer     NOT NULL DEFAULT 0,
    delivered_at  timestamptz,
    last_error    text
);
CREATE INDEX sandbox_webhook_due ON sandbox_webhook (deliver_after) WHERE delivered_at IS NULL;
