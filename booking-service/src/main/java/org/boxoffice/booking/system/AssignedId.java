package org.boxoffice.booking.system;

import java.util.UUID;

import org.springframework.data.domain.Persistable;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;

/**
 * An entity whose id the application chooses before it is stored (a ticket's id is signed into its QR code). Spring
 * Data takes an entity that has an id for one that exists, and would merge it — a SELECT before every INSERT; this one
 * is new until it has been persisted or loaded.
 */
@MappedSuperclass
public abstract class AssignedId implements Persistable<UUID> {

    @Transient
    private boolean stored;

    @PostLoad
    @PostPersist
    void markStored() {
        stored = true;
    }

    @Override
    public boolean isNew() {
        return !stored;
    }
}
