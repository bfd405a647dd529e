package org.boxoffice.notification.account;

import java.time.Instant;
import java.util.UUID;

/** Our copy of user-service's event: someone tried to register the email of an existing account. */
public record RegistrationAttempted(UUID accountId, String email, Instant attemptedAt) {
}
