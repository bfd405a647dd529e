package org.boxoffice.platform.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.assertj.core.api.SoftAssertions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.ClassUtils;
import org.springframework.util.unit.DataSize;
import org.springframework.web.context.WebApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What every Boxoffice service promises its operators and callers, checked over HTTP against the running service:
 * probes that reflect its data stores, its own migrated schema, Prometheus metrics, an OpenAPI document, and
 * RFC 9457 problems for errors, no API without a valid bearer token, and no 5xx for any client input on any documented
 * operation ({@link InputFuzz}). Each service runs it through a subclass annotated {@link IntegrationTest}.
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

    @Test
    void publishesItsOpenApiDocument() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode document = JSON.readTree(response.body());
        assertThat(document.path("openapi").asString()).startsWith("3.");
        assertThat(document.path("info").path("title").asString()).contains(applicationName);
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

    /**
     * Issue #20: every documented operation, fed malformed, oversized and boundary input by each kind of caller,
     * answers below 500, every 4xx an RFC 9457 problem with a {@code type} and no internals, and a request refused for
     * its input (400, 405, 406, 413, 415) changes no row of the service's tables. See {@link InputFuzz} for the inputs.
     */
    @Test
    void answersEveryMalformedInputOnEveryOperationWithA4xxProblemAndChangesNothing() throws Exception {
        Assumptions.assumeTrue(context instanceof WebApplicationContext, "servlet services; the gateway (WebFlux, Netty)"
                + " still answers some malformed paths and headers with bare 400/414 or a 500: open, see docs/errors.md");
        HttpResponse<String> apiDocs = get("/v3/api-docs");
        assertThat(apiDocs.statusCode()).isEqualTo(200);
        DataSize bodyLimit = context.getEnvironment().getProperty("boxoffice.http.max-request-body", DataSize.class,
                DataSize.ofKilobytes(256));
        SoftAssertions softly = new SoftAssertions();

        int requests = new InputFuzz(JSON.readTree(apiDocs.body()), uri(""), fuzzCallers(), bodyLimit.toBytes(),
                dataFingerprint()).run(softly);

        softly.assertThat(requests).as("requests sent").isPositive();
        softly.assertAll();
    }

    /**
     * The callers the fuzz sends each input as, least privileged first; admin paths are fuzzed as the last, others
     * as the first. A service that trusts only its own keys (user-service) obtains its tokens from itself.
     */
    protected List<InputFuzz.Caller> fuzzCallers() throws Exception {
        return List.of(new InputFuzz.Caller("buyer", TestTokens.buyer()),
                new InputFuzz.Caller("organizer", TestTokens.organizer(UUID.randomUUID())),
                new InputFuzz.Caller("admin", TestTokens.admin()));
    }

    /**
     * Tables that the service's background work writes whatever the requests do (schedulers, relays): left out of
     * the no-data-changed check. The platform's outbox, inbox, idempotency records and migration histories always are.
     */
    protected Set<String> tablesWrittenInTheBackground() {
        return Set.of();
    }

    /** Changes whenever a row of the service's tables does; null for a service without a database. */
    private @Nullable Supplier<String> dataFingerprint() {
        if (schema == null || !hasBean("javax.sql.DataSource")) {
            return null;
        }
        return DataFingerprint.of(context.getBean(DataSource.class), schema, tablesWrittenInTheBackground());
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
