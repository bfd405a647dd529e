package org.boxoffice.user.organization;

import java.util.UUID;

import org.boxoffice.user.account.Account;
import org.jspecify.annotations.Nullable;

/** What the API shows of an organization's member. */
public record OrganizationMember(UUID userId, String email, @Nullable String displayName) {

    static OrganizationMember of(Account account) {
        return new OrganizationMember(account.id(), account.email().value(), account.displayName());
    }
}
