package org.boxoffice.platform.testing;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.boxoffice.platform.data.SqlByDesign;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Gives every test class a clean state without restarting the (cached) application: before the class runs, every
 * table the service's migrations created is truncated (the Flyway histories excepted) and the JVM's Redis database is
 * flushed.
 *
 * <p>A service keeps a table across classes by naming it in {@value #KEPT_TABLES} ({@code schema.table}, comma
 * separated): a table whose rows the running application caches and cannot see vanish. user-service keeps its token
 * signing keys: its key ring signs with the key it loaded, and emptying the table under it made the ring generate a
 * new key at its next reload, after which every token signed a moment before was rejected with a 401.
 */
@SqlByDesign("Empties every table of the service between test classes, whatever maps them")
public class CleanStateListener extends AbstractTestExecutionListener {

    /** The property naming the tables kept across test classes. */
    public static final String KEPT_TABLES = "boxoffice.testing.kept-tables";

    @Override
    public void beforeTestClass(TestContext testContext) {
        var context = testContext.getApplicationContext();
        DataSource dataSource = context.getBeanProvider(DataSource.class).getIfAvailable();
        if (dataSource != null) {
            String[] kept = context.getEnvironment().getProperty(KEPT_TABLES, String[].class, new String[0]);
            truncateAll(new JdbcTemplate(dataSource), Set.copyOf(Arrays.asList(kept)));
        }
        TestInfrastructure.get().flushRedis();
    }

    private static void truncateAll(JdbcTemplate jdbc, Set<String> kept) {
        List<String> tables = jdbc.queryForList("""
                SELECT format('%I.%I', table_schema, table_name) FROM information_schema.tables
                 WHERE table_type = 'BASE TABLE'
                   AND table_schema NOT IN ('pg_catalog', 'information_schema')
                   AND table_name NOT LIKE '%schema_history'
                """, String.class).stream().filter(table -> !kept.contains(table)).toList();
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
