package org.boxoffice.user.account;

import java.time.Instant;
import java.util.UUID;

/**
 * Event (to notification-service): someone tried to register an email that already has an account. The answer to
 * that registration looked like success, so the owner is the one told: "if it was you, log in with your password".
 * Published at most once a day per account.
 *
 * @param accountId   the existing account
 * @param email       its address, where the notice goes
 * @param attemptedAt when the registration was tried
 */
public record RegistrationAttempted(UUID accountId, String email, Instant attemptedAt) {

    public static final String TYPE = "RegistrationAttempted";
}
