package org.boxoffice.platform.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.boxoffice.platform.problem.ProblemType;
import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * The RFC 9457 problem responses {@link ApiConventions} documents, by status: the component's name, its description
 * (the problem types behind it), an example and an extra header; and the {@code Problem} and {@code FieldViolation}
 * schemas they share.
 */
enum ProblemResponse {
    BAD_REQUEST(400, "BadRequest", "The request is invalid: `validation-failed` (`errors` names each field), "
            + "`malformed-request` (body not JSON or a field of the wrong type), `invalid-parameter` (`parameter` "
            + "names the path or query parameter or header), `invalid-idempotency-key`, or `bad-request` (a "
            + "request line or header the server cannot read).", ProblemType.VALIDATION_FAILED, null),
    UNAUTHORIZED(401, "Unauthorized", "`unauthenticated`: no valid bearer token (`WWW-Authenticate` says why). "
            + "On an open operation only when a token is sent and is not valid.",
            ProblemType.UNAUTHENTICATED, "WWW-Authenticate"),
    FORBIDDEN(403, "Forbidden", "`forbidden`: the caller's role or organization does not allow it.",
            ProblemType.FORBIDDEN, null),
    NOT_FOUND(404, "NotFound", "`not-found`: no such resource, or one the caller may not see.",
            ProblemType.NOT_FOUND, null),
    NOT_ACCEPTABLE(406, "NotAcceptable", "`not-acceptable`: the `Accept` header admits neither "
            + "`application/json` nor `application/problem+json`.", ProblemType.NOT_ACCEPTABLE, null),
    CONFLICT(409, "Conflict", "`conflict` with the resource's current state, or `idempotent-request-in-progress`: "
            + "a request with the same `Idempotency-Key` is still running.", ProblemType.CONFLICT, null),
    PAYLOAD_TOO_LARGE(413, "PayloadTooLarge", "`payload-too-large`: the body exceeds `limitBytes`.",
            ProblemType.PAYLOAD_TOO_LARGE, null),
    URI_TOO_LONG(414, "UriTooLong", "`http-414`: the request URI is longer than the server reads.",
            ProblemType.forStatus(414), null),
    UNSUPPORTED_MEDIA_TYPE(415, "UnsupportedMediaType", "`unsupported-media-type`: the body is not JSON.",
            ProblemType.UNSUPPORTED_MEDIA_TYPE, null),
    UNPROCESSABLE(422, "Unprocessable", "`unprocessable`, or `idempotency-key-reused`: the key was used for a "
            + "different request.", ProblemType.UNPROCESSABLE, null),
    TOO_MANY_REQUESTS(429, "TooManyRequests", "`rate-limited`: over the gateway's request budget; retry after "
            + "`Retry-After` seconds.", ProblemType.TOO_MANY_REQUESTS, "Retry-After"),
    HEADERS_TOO_LARGE(431, "RequestHeaderFieldsTooLarge", "`http-431`: the request headers are larger than the "
            + "server reads.", ProblemType.forStatus(431), null),
    SERVICE_UNAVAILABLE(503, "ServiceUnavailable", "`service-busy` (the service sheds load; nothing was changed) "
            + "or `service-unavailable`; retry after `Retry-After` seconds.", ProblemType.SERVICE_UNAVAILABLE,
            "Retry-After");

    final String code;
    final String component;
    final String description;
    final ProblemType example;
    final @Nullable String header;

    ProblemResponse(int status, String component, String description, ProblemType example,
            @Nullable String header) {
        this.code = Integer.toString(status);
        this.component = component;
        this.description = description;
        this.example = example;
        this.header = header;
    }

    String ref() {
        return "#/components/responses/" + component;
    }

    /** The schema components' names. */
    static final String PROBLEM = "Problem";
    static final String FIELD_VIOLATION = "FieldViolation";

    /** Adds this response to an operation's, by reference, when it {@code applies}; records that it was used. */
    void addTo(ApiResponses responses, boolean applies, Set<String> used) {
        if (!applies) {
            return;
        }
        if (!responses.containsKey(code)) {
            responses.addApiResponse(code, new ApiResponse().$ref(ref()));
        }
        used.add(code);
    }

    /** The shared response component: its description, the problem schema, an example, and its header if any. */
    ApiResponse response() {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", this.example.uri().toString());
        example.put("title", this.example.title());
        example.put("status", this.example.status());
        example.put("detail", switch (this) {
            case BAD_REQUEST -> "quantity: must be greater than 0";
            case NOT_FOUND -> "No resource at /api/v1/holds/0b8f3d8e-3c1a-4f43-9a55-0d6f1c1e2a77.";
            default -> this.example.title() + ".";
        });
        if (this == BAD_REQUEST) {
            example.put("errors", List.of(Map.of("field", "quantity", "message", "must be greater than 0")));
        }
        example.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
        ApiResponse response = new ApiResponse().description(description).content(new Content()
                .addMediaType(ApiConventions.PROBLEM_JSON, new MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)).example(example)));
        if (header != null) {
            response.addHeaderObject(header, new Header().schema(header.equals("Retry-After")
                    ? new IntegerSchema().minimum(java.math.BigDecimal.ZERO) : new StringSchema())
                    .description(header.equals("Retry-After") ? "Seconds to wait before retrying."
                            : "The bearer challenge (RFC 6750)."));
        }
        return response;
    }

    /** RFC 9457 members and the extension members Boxoffice's problems carry (docs/errors.md). */
    static Schema<?> problemSchema() {
        Schema<?> problem = new ObjectSchema()
                .description("An RFC 9457 problem. Clients switch on `type`, which never changes once released; "
                        + "`detail` is for humans. Problem types may add members of their own (docs/errors.md).")
                .addProperty("type", new StringSchema().format("uri")
                        .description("The problem type, https://boxoffice.dev/problems/<slug>.")
                        .example("https://boxoffice.dev/problems/validation-failed"))
                .addProperty("title", new StringSchema().description("Short summary of the problem type."))
                .addProperty("status", new IntegerSchema().minimum(java.math.BigDecimal.valueOf(400))
                        .maximum(java.math.BigDecimal.valueOf(599)).description("The HTTP status code."))
                .addProperty("detail", new StringSchema().description("What went wrong in this occurrence."))
                .addProperty("instance", new StringSchema().format("uri-reference")
                        .description("The request path this occurrence relates to."))
                .addProperty("traceId", new StringSchema().description("Finds the request in logs and traces."))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/" + FIELD_VIOLATION))
                        .description("validation-failed: each offending field."))
                .addProperty("parameter", new StringSchema()
                        .description("invalid-parameter: the path or query parameter or header at fault."))
                .addProperty("header", new StringSchema().description("The request header at fault."))
                .addProperty("limitBytes", new IntegerSchema().format("int64")
                        .description("payload-too-large: the largest body accepted."))
                .addProperty("service", new StringSchema()
                        .description("service-busy, service-unavailable: the service concerned."))
                .addProperty("retryAfterSeconds", new IntegerSchema()
                        .description("service-busy and other retryable problems: as in `Retry-After`."));
        problem.setRequired(List.of("type", "title", "status"));
        problem.setAdditionalProperties(true);
        return problem;
    }

    static Schema<?> fieldViolationSchema() {
        Schema<?> violation = new ObjectSchema().description("One offending field of a rejected request.")
                .addProperty("field", new StringSchema().description("JSON path of the field, such as seats[2].row."))
                .addProperty("message", new StringSchema().description("What is wrong with it."));
        violation.setRequired(List.of("field", "message"));
        return violation;
    }
}
