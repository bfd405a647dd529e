package org.boxoffice.notification.delivery;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.repository.Repository;

/** The delivery log as entities; planning and claiming are {@link DeliveryLog}'s. */
interface Deliveries extends Repository<Delivery, UUID>, JpaSpecificationExecutor<Delivery> {

    Optional<Delivery> findById(UUID id);

    List<Delivery> findAllByIdInOrderByNextAttemptAt(Collection<UUID> ids);

    long countByLaneAndStatusIn(Lane lane, Collection<DeliveryStatus> statuses);

    Delivery save(Delivery delivery);

    /** Newest first, each filter of the search optional: one query for the page, one for the total. */
    default Page<Delivery> search(DeliverySearch search, Pageable page) {
        Specification<Delivery> where = Specification.unrestricted();
        if (search.status() != null) {
            where = where.and((d, q, cb) -> cb.equal(d.get("status"), search.status()));
        }
        if (search.channel() != null) {
            where = where.and((d, q, cb) -> cb.equal(d.get("channel"), search.channel()));
        }
        if (search.sourceId() != null) {
            where = where.and((d, q, cb) -> cb.equal(d.get("sourceId"), search.sourceId()));
        }
        if (search.buyerId() != null) {
            where = where.and((d, q, cb) -> cb.equal(d.get("buyerId"), search.buyerId()));
        }
        return findAll(where, page);
    }
}
