package org.boxoffice.platform.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiTrafficTest {

    private static final String DOCUMENT = """
            { "openapi": "3.1.0", "info": { "title": "Boxoffice booking-service", "version": "1.0.0",
                "license": { "name": "Apache-2.0" } },
              "paths": { "/api/v1/holds": { "post": { "operationId": "createHold",
                "requestBody": { "required": true, "content": { "application/json": { "schema": {
                  "type": "object", "required": [ "eventId" ], "properties": { "eventId": { "type": "string" } } } } } },
                "responses": {
                  "201": { "description": "held", "content": { "application/json": { "schema": {
                    "type": "object", "required": [ "id" ], "properties": { "id": { "type": "string" } } } } } },
                  "400": { "description": "bad input", "content": { "application/problem+json": { "schema": {
                    "type": "object", "properties": { "type": { "type": "string" } } } } } } } } } } }
            """;

    private final ApiTraffic strict = new ApiTraffic(() -> DOCUMENT, "all", true);

    @Test
    void acceptsADocumentedAnswer() {
        strict.check(post("{\"eventId\":\"e1\"}", 201, "application/json", "{\"id\":\"h1\"}"));

        assertThat(strict.drainFailures()).isEmpty();
    }

    @Test
    void failsAnUndocumentedStatusCode() {
        strict.check(post("{\"eventId\":\"e1\"}", 409, "application/problem+json", "{\"type\":\"seats-unavailable\"}"));

        assertThat(strict.drainFailures()).extracting(ApiTraffic.Violation::key)
                .contains("validation.response.status.unknown");
    }

    @Test
    void failsABodyThatBreaksItsSchema() {
        strict.check(post("{\"eventId\":\"e1\"}", 201, "application/json", "{\"holdId\":\"h1\"}"));

        assertThat(strict.drainFailures()).extracting(ApiTraffic.Violation::key)
                .anyMatch(key -> key.startsWith("validation.response.body"));
    }

    @Test
    void acceptsTheRefusalOfAnInvalidRequest() {
        strict.check(post("{}", 400, "application/problem+json", "{\"type\":\"validation\"}"));

        assertThat(strict.drainFailures()).isEmpty();
    }

    @Test
    void failsTheAcceptanceOfARequestTheDocumentCallsInvalid() {
        strict.check(post("{}", 201, "application/json", "{\"id\":\"h1\"}"));

        assertThat(strict.drainFailures()).extracting(ApiTraffic.Violation::key)
                .anyMatch(key -> key.startsWith("validation.request.body"));
    }

    @Test
    void acceptsAnUnknownPathAnsweredNotFoundButNotOneThatAnswers() {
        strict.check(exchange("GET", "/api/v1/no-such-resource", null, 404, "application/problem+json", "{}"));
        assertThat(strict.drainFailures()).isEmpty();

        strict.check(exchange("GET", "/api/v1/undocumented", null, 200, "application/json", "{}"));
        assertThat(strict.drainFailures()).extracting(ApiTraffic.Violation::key)
                .containsExactly("validation.request.path.missing");
    }

    @Test
    void leavesPathsItDoesNotDocumentToWhoeverOwnsThem() {
        ApiTraffic gateway = new ApiTraffic(() -> DOCUMENT, "all", false);

        gateway.check(exchange("GET", "/api/v1/events", null, 200, "application/json", "[]"));

        assertThat(gateway.drainFailures()).isEmpty();
    }

    @Test
    void recordsButDoesNotFailWhatIsNotInTheFailingSet() {
        ApiTraffic lenient = new ApiTraffic(() -> DOCUMENT, "validation.response.body", true);

        lenient.check(post("{\"eventId\":\"e1\"}", 409, "application/problem+json", "{}"));

        assertThat(lenient.drainFailures()).isEmpty();
    }

    @Test
    void readsRepeatedAndEncodedQueryParameters() {
        assertThat(ApiTraffic.queryParameters("q=Demo%20Tour&size=100&tag=a&tag=b"))
                .isEqualTo(Map.of("q", List.of("Demo Tour"), "size", List.of("100"), "tag", List.of("a", "b")));
    }

    private static ApiTraffic.Exchange post(String body, int status, String contentType, String answer) {
        return exchange("POST", "/api/v1/holds", body, status, contentType, answer);
    }

    private static ApiTraffic.Exchange exchange(String method, String path, String body, int status,
            String contentType, String answer) {
        return new ApiTraffic.Exchange(method, path, null,
                body == null ? Map.of() : Map.of("Content-Type", List.of("application/json")),
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), status,
                Map.of("Content-Type", List.of(contentType)), answer.getBytes(StandardCharsets.UTF_8));
    }
}
