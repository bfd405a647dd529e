package org.boxoffice.platform.events;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * Creates and upgrades the platform's own tables (outbox, inbox) in the service's schema, from
 * {@code classpath:db/platform}, with a history table of their own so that platform and service migrations never
 * compete for version numbers. Not a {@link Flyway} bean on purpose: that would switch off the service's own Flyway.
 */
public final class PlatformTables {

    static final String HISTORY_TABLE = "platform_schema_history";

    PlatformTables(DataSource dataSource, String schema) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .table(HISTORY_TABLE)
                .locations("classpath:db/platform")
                // The service's own history table is already there: start the platform's history below V1.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
