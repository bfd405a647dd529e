package org.boxoffice.platform.web;

import java.time.Instant;
import java.util.Locale;

import org.springframework.core.convert.converter.Converter;
import org.springframework.format.datetime.standard.InstantFormatter;

/**
 * Reads an {@link Instant} request parameter as Spring does ({@link InstantFormatter}: ISO-8601, RFC 1123 or epoch
 * milliseconds) and refuses one outside the years 0001–9999: beyond them no database column (nor
 * {@link java.sql.Timestamp}) holds it, and {@code +1000000000-12-31T23:59:59Z} would fail deep inside a query
 * instead of as a 400 naming the parameter.
 */
public final class StorableInstantConverter implements Converter<String, Instant> {

    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private final InstantFormatter formatter = new InstantFormatter();

    @Override
    public Instant convert(String source) {
        Instant instant;
        try {
            instant = formatter.parse(source.trim(), Locale.ROOT);
        } catch (java.text.ParseException | RuntimeException e) {
            throw new IllegalArgumentException("not an instant", e);
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new IllegalArgumentException("instant outside the years 0001-9999");
        }
        return instant;
    }
}
