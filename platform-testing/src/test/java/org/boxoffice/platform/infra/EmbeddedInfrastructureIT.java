package org.boxoffice.platform.infra;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The fallback a fresh machine depends on: with no server given or forced embedded, real PostgreSQL and Redis
 * processes start, serve, and are gone after close. Runs on every machine, whatever servers it has.
 */
class EmbeddedInfrastructureIT {

    private final List<String> progress = new ArrayList<>();

    @Test
    void startsServesAndStopsEmbeddedPostgresAndRedis() throws Exception {
        PostgresServer postgres;
        RedisServer redis;
        try (Infrastructure infrastructure = Infrastructure.discover(
                new Infrastructure.Options(true, true, false, null, progress::add), Map.of("BOXOFFICE_INFRA", "embedded"))) {
            postgres = infrastructure.postgres();
            redis = infrastructure.redis();
            assertThat(postgres.source()).isEqualTo(Source.EMBEDDED);
            assertThat(redis.source()).isEqualTo(Source.EMBEDDED);

            postgres.createDatabase("embedded_probe");
            try (Connection connection = java.sql.DriverManager.getConnection(
                    postgres.database("embedded_probe"), postgres.username(), postgres.password());
                    ResultSet rows = connection.createStatement().executeQuery("SELECT current_database(), version()")) {
                rows.next();
                assertThat(rows.getString(1)).isEqualTo("embedded_probe");
                assertThat(rows.getString(2)).startsWith("PostgreSQL 17");
            }
            postgres.dropDatabase("embedded_probe");

            try (RespClient client = redis.connect()) {
                assertThat(client.command("SET", "probe", "1", "NX")).isEqualTo("OK");
                assertThat(client.command("GET", "probe")).isEqualTo("1");
            }
        }
        assertThat(progress).anyMatch(line -> line.contains("embedded PostgreSQL"))
                .anyMatch(line -> line.contains("embedded Redis"));
        int postgresPort = java.net.URI.create(postgres.jdbcUrl().substring(5)).getPort();
        assertThat(Infrastructure.listening("127.0.0.1", postgresPort)).as("PostgreSQL stopped").isFalse();
        assertThat(Infrastructure.listening("127.0.0.1", redis.port())).as("Redis stopped").isFalse();
    }

    @Test
    void namesAnUnreachableConfiguredServerInsteadOfFallingBack() {
        Map<String, String> env = Map.of("BOXOFFICE_DB_URL", "jdbc:postgresql://127.0.0.1:1/boxoffice");

        assertThatIllegalStateException()
                .isThrownBy(() -> Infrastructure.discover(new Infrastructure.Options(true, false, false, null, progress::add), env))
                .withMessageContaining("BOXOFFICE_DB_URL=jdbc:postgresql://127.0.0.1:1/boxoffice")
                .withMessageContaining("Fix the URL/credentials");
    }

    @Test
    void derivesOtherDatabasesOnTheSameServer() {
        PostgresServer server = new PostgresServer("jdbc:postgresql://db.internal:6432/boxoffice?sslmode=require",
                "app", "secret", Source.ENVIRONMENT);

        assertThat(server.database("boxoffice_it_1")).isEqualTo("jdbc:postgresql://db.internal:6432/boxoffice_it_1?sslmode=require");
    }
}
