package org.boxoffice.user.account;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.boxoffice.platform.security.Role;
import org.jspecify.annotations.Nullable;

/** What the API shows of an account: never its password hash. */
public record AccountProfile(UUID id, String email, @Nullable String displayName, Set<Role> roles,
        Set<UUID> organizations, Instant createdAt) {

    static AccountProfile of(Account account, Set<UUID> organizations) {
        return new AccountProfile(account.id(), account.email().value(), account.displayName(), account.roles(),
                Set.copyOf(organizations), account.createdAt());
    }
}
