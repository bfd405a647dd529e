package org.boxoffice.payment.payment;

import java.sql.Timestamp;
import java.time.Instant;

import org.boxoffice.payment.provider.PaymentProvider.ProviderEvent;
import org.boxoffice.platform.data.SqlByDesign;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The provider events already applied, by the provider's event id ({@code provider_event}): what makes a replayed or
 * redelivered webhook have no second effect. Must run in the transaction that applies the event.
 */
@SqlByDesign("An idempotency record: one INSERT ... ON CONFLICT DO NOTHING claims the event id or finds it taken, "
        + "without an exception that would spoil the transaction applying it.")
@Component
class ProviderEvents {

    private final JdbcClient jdbc;

    ProviderEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the event as received; false if it was already recorded (a redelivery or a replay). */
    boolean claim(String provider, ProviderEvent event, Instant at) {
        return jdbc.sql("""
                INSERT INTO provider_event (provider, event_id, event_type, payment_id, outcome, received_at)
                VALUES (?, ?, ?, ?, 'PENDING', ?) ON CONFLICT DO NOTHING""")
                .params(provider, event.id(), event.type(), event.reference(), Timestamp.from(at))
                .update() == 1;
    }

    /** What applying a claimed event did. */
    void outcome(String provider, String eventId, PaymentService.WebhookResult result) {
        jdbc.sql("UPDATE provider_event SET outcome = ? WHERE provider = ? AND event_id = ?")
                .params(result.name(), provider, eventId).update();
    }
}
