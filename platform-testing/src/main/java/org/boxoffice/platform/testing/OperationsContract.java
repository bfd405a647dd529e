package org.boxoffice.platform.testing;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.boxoffice.platform.data.SqlByDesign;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.context.WebApplicationContext;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What a service promises its operators (part of {@link ServiceContract}): probes that reflect its data stores, its
 * own migrated schema and no other, a jar without test code, Prometheus metrics and a limit on requests in progress.
 */
@SqlByDesign("Reads the catalog to prove a service migrates its own schema and no other")
public abstract class OperationsContract extends ServiceContractClient {

    /** @param schema the PostgreSQL schema the service owns, or null for a service without a database */
    protected OperationsContract(String applicationName, @Nullable String schema) {
        super(applicationName, schema);
    }

    @Test
    void becomesReadyOnlyWithItsDataStores() throws Exception {
        HttpResponse<String> response = management("/readyz");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = JSON.readTree(response.body());
        assertThat(health.path("status").asString()).isEqualTo("UP");
        if (hasBean("javax.sql.DataSource")) {
            assertThat(health.path("components").has("db")).as("readiness includes PostgreSQL").isTrue();
        }
        if (hasBean("org.springframework.data.redis.connection.RedisConnectionFactory")
                || hasBean("org.springframework.data.redis.connection.ReactiveRedisConnectionFactory")) {
            assertThat(health.path("components").has("redis")).as("readiness includes Redis").isTrue();
        }
    }

    @Test
    void isLiveWithoutConsultingItsDataStores() throws Exception {
        HttpResponse<String> response = management("/livez");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("components").has("db")).isFalse();
    }

    @Test
    void migratesItsOwnSchemaAndNoOther() {
        if (schema == null) {
            assertThat(hasBean("javax.sql.DataSource")).as(applicationName + " declared no schema").isFalse();
            return;
        }
        JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));

        assertThat(jdbc.queryForObject("SELECT current_schema()", String.class)).isEqualTo(schema);
        Integer migrations = jdbc.queryForObject(
                "SELECT count(*) FROM " + schema + ".flyway_schema_history WHERE success", Integer.class);
        assertThat(migrations).isPositive();
        assertThat(jdbc.queryForList("SELECT table_schema FROM information_schema.tables"
                + " WHERE table_schema NOT IN ('pg_catalog', 'information_schema') GROUP BY table_schema", String.class))
                .as("tables exist only in the service's own schema").containsOnly(schema);
    }

    /** The jar this build packaged ships no test support and no test library ({@link ProductionJar}). */
    @Test
    void shipsNoTestCodeInItsJar() throws Exception {
        Path jar = ProductionJar.ofThisBuild();
        assumeTrue(jar != null, "run by Failsafe, which names the packaged jar (" + ProductionJar.PROPERTY + ")");

        ProductionJar.assertCarriesNoTestCode(jar);
    }

    @Test
    void exportsPrometheusMetricsTaggedWithItsName() throws Exception {
        HttpResponse<String> response = management("/actuator/prometheus");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes").contains("application=\"" + applicationName + "\"");
    }

    @Test
    void limitsTheApiRequestsInProgress() throws Exception {
        Assumptions.assumeTrue(context instanceof WebApplicationContext,
                "servlet services; the gateway limits by rate (RateLimitFilter)");
        HttpResponse<String> response = management("/actuator/prometheus");

        assertThat(response.body()).as("ConcurrencyLimitFilter is registered (docs/operations.md, load shedding)")
                .contains("boxoffice_http_requests_in_progress").contains("boxoffice_http_requests_refused_total");
    }
}
