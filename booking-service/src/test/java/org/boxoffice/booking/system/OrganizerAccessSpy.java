package org.boxoffice.booking.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.mockito.stubbing.Answer;

/**
 * For web slices of organizer APIs: keeps the {@link OrganizerAccess} a controller handed its service, which answers
 * "not found" as the real service does for what the access excludes, and checks that the access was the caller's own.
 */
public final class OrganizerAccessSpy {

    private final AtomicReference<OrganizerAccess> seen = new AtomicReference<>();

    /** A stubbed answer: keeps the access (the call's first argument), then throws {@code notFound}. */
    public <T> Answer<T> notFound(RuntimeException notFound) {
        return call -> {
            seen.set(call.getArgument(0));
            throw notFound;
        };
    }

    /** The service decided with the rights of the caller's organization and of no other. */
    public void assertWasTheCallersOnly(UUID callersOrganization) {
        assertThat(seen.get()).as("the access the service was given").isNotNull();
        assertThat(seen.get().canManage(callersOrganization)).as("the caller's organization").isTrue();
        assertThat(seen.get().canManage(UUID.randomUUID())).as("another organization").isFalse();
    }
}
