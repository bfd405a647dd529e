package org.boxoffice.booking.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class AssignedIdTest {

    /** An entity with its id chosen up front, as a ticket or an answer is. */
    static final class Chosen extends AssignedId {

        private final UUID id = UUID.randomUUID();

        @Override
        public UUID getId() {
            return id;
        }
    }

    @Test
    void anEntityWithAChosenIdIsNewUntilPersistedOrLoaded() {
        Chosen entity = new Chosen();
        assertThat(entity.getId()).isNotNull();
        assertThat(entity.isNew()).as("an id alone does not make it stored").isTrue();

        entity.markStored();

        assertThat(entity.isNew()).isFalse();
    }
}
