package org.boxoffice.booking.question;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** The orders' answers. */
interface Answers extends JpaRepository<Answer, UUID> {

    List<Answer> findByOrderIdIn(Collection<UUID> orderIds);
}
