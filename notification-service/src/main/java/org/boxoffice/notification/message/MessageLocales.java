package org.boxoffice.notification.message;

import java.util.List;
import java.util.Locale;

/** The locales messages are written in. Adding one means adding {@code mail/messages_<tag>.properties}. */
public final class MessageLocales {

    public static final Locale DEFAULT = Locale.ENGLISH;
    public static final List<String> SUPPORTED = List.of("en", "de");

    private MessageLocales() {
    }

    public static boolean supported(String tag) {
        return SUPPORTED.contains(tag);
    }
}
