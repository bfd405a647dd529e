package org.boxoffice.user.organization;

import java.time.Instant;
import java.util.UUID;

/** What the API shows of an organization. */
public record OrganizationSummary(UUID id, String name, Instant createdAt) {

    static OrganizationSummary of(Organization organization) {
        return new OrganizationSummary(organization.id(), organization.name(), organization.createdAt());
    }
}
