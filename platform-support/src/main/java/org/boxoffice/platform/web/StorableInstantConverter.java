package org.boxoffice.platform.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.springframework.core.convert.converter.Converter;

/**
 * Reads an {@link Instant} request parameter as the API documents it: an RFC 3339 date-time with its offset
 * ({@code 2026-12-02T14:00:00Z}, {@code 2026-12-02T15:00:00+01:00}), and nothing else. Spring's own
 * {@code InstantFormatter} also takes RFC 1123 dates and any integer as epoch milliseconds, so {@code ?from=-1} or
 * {@code ?from=0} was read as 1970 where the client most likely meant something else: a 400 naming the parameter says
 * so. An instant outside the years 0001–9999 is refused too: no database column (nor {@link java.sql.Timestamp})
 * holds it, and {@code +1000000000-12-31T23:59:59Z} would fail deep inside a query.
 */
public final class StorableInstantConverter implements Converter<String, Instant> {

    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    @Override
    public Instant convert(String source) {
        Instant instant;
        try {
            instant = OffsetDateTime.parse(source.trim(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an RFC 3339 date-time such as 2026-12-02T14:00:00Z", e);
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new IllegalArgumentException("instant outside the years 0001-9999");
        }
        return instant;
    }
}
