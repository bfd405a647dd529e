package org.boxoffice.platform.openapi;

import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * The headers and parameters {@link ApiConventions} states the same way on every operation that has them: the
 * {@code Idempotency-Key}, {@code ETag}/{@code If-None-Match} with a 304, {@code Location}, the limits of
 * {@code page} and {@code size}; and the responses in status order.
 */
final class OperationDocs {

    /** The parameter component's name. */
    static final String IDEMPOTENCY_PARAMETER = "IdempotencyKey";

    private OperationDocs() {
    }

    static void addIdempotencyKey(Operation operation) {
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                if (("#/components/parameters/" + IDEMPOTENCY_PARAMETER).equals(parameter.get$ref())) {
                    return;
                }
                if (ApiConventions.IDEMPOTENCY_KEY.equalsIgnoreCase(parameter.getName()) && "header".equals(parameter.getIn())) {
                    // Declared by the controller (required there, as for payments): keep it, describe it the same way.
                    Parameter described = idempotencyKey(Boolean.TRUE.equals(parameter.getRequired()));
                    parameter.description(described.getDescription()).schema(described.getSchema());
                    return;
                }
            }
        }
        operation.addParametersItem(new Parameter().$ref("#/components/parameters/" + IDEMPOTENCY_PARAMETER));
    }

    static Parameter idempotencyKey(boolean required) {
        return new HeaderParameter().name(ApiConventions.IDEMPOTENCY_KEY).required(required)
                .description("Makes the request safe to retry: a retry with the same key and the same request gets "
                        + "the first answer back (with `Idempotent-Replayed: true`) and changes nothing twice. 1 to 255 "
                        + "visible ASCII characters, such as a UUID; kept for 24 hours.")
                .schema(new StringSchema().minLength(1).maxLength(255).pattern("^[\\x21-\\x7E]+$"))
                .example("3f1c9a52-6a3e-4a8e-9d2a-1b7c0e5f4d21");
    }

    /** An operation that declares a 304 answers with an ETag, and 304 to a matching If-None-Match. */
    static void conditional(Operation operation, ApiResponses responses) {
        ApiResponse notModified = responses.get("304");
        if (notModified == null) {
            return;
        }
        notModified.setContent(null);
        if (notModified.getDescription() == null || notModified.getDescription().isBlank()) {
            notModified.setDescription("Not modified: the `If-None-Match` ETag is still current.");
        }
        addHeader(notModified, "ETag", "The current entity tag.");
        ApiResponse ok = responses.get("200");
        if (ok != null) {
            addHeader(ok, "ETag", "Entity tag of this representation; send it back in `If-None-Match`.");
        }
        boolean declared = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> "If-None-Match".equalsIgnoreCase(p.getName()));
        if (!declared) {
            operation.addParametersItem(new HeaderParameter().name("If-None-Match").required(false)
                    .description("The ETag of a representation the client has: 304 without a body if it is current.")
                    .schema(new StringSchema()));
        }
    }

    /** Page and size of a paginated list, described from their limits. */
    static void paginated(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter parameter : operation.getParameters()) {
            if (!"query".equals(parameter.getIn()) || parameter.getDescription() != null || parameter.getSchema() == null) {
                continue;
            }
            Schema<?> schema = parameter.getSchema();
            if ("page".equals(parameter.getName())) {
                parameter.setDescription("Page number, from 0" + defaultOf(schema) + ".");
            } else if ("size".equals(parameter.getName())) {
                parameter.setDescription("Items per page" + (schema.getMinimum() != null && schema.getMaximum() != null
                        ? ", " + schema.getMinimum() + " to " + schema.getMaximum() : "") + defaultOf(schema) + ".");
            }
        }
    }

    private static String defaultOf(Schema<?> schema) {
        return schema.getDefault() == null ? "" : " (default " + schema.getDefault() + ")";
    }

    static void addHeader(ApiResponse response, String name, String description) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
            response.addHeaderObject(name, new Header().description(description).schema(new StringSchema()));
        }
    }

    static void sortResponses(Operation operation) {
        Map<String, ApiResponse> sorted = new TreeMap<>(operation.getResponses());
        ApiResponses responses = new ApiResponses();
        sorted.forEach(responses::addApiResponse);
        if (operation.getResponses().getExtensions() != null) {
            responses.setExtensions(operation.getResponses().getExtensions());
        }
        operation.setResponses(responses);
    }
}
