package org.boxoffice.platform.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.ClassUtils;
import org.springframework.web.context.WebApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What every Boxoffice service promises its operators and callers, checked over HTTP against the running service:
 * probes that reflect its data stores, its own migrated schema, Prometheus metrics, an OpenAPI document, and
 * RFC 9457 problems for errors, and no API without a valid bearer token. Each service runs it through a subclass
 * annotated {@link IntegrationTest}.
 */
public abstract class ServiceContract {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String applicationName;
    private final @Nullable String schema;

    @Value("${local.server.port}")
    private int port;
    /** Probes and metrics: the management port where a service has one of its own (the gateway), else the same. */
    @Value("${local.management.port:${local.server.port}}")
    private int managementPort;

    @Autowired
    private ApplicationContext context;

    /** @param schema the PostgreSQL schema the service owns, or null for a service without a database */
    protected ServiceContract(String applicationName, @Nullable String schema) {
        this.applicationName = applicationName;
        this.schema = schema;
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

    /** Also exports the document served, pretty-printed, as {@code target/openapi/<applicationName>.json}. */
    @Test
    void publishesItsOpenApiDocument() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode document = JSON.readTree(response.body());
        assertThat(document.path("openapi").asString()).startsWith("3.");
        assertThat(document.path("info").path("title").asString()).contains(applicationName);
        Path export = Path.of("target", "openapi", applicationName + ".json");
        Files.createDirectories(export.getParent());
        Files.writeString(export, PublishedContract.pretty(response.body()));
    }

    /**
     * The served document is the committed {@code docs/openapi/<applicationName>.json}: no breaking change without a
     * new major version, no other change without updating the committed document ({@link PublishedContract}).
     */
    @Test
    void keepsItsPublishedApiContract() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs");

        assertThat(response.statusCode()).isEqualTo(200);
        PublishedContract.verify(applicationName, response.body(), getClass().getSimpleName());
    }

    @Test
    void refusesApiRequestsWithoutABearerTokenWithA401Problem() throws Exception {
        assumeTrue(hasBean("org.springframework.security.web.SecurityFilterChain")
                        || hasBean("org.springframework.security.web.server.SecurityWebFilterChain"),
                applicationName + " is not a resource server yet: add spring-boot-starter-oauth2-resource-server");

        HttpResponse<String> response = get("/api/v1/no-such-resource");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer"));
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).path("type").asString())
                .isEqualTo("https://boxoffice.dev/problems/unauthenticated");
    }

    @Test
    void answersUnknownResourcesWithAProblem() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/no-such-resource"))
                .header("Authorization", "Bearer " + bearerToken()).GET().build());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("type").asString()).isEqualTo("https://boxoffice.dev/problems/not-found");
        assertThat(problem.path("status").asInt()).isEqualTo(404);
        assertThat(problem.has("trace")).isFalse();
        assertThat(problem.has("exception")).isFalse();
    }

    /** A token the service accepts; a service that signs its own tokens (user-service) obtains one from itself. */
    protected String bearerToken() throws Exception {
        return TestTokens.buyer();
    }

    @Test
    void continuesTheCallersTraceAndQuotesItInProblems() throws Exception {
        Assumptions.assumeTrue(context instanceof WebApplicationContext,
                "servlet services; the gateway's propagation is tested in GatewayRoutingIT");
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/no-such-resource"))
                .header("Authorization", "Bearer " + bearerToken())
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").GET().build());

        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("traceId").asString()).isEqualTo(traceId);
        assertThat(problem.path("detail").asString()).isEqualTo("No resource at /api/v1/no-such-resource.");
    }

    protected HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    /** A GET on the management port (probes, metrics). */
    protected HttpResponse<String> management(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path)).GET().build());
    }

    protected HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    protected URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }


    private boolean hasBean(String typeName) {
        if (!ClassUtils.isPresent(typeName, getClass().getClassLoader())) {
            return false;
        }
        return context.getBeanNamesForType(ClassUtils.resolveClassName(typeName, getClass().getClassLoader())).length > 0;
    }
}
