package org.boxoffice.booking.system;

import java.util.UUID;

/**
 * Whether the caller may manage an organization's venues, events and orders. Admin operations take one and answer
 * "not found" for anything outside it, so an organizer cannot even learn that another organization's data exists.
 */
@FunctionalInterface
public interface OrganizerAccess {

    boolean canManage(UUID organizationId);
}
