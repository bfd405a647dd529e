package org.boxoffice.platform.testing;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.ResponseStatus;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a service promises about its OpenAPI document (part of {@link ServiceContract}): it is served, it is the
 * published contract, and it documents every operation's summary, id, success statuses and security as they are.
 */
public abstract class OpenApiContract extends OperationsContract {

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    /** @param schema the PostgreSQL schema the service owns, or null for a service without a database */
    protected OpenApiContract(String applicationName, @Nullable String schema) {
        super(applicationName, schema);
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

        HandlerRoutes.of(context).forEach((route, handler) -> {
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
            } else if (HandlerRoutes.choosesItsStatus(handler) && declared.isEmpty()) {
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

    private static void forEachOperation(JsonNode document, BiConsumer<JsonNode, String> action) {
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (HTTP_METHODS.contains(operation.getKey())) {
                    action.accept(operation.getValue(), operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        }
    }
}
