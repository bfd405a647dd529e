package org.boxoffice.analytics.report;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Bucket size of a time series; buckets are aligned to UTC. */
public enum Granularity {
    MINUTE(ChronoUnit.MINUTES), HOUR(ChronoUnit.HOURS), DAY(ChronoUnit.DAYS);

    private final ChronoUnit unit;

    Granularity(ChronoUnit unit) {
        this.unit = unit;
    }

    /** Reads the query parameter value ({@code minute}, {@code hour}, {@code day}, any case). */
    public static Granularity parse(String value) {
        for (Granularity granularity : values()) {
            if (granularity.label().equalsIgnoreCase(value.strip())) {
                return granularity;
            }
        }
        throw new UnknownGranularity(value);
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The start of the bucket holding {@code instant}. */
    public Instant truncate(Instant instant) {
        return instant.truncatedTo(unit);
    }

    public Instant next(Instant bucket) {
        return bucket.plus(1, unit);
    }

    /** How many buckets cover [from, to) once {@code from} is aligned. */
    public long buckets(Instant from, Instant to) {
        Duration span = Duration.between(truncate(from), to);
        long size = unit.getDuration().toMillis();
        return (span.toMillis() + size - 1) / size;
    }

    /** The {@code date_trunc} field name for this granularity. */
    String sqlField() {
        return label();
    }
}
