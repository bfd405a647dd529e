package org.boxoffice.user.account;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.boxoffice.platform.security.Role;
import org.jspecify.annotations.Nullable;

/** A user account as stored; the password hash never leaves user-service. */
public record Account(UUID id, String email, String passwordHash, @Nullable String displayName, Set<Role> roles,
        Set<UUID> organizations, Instant createdAt) {
}
