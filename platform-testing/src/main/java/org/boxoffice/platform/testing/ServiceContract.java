package org.boxoffice.platform.testing;

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
import org.springframework.util.unit.DataSize;
import org.springframework.web.context.WebApplicationContext;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What every Boxoffice service promises its operators and callers, checked over HTTP against the running service:
 * probes that reflect its data stores, its own migrated schema, Prometheus metrics ({@link OperationsContract}), an
 * OpenAPI document ({@link OpenApiContract}), and RFC 9457 problems for errors, no API without a valid bearer token,
 * and no 5xx for any client input on any documented operation ({@link InputFuzz}). Each service runs it through a
 * subclass annotated {@link IntegrationTest}.
 */
public abstract class ServiceContract extends OpenApiContract {

    /** @param schema the PostgreSQL schema the service owns, or null for a service without a database */
    protected ServiceContract(String applicationName, @Nullable String schema) {
        super(applicationName, schema);
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
}
