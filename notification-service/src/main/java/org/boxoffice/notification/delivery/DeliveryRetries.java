package org.boxoffice.notification.delivery;

import java.time.Clock;
import java.util.UUID;

import org.boxoffice.notification.system.NotificationProblems;
import org.boxoffice.platform.problem.ProblemException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The delivery log for admins: searching it, looking up one delivery, and sending a FAILED one again. */
@Service
public class DeliveryRetries {

    private final Deliveries deliveries;
    private final Clock clock;

    DeliveryRetries(Deliveries deliveries, Clock clock) {
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public DeliveryView find(UUID id) {
        return DeliveryView.of(load(id));
    }

    /** Newest first, each filter optional. */
    @Transactional(readOnly = true)
    public Page<DeliveryView> search(DeliverySearch search, int page, int size) {
        return deliveries.search(search, PageRequest.of(page, size, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id"))))
                .map(DeliveryView::of);
    }

    /** A FAILED delivery is due again, with a fresh budget of attempts; any other is refused. */
    @Transactional
    public DeliveryView retry(UUID id) {
        Delivery delivery = load(id);
        if (!delivery.retry(clock.instant())) {
            throw new DeliveryNotRetryable(delivery);
        }
        return DeliveryView.of(deliveries.save(delivery));
    }

    private Delivery load(UUID id) {
        return deliveries.findById(id).orElseThrow(() -> new DeliveryNotFound(id));
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
            with("currentStatus", delivery.status().name());
        }
    }
}
