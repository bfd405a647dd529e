package org.boxoffice.user.account;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An email address as accounts hold it: trimmed and lower-cased, so that one person cannot register twice by case.
 *
 * @param value the normalised address
 */
public record EmailAddress(String value) {

    /** Deliberately simple: a local part, an @, a domain with a dot; no spaces. Deliverability is not checked here. */
    public static final String PATTERN = "^\\s*[^@\\s]+@[^@\\s]+\\.[^@\\s.]+\\s*$";
    private static final Pattern VALID = Pattern.compile(PATTERN);

    /** Normalises the address; refuses one that does not look like an address (the web edge checks this first). */
    public EmailAddress {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not an email address: " + value);
        }
        value = normalise(value);
    }

    /** The address, or empty when the text is not one. */
    public static Optional<EmailAddress> parse(String text) {
        return isValid(text) ? Optional.of(new EmailAddress(text)) : Optional.empty();
    }

    public static String normalise(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    public static boolean isValid(String email) {
        return VALID.matcher(email).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
