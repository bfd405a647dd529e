package org.boxoffice.user.account;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * What a password must be: 12 to 72 characters and at most 72 bytes in UTF-8, not made of one repeated character,
 * not containing the email's name. Length beats composition rules (NIST SP 800-63B), so there are none.
 *
 * <p>72 bytes is bcrypt's limit: it ignores every byte beyond, and refuses to hash them. A password of 40 accented
 * letters is 40 characters but 80 bytes; it is refused here, naming the field, rather than failing in the hash.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 72;
    public static final int MAX_BYTES = 72;

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
        if (!fitsHash(password)) {
            return Optional.of("must be at most " + MAX_BYTES + " bytes in UTF-8; accented and non-Latin letters take"
                    + " 2 to 4 bytes each");
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

    /** Whether bcrypt reads the whole password: at most {@link #MAX_BYTES} bytes in UTF-8. */
    public static boolean fitsHash(String password) {
        // Any string of up to 18 chars is at most 72 bytes (4 per code point); longer ones are counted.
        return password.length() <= MAX_BYTES / 4 || password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    /** Throws {@link PasswordRejected} when the password does not meet the policy. */
    public static void require(String field, String password, String email) {
        check(password, email).ifPresent(reason -> {
            throw new PasswordRejected(field, reason);
        });
    }
}
