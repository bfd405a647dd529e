package org.boxoffice.booking.question;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** The orders' answers. */
interface Answers extends JpaRepository<Answer, UUID> {

    List<Answer> findByOrderIdIn(Collection<UUID> orderIds);

    /**
     * One order's answers. Not {@code findByOrderIdIn(List.of(id))}: Hibernate caches no query plan with a
     * collection-valued parameter, and an order's page (polled by its buyer until it is paid) reads this every time.
     */
    List<Answer> findByOrderId(UUID orderId);
}
