package org.boxoffice.user.organization;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.Repository;

/** Organizations, with their members loaded when first asked for. */
interface Organizations extends Repository<Organization, UUID> {

    Optional<Organization> findById(UUID id);

    boolean existsById(UUID id);

    boolean existsByName(String name);

    List<Organization> findAllByOrderByName();

    List<Organization> findAllByIdInOrderByName(Collection<UUID> ids);

    Organization saveAndFlush(Organization organization);

    Organization save(Organization organization);
}
