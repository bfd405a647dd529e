package org.boxoffice.platform.testing;

import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.assertj.core.api.SoftAssertions;
import org.boxoffice.platform.data.SqlByDesign;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.method.HandlerMethod;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;

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
@SqlByDesign("Reads the catalog to prove a service migrates its own schema and no other")
public abstract class ServiceContract {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

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

    /**
     * The document served, also written pretty-printed to {@code target/openapi/<applicationName>.json} for the linter
     * ({@code .ci/lint-openapi}) and the client build.
     */
    @Test
    void publishesItsOpenApiDocument() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode document = JSON.readTree(response.body());
        Path exported = Path.of("target", "openapi", applicationName + ".json");
        Files.createDirectories(exported.getParent());
        Files.writeString(exported, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document) + "\n");
        assertThat(document.path("openapi").asString()).startsWith("3.");
        assertThat(document.path("info").path("title").asString()).contains(applicationName);
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

    /**
     * Every operation has a summary and a stable, unique operationId (springdoc's "_1" suffixes change with the
     * order controllers are scanned); no error page or actuator endpoint is listed.
     */
    @Test
    void documentsEveryOperationWithASummaryAndAStableId() throws Exception {
        JsonNode document = JSON.readTree(get("/v3/api-docs").body());
        Set<String> ids = new HashSet<>();
        List<String> wrong = new ArrayList<>();

        assertThat(document.path("paths").propertyNames()).as("documented paths").isNotEmpty()
                .noneMatch(path -> path.equals("/error") || path.startsWith("/actuator"));
        forEachOperation(document, (operation, name) -> {
            if (operation.path("summary").asString("").isBlank()) {
                wrong.add(name + ": no summary");
            }
            String id = operation.path("operationId").asString("");
            if (id.isBlank() || id.matches(".*_\\d+") || !ids.add(id)) {
                wrong.add(name + ": operationId '" + id + "' is missing, generated or not unique");
            }
        });
        assertThat(wrong).isEmpty();
    }

    /**
     * The success statuses are documented: a handler with {@code @ResponseStatus} documents that status, and one that
     * picks its status in code ({@code ResponseEntity}: 201, 202, 204) declares it with {@code @ApiResponse}; a
     * handler that does neither answers 200 and documents 200.
     */
    @Test
    void documentsTheSuccessStatusOfEveryHandler() throws Exception {
        JsonNode document = JSON.readTree(get("/v3/api-docs").body());
        List<String> wrong = new ArrayList<>();

        handlers().forEach((route, handler) -> {
            JsonNode operation = document.path("paths").path(route.path()).path(route.method());
            if (operation.isMissingNode()) {
                return;
            }
            Set<String> documented = new TreeSet<>();
            operation.path("responses").propertyNames().stream().filter(code -> code.matches("[23]\\d\\d"))
                    .forEach(documented::add);
            ResponseStatus fixed = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), ResponseStatus.class);
            Set<String> declared = new TreeSet<>();
            for (ApiResponse declaration : AnnotatedElementUtils.findMergedRepeatableAnnotations(handler.getMethod(),
                    ApiResponse.class, ApiResponses.class)) {
                if (declaration.responseCode().matches("[23]\\d\\d")) {
                    declared.add(declaration.responseCode());
                }
            }
            String name = route.method().toUpperCase(Locale.ROOT) + " " + route.path();
            if (fixed != null) {
                declared.add(Integer.toString(fixed.code().value()));
            } else if (choosesItsStatus(handler) && declared.isEmpty()) {
                wrong.add(name + ": returns a ResponseEntity but declares no success @ApiResponse");
            } else if (declared.isEmpty()) {
                declared.add("200");
            }
            if (!documented.containsAll(declared)) {
                wrong.add(name + ": documents " + documented + ", answers " + declared);
            }
        });
        assertThat(wrong).isEmpty();
    }

    /**
     * The document says which operations need a bearer token, and it is what the service does: each operation called
     * without a token (and without a body, so that nothing can change) answers 401 exactly when the document
     * requires {@code bearerAuth}.
     */
    @Test
    void documentsWhichOperationsNeedABearerToken() throws Exception {
        JsonNode document = JSON.readTree(get("/v3/api-docs").body());
        List<String> wrong = new ArrayList<>();
        List<Map.Entry<String, JsonNode>> operations = new ArrayList<>();
        forEachOperation(document, (operation, name) -> operations.add(Map.entry(name, operation)));

        for (Map.Entry<String, JsonNode> entry : operations) {
            String[] methodAndPath = entry.getKey().split(" ", 2);
            String path = methodAndPath[1].replaceAll("\\{[^}]+}", "00000000-0000-4000-8000-000000000000");
            HttpResponse<String> answer = send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                    .method(methodAndPath[0], HttpRequest.BodyPublishers.noBody()).build());
            boolean documented = false;
            for (JsonNode requirement : entry.getValue().path("security")) {
                documented |= requirement.has("bearerAuth");
            }
            if ((answer.statusCode() == 401) != documented) {
                wrong.add(entry.getKey() + ": answers " + answer.statusCode() + " without a token, documented "
                        + (documented ? "secured" : "open"));
            }
        }
        assertThat(wrong).isEmpty();
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
    @MalformedTrafficOnPurpose
    void answersEveryMalformedInputOnEveryOperationWithA4xxProblemAndChangesNothing() throws Exception {
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

    /**
     * Changes whenever a row of the service's tables does; null for a service without a database. A service that keeps
     * its state elsewhere (the gateway, in Redis) overrides it.
     */
    protected @Nullable Supplier<String> dataFingerprint() {
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

    /**
     * The JWKS is fetched through the service's observed client (Boot's builders), as every call between services:
     * a token under a key id the service has not seen makes it fetch the keys again, inside the request that needs
     * them, so the fetch carries that request's trace.
     */
    @Test
    void fetchesTheJwksInTheTraceOfTheRequestThatNeedsIt() throws Exception {
        assumeTrue(verifiesTokensWithTheJwks(), "the service verifies tokens with keys of its own");
        String traceId = "5be0a3f6c9d84e1f8a2b3c4d5e6f7a8b";
        int before = TestJwks.get().fetches().size();

        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/no-such-resource"))
                .header("Authorization", "Bearer " + TestTokens.token().unpublishedKeyId("rotated-" + UUID.randomUUID())
                        .sign())
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").GET().build());

        assertThat(response.statusCode()).as("a key the JWKS does not list").isEqualTo(401);
        List<String> fetches = TestJwks.get().fetches();
        assertThat(fetches.subList(before, fetches.size()))
                .as("the JWKS fetched again, by the observed client, in the trace of the request")
                .anySatisfy(traceparent -> assertThat(traceparent).startsWith("00-" + traceId + "-"));
    }

    /** Whether the service verifies tokens with the JWKS of {@link TestJwks}; not user-service, which signs them. */
    protected boolean verifiesTokensWithTheJwks() {
        return true;
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


    private static void forEachOperation(JsonNode document, java.util.function.BiConsumer<JsonNode, String> action) {
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (HTTP_METHODS.contains(operation.getKey())) {
                    action.accept(operation.getValue(), operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        }
    }

    private record Route(String method, String path) {
    }

    /** The service's controller methods by method and path pattern, from the servlet or the reactive handler mapping. */
    private Map<Route, HandlerMethod> handlers() {
        Map<Route, HandlerMethod> routes = new LinkedHashMap<>();
        Object mapping = context.getBean("requestMappingHandlerMapping");
        Map<?, ?> methods = (Map<?, ?>) invoke(mapping, "getHandlerMethods");
        methods.forEach((info, handler) -> {
            Object patterns = hasMethod(info, "getPatternValues") ? invoke(info, "getPatternValues")
                    : invoke(invoke(info, "getPatternsCondition"), "getPatterns");
            Set<?> verbs = (Set<?>) invoke(invoke(info, "getMethodsCondition"), "getMethods");
            for (Object pattern : (Set<?>) patterns) {
                for (Object verb : verbs) {
                    routes.put(new Route(verb.toString().toLowerCase(Locale.ROOT), pattern.toString()),
                            (HandlerMethod) handler);
                }
            }
        });
        return routes;
    }

    private static boolean hasMethod(Object target, String method) {
        return Arrays.stream(target.getClass().getMethods()).anyMatch(candidate -> candidate.getName().equals(method));
    }

    private static Object invoke(Object target, String method) {
        try {
            Method getter = target.getClass().getMethod(method);
            getter.setAccessible(true);
            return getter.invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(target.getClass() + " has no " + method, e);
        }
    }

    /** A handler that builds its own ResponseEntity decides the status in code, so it must declare it. */
    private static boolean choosesItsStatus(HandlerMethod handler) {
        ResolvableType type = ResolvableType.forMethodReturnType(handler.getMethod());
        if (type.getRawClass() != null && type.getRawClass().getName().equals("reactor.core.publisher.Mono")) {
            type = type.getGeneric(0);
        }
        return type.getRawClass() != null && ResponseEntity.class.isAssignableFrom(type.getRawClass());
    }

    private boolean hasBean(String typeName) {
        if (!ClassUtils.isPresent(typeName, getClass().getClassLoader())) {
            return false;
        }
        return context.getBeanNamesForType(ClassUtils.resolveClassName(typeName, getClass().getClassLoader())).length > 0;
    }
}
