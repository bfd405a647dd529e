package org.boxoffice.notification.delivery;

import java.time.Clock;
import java.util.UUID;

import org.boxoffice.notification.system.NotificationProblems;
import org.boxoffice.platform.problem.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Looking up one delivery and sending a FAILED one again. */
@Service
public class DeliveryRetries {

    private final Deliveries deliveries;
    private final Clock clock;

    DeliveryRetries(Deliveries deliveries, Clock clock) {
        this.deliveries = deliveries;
        this.clock = clock;
    }

    public Delivery find(UUID id) {
        return deliveries.find(id).orElseThrow(() -> new DeliveryNotFound(id));
    }

    @Transactional
    public Delivery retry(UUID id) {
        Delivery delivery = find(id);
        if (!deliveries.retry(id, clock.instant())) {
            throw new DeliveryNotRetryable(delivery);
        }
        return find(id);
    }

    static final class DeliveryNotFound extends ProblemException {
        DeliveryNotFound(UUID id) {
            super(NotificationProblems.DELIVERY_NOT_FOUND, "Delivery " + id + " does not exist.");
            with("deliveryId", id);
        }
    }

    static final class DeliveryNotRetryable extends ProblemException {
        DeliveryNotRetryable(Delivery delivery) {
            super(NotificationProblems.DELIVERY_NOT_RETRYABLE, "Delivery " + delivery.id() + " is " + delivery.status()
                    + "; only a FAILED delivery can be retried.");
            with("status", delivery.status().name());
        }
    }
}
