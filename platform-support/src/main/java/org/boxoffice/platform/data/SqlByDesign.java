package org.boxoffice.platform.data;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class that talks SQL by hand on purpose (the hold path, set-based sweeps, the outbox, stream consumers,
 * idempotency records, analytics): aggregates go through Spring Data JPA repositories, and the architecture test
 * allows JDBC only in classes carrying this mark — through {@code JdbcClient}, and {@code JdbcTemplate} only for a
 * statement batch ({@code PlatformRules.ONE_JDBC_API}). docs/adr/0001-data-access.md.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SqlByDesign {

    /** Why SQL is the point here, in a sentence. */
    String value();
}
