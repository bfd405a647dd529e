package org.boxoffice.platform.events;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;

/**
 * Creates and upgrades the platform's own tables (outbox, inbox) in the service's schema, from
 * {@code classpath:db/platform}, with a history table of their own so that platform and service migrations never
 * compete for version numbers. Not a {@link Flyway} bean on purpose: that would switch off the service's own Flyway.
 *
 * <p>Runs after the service's own migrations: a platform table may already exist in a service that created it itself
 * before it moved to the shared one (booking's {@code idempotency_record}), so platform migrations use
 * {@code IF NOT EXISTS}, and running first would make the service's own {@code CREATE TABLE} fail.
 */
public final class PlatformTables {

    static final String HISTORY_TABLE = "platform_schema_history";

    public PlatformTables(DataSource dataSource, String schema,
            ObjectProvider<FlywayMigrationInitializer> serviceMigrations) {
        // Obtaining the initializer runs the service's migrations (if it has any) before ours.
        serviceMigrations.ifAvailable(initializer -> { });
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
