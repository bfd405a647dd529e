package org.boxoffice.user.organization;

import java.time.Instant;
import java.util.UUID;

/** An organization that runs events; its organizers act for it. */
public record Organization(UUID id, String name, Instant createdAt) {
}
