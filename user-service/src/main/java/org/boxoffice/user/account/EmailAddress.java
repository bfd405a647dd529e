package org.boxoffice.user.account;

import java.util.Locale;
import java.util.regex.Pattern;

/** Emails are compared and stored trimmed and lower-cased, so that one person cannot register twice by case. */
public final class EmailAddress {

    /** Deliberately simple: a local part, an @, a domain with a dot; no spaces. Deliverability is not checked here. */
    public static final String PATTERN = "^\\s*[^@\\s]+@[^@\\s]+\\.[^@\\s.]+\\s*$";
    private static final Pattern VALID = Pattern.compile(PATTERN);

    private EmailAddress() {
    }

    public static String normalise(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    public static boolean isValid(String email) {
        return VALID.matcher(email).matches();
    }
}
