package org.boxoffice.notification.delivery;

import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code boxoffice_notification_deliveries_total{channel,outcome}} (outcome {@code sent}, {@code retried},
 * {@code failed}, {@code suppressed} — over a cap, never sent) and {@code boxoffice_notification_deliveries_due{lane}} (waiting to be sent).
 */
@Component
class DeliveryMetrics {

    private final MeterRegistry meters;

    DeliveryMetrics(MeterRegistry meters, Deliveries deliveries) {
        this.meters = meters;
        for (Lane lane : Lane.values()) {
            Gauge.builder("boxoffice.notification.deliveries.due", () -> due(deliveries, lane))
                    .description("Deliveries waiting to be sent").tag("lane", lane.name().toLowerCase(java.util.Locale.ROOT))
                    .register(meters);
        }
    }

    void record(Channel channel, String outcome) {
        Counter.builder("boxoffice.notification.deliveries").description("Delivery attempts by outcome")
                .tag("channel", channel.name().toLowerCase(java.util.Locale.ROOT)).tag("outcome", outcome)
                .register(meters).increment();
    }

    private static double due(Deliveries deliveries, Lane lane) {
        try {
            return deliveries.countByLaneAndStatusIn(lane, List.of(DeliveryStatus.PENDING, DeliveryStatus.SENDING));
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
