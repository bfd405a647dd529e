package org.boxoffice.user.account;

import java.util.Locale;
import java.util.Optional;

/**
 * What a password must be: 12 to 128 characters, not made of one repeated character, not containing the email's
 * name. Length beats composition rules (NIST SP 800-63B), so there are none.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    /** Why the password is refused, or empty when it is acceptable. */
    public static Optional<String> check(String password, String email) {
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("must be at least " + MIN_LENGTH + " characters long");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters long");
        }
        if (password.codePoints().distinct().count() == 1) {
            return Optional.of("must not repeat a single character");
        }
        String name = email.substring(0, Math.max(0, email.indexOf('@'))).toLowerCase(Locale.ROOT);
        if (name.length() >= 4 && password.toLowerCase(Locale.ROOT).contains(name)) {
            return Optional.of("must not contain your email address");
        }
        return Optional.empty();
    }

    /** Throws {@link PasswordRejected} when the password does not meet the policy. */
    public static void require(String field, String password, String email) {
        check(password, email).ifPresent(reason -> {
            throw new PasswordRejected(field, reason);
        });
    }
}
