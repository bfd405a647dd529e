package org.boxoffice.user.account;

import java.util.UUID;

/** An account's password changed: every session (refresh token family) it had must end. */
public record PasswordChanged(UUID accountId) {
}
