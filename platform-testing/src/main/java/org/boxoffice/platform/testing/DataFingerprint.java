package org.boxoffice.platform.testing;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.boxoffice.platform.data.SqlByDesign;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Row count and newest row version ({@code xmin}) of each of a service's tables, as one string: it changes whenever a
 * row is inserted, updated or deleted. The platform's plumbing (outbox, inbox, idempotency records, migration
 * histories) is left out. A class of its own so that services without JDBC (the gateway) never load it.
 */
@SqlByDesign("Counts the rows and newest versions of every table of the service, whatever maps them, to prove a "
        + "refused request changed nothing")
final class DataFingerprint implements Supplier<String> {

    private static final Set<String> PLUMBING = Set.of("outbox_event", "inbox_event", "idempotency_record",
            "flyway_schema_history", "platform_schema_history");

    private final JdbcTemplate jdbc;
    private final String sql;

    private DataFingerprint(JdbcTemplate jdbc, String sql) {
        this.jdbc = jdbc;
        this.sql = sql;
    }

    /** Null when the schema has no table to watch. */
    static @Nullable DataFingerprint of(DataSource dataSource, String schema, Set<String> alsoSkipped) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Set<String> skipped = new HashSet<>(PLUMBING);
        skipped.addAll(alsoSkipped);
        List<String> tables = jdbc.queryForList("SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = ? AND table_type = 'BASE TABLE' ORDER BY table_name", String.class, schema)
                .stream().filter(table -> !skipped.contains(table)).toList();
        if (tables.isEmpty()) {
            return null;
        }
        String sql = tables.stream()
                .map(table -> "(SELECT '" + table + "=' || count(*) || '@' || coalesce(max(xmin::text::bigint), 0) FROM "
                        + schema + ".\"" + table + "\")")
                .collect(Collectors.joining(" || ' ' || ", "SELECT ", ""));
        return new DataFingerprint(jdbc, sql);
    }

    @Override
    public String get() {
        return jdbc.queryForObject(sql, String.class);
    }
}
