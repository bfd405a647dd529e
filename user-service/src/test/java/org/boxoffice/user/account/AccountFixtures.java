package org.boxoffice.user.account;

import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;

import org.boxoffice.platform.security.Role;

/** Accounts for tests, opened through the entity's own factory. */
public final class AccountFixtures {

    private AccountFixtures() {
    }

    /** A buyer account (not stored) whose password hash matches nothing. */
    public static Account buyer(String email) {
        return Account.open(UUID.randomUUID(), new EmailAddress(email), "{noop}unused", null, EnumSet.of(Role.BUYER),
                Instant.now());
    }
}
