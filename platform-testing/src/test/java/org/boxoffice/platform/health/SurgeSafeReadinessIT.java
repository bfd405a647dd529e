package org.boxoffice.platform.health;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.boxoffice.platform.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import com.zaxxer.hikari.HikariDataSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The probes in a surge, on a real PostgreSQL: with every connection of the pool taken by requests, the replica stays
 * ready and alive and the probes answer at once, where Boot's own check would wait the pool's 20 s for a connection
 * (past the probe's timeout: every replica unready at the worst moment).
 */
@IntegrationTest(properties = {
        "spring.application.name=health-it",
        "boxoffice.db.schema=health_it",
        "boxoffice.events.auto-startup=false",
        "spring.datasource.hikari.maximum-pool-size=3",
        "spring.datasource.hikari.connection-timeout=20000" })
class SurgeSafeReadinessIT {

    /** Well below the pool's 20 s wait: a probe that borrowed a connection would not answer within it. */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Value("${local.server.port}")
    int port;
    @Autowired
    DataSource dataSource;

    @Test
    void aPoolWhoseEveryConnectionIsInUseIsReadyAndAlive() throws Exception {
        HttpResponse<String> idle = probe("/readyz");
        assertThat(idle.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(idle.body()).path("components").path("db").path("status").asString()).isEqualTo("UP");

        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        List<Connection> taken = new ArrayList<>();
        try {
            for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
                taken.add(dataSource.getConnection());
            }
            assertThat(pool.getHikariPoolMXBean().getIdleConnections()).isZero();

            HttpResponse<String> busy = probe("/readyz");
            assertThat(busy.statusCode()).as("a busy pool is not a broken database").isEqualTo(200);
            JsonNode db = JSON.readTree(busy.body()).path("components").path("db");
            assertThat(db.path("status").asString()).isEqualTo("UP");
            assertThat(probe("/livez").statusCode()).isEqualTo(200);
        } finally {
            for (Connection connection : taken) {
                connection.close();
            }
        }
        assertThat(probe("/readyz").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> probe(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(PROBE_TIMEOUT)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
