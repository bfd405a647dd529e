package org.boxoffice.platform.infra;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A reachable PostgreSQL server and the credentials to create and drop databases on it.
 *
 * @param jdbcUrl URL of any database on the server; {@link #database(String)} derives others from it
 */
public record PostgresServer(String jdbcUrl, String username, String password, Source source) {

    /** The JDBC URL of database {@code name} on this server, keeping host, port and parameters. */
    public String database(String name) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return "jdbc:postgresql://" + uri.getRawAuthority() + "/" + name + query;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, username, password);
    }

    /** Creates database {@code name} unless it exists. */
    public void createDatabase(String name) {
        requireIdentifier(name);
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            try (var rows = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (rows.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name + " on " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    /** Drops database {@code name}, disconnecting whoever still uses it. */
    public void dropDatabase(String name) {
        requireIdentifier(name);
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop database " + name + ": " + e.getMessage(), e);
        }
    }

    private static void requireIdentifier(String name) {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
    }

    @Override
    public String toString() {
        return jdbcUrl + " (" + source.name().toLowerCase() + ")";
    }
}
