package org.boxoffice.notification.preference;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Buyers' channel preferences. A buyer who never chose has none. */
public interface Preferences extends Repository<Preference, UUID> {

    Optional<Preference> findById(UUID buyerId);

    /** The buyer's preferences, locked until the caller's transaction ends (a code and its number stay together). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Preference p where p.buyerId = :buyerId")
    Optional<Preference> findForUpdate(UUID buyerId);

    Preference saveAndFlush(Preference preference);
}
