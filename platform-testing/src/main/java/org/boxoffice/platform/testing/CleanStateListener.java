package org.boxoffice.platform.testing;

import java.util.List;

import javax.sql.DataSource;

import org.boxoffice.platform.data.SqlByDesign;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Gives every test class a clean state without restarting the (cached) application: before the class runs, every
 * table the service's migrations created is truncated (the Flyway histories excepted) and the JVM's Redis database is
 * flushed.
 */
@SqlByDesign("Empties every table of the service between test classes, whatever maps them")
public class CleanStateListener extends AbstractTestExecutionListener {

    @Override
    public void beforeTestClass(TestContext testContext) {
        var context = testContext.getApplicationContext();
        DataSource dataSource = context.getBeanProvider(DataSource.class).getIfAvailable();
        if (dataSource != null) {
            truncateAll(new JdbcTemplate(dataSource));
        }
        TestInfrastructure.get().flushRedis();
    }

    private static void truncateAll(JdbcTemplate jdbc) {
        List<String> tables = jdbc.queryForList("""
                SELECT format('%I.%I', table_schema, table_name) FROM information_schema.tables
                 WHERE table_type = 'BASE TABLE'
                   AND table_schema NOT IN ('pg_catalog', 'information_schema')
                   AND table_name NOT LIKE '%schema_history'
                """, String.class);
        if (!tables.isEmpty()) {
            jdbc.execute("TRUNCATE " + String.join(", ", tables) + " RESTART IDENTITY CASCADE");
        }
    }

    @Override
    public int getOrder() {
        // After dependency injection has prepared the context, before any test method runs.
        return 2_100;
    }
}
