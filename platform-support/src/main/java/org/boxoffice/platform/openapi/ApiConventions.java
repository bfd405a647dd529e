package org.boxoffice.platform.openapi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.boxoffice.platform.problem.ProblemType;
import org.boxoffice.platform.security.PublicPath;
import org.boxoffice.platform.security.Role;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.util.AntPathMatcher;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;

/**
 * The conventions every Boxoffice API document states the same way, so that controllers only say what is their own
 * (summary, description, the success status, errors of their domain):
 *
 * <ul>
 *   <li>security: the {@code bearerAuth} scheme on every operation the security configuration does not leave open
 *   (the platform's {@link PublicPath#PLATFORM} and the service's {@code boxoffice.security.public-paths}), an empty
 *   requirement on the open ones, and the roles needed ({@code x-roles}, also said in the description);</li>
 *   <li>errors: the RFC 9457 {@code Problem} schema and the problem responses each operation can really return
 *   ({@code application/problem+json}): on every operation 400 (a parameter or header refused), 406 (an
 *   {@code Accept} without JSON), 414 and 431 (a URI or headers too large to read) and 503 (the service sheds load);
 *   401 wherever the service reads tokens (on an open operation, for a token sent that is not valid), 403 where
 *   secured by role, 404 with a path id, 409/422 for the {@code Idempotency-Key} contract, 413/415 with a body, 429
 *   where the gateway's rate limits apply (what it routes: all but the platform's own endpoints); an error response
 *   a controller declares itself (a 404 for an id in the body, a 409 naming its problem types) gets the same
 *   schema;</li>
 *   <li>the {@code Idempotency-Key} header on the POSTs the idempotency filter accepts;</li>
 *   <li>{@code Location} on every 201, {@code ETag} and {@code If-None-Match} where an operation declares a 304;</li>
 *   <li>the limits of the {@code page} and {@code size} parameters of paginated lists.</li>
 * </ul>
 */
public class ApiConventions implements GlobalOpenApiCustomizer {

    public static final String BEARER_AUTH = "bearerAuth";
    /** Extension listing the roles that may call an operation; absent on open operations. */
    public static final String ROLES_EXTENSION = "x-roles";
    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String ADMIN_API = "/api/v1/admin/**";

    private static final String PROBLEM = "Problem";
    private static final String FIELD_VIOLATION = "FieldViolation";
    private static final String IDEMPOTENCY_PARAMETER = "IdempotencyKey";
    private static final List<Role> EVERY_ROLE = List.of(Role.BUYER, Role.ORGANIZER, Role.ADMIN);
    private static final List<Role> ADMIN_ROLES = List.of(Role.ORGANIZER, Role.ADMIN);

    /** The problem responses, by status: component name, description (the problem types), extra header. */
    private enum ProblemResponse {
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
    }

    private final AntPathMatcher paths = new AntPathMatcher();
    private final Supplier<@Nullable List<PublicPath>> publicPaths;
    private final Supplier<@Nullable List<String>> idempotencyExcludedPaths;
    private final boolean rateLimited;

    /**
     * @param publicPaths              the service's open endpoints beside the platform's, or null when the service
     *                                 checks no tokens at all
     * @param idempotencyExcludedPaths where the idempotency filter ignores the header, or null without the filter
     * @param rateLimited              whether the gateway's rate limits apply to the service's {@code /api} operations
     */
    public ApiConventions(Supplier<@Nullable List<PublicPath>> publicPaths,
            Supplier<@Nullable List<String>> idempotencyExcludedPaths, boolean rateLimited) {
        this.publicPaths = publicPaths;
        this.idempotencyExcludedPaths = idempotencyExcludedPaths;
        this.rateLimited = rateLimited;
    }

    @Override
    public void customise(OpenAPI openApi) {
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        openApi.setComponents(components);
        List<PublicPath> open = publicPaths.get();
        List<String> idempotencyExcluded = idempotencyExcludedPaths.get();
        Set<String> usedResponses = new java.util.TreeSet<>();
        boolean secured = false;
        boolean idempotent = false;
        if (openApi.getPaths() != null) {
            for (Map.Entry<String, PathItem> path : openApi.getPaths().entrySet()) {
                for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().readOperationsMap().entrySet()) {
                    Usage usage = document(path.getKey(), entry.getKey(), entry.getValue(), open, idempotencyExcluded,
                            usedResponses);
                    secured |= usage.secured;
                    idempotent |= usage.idempotent;
                }
            }
        }
        if (openApi.getTags() != null) {
            // springdoc collects the tags in no fixed order; sorted, the document diffs cleanly between builds.
            List<Tag> tags = new ArrayList<>(openApi.getTags());
            tags.sort(Comparator.comparing(Tag::getName));
            openApi.setTags(tags);
        }
        if (secured) {
            components.addSecuritySchemes(BEARER_AUTH, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme("bearer").bearerFormat("JWT")
                    .description("An access token from user-service's POST /api/v1/auth/login (docs/security.md)."));
        }
        if (idempotent) {
            components.addParameters(IDEMPOTENCY_PARAMETER, idempotencyKey(false));
        }
        if (openApi.getPaths() != null && !openApi.getPaths().isEmpty()) {
            components.addSchemas(FIELD_VIOLATION, fieldViolation());
            components.addSchemas(PROBLEM, problem());
            for (ProblemResponse response : ProblemResponse.values()) {
                if (usedResponses.contains(response.code)) {
                    components.addResponses(response.component, problemResponse(response));
                }
            }
        }
    }

    private record Usage(boolean secured, boolean idempotent) {
    }

    private Usage document(String path, PathItem.HttpMethod method, Operation operation,
            @Nullable List<PublicPath> open, @Nullable List<String> idempotencyExcluded, Set<String> usedResponses) {
        boolean secured = open != null && !isOpen(path, method, open);
        boolean idempotent = method == PathItem.HttpMethod.POST && idempotencyExcluded != null
                && path.startsWith("/api/") && idempotencyExcluded.stream().noneMatch(p -> paths.match(p, path));
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);

        if (secured) {
            operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER_AUTH)));
            List<String> roles = roles(operation, path);
            operation.addExtension(ROLES_EXTENSION, roles);
            operation.setDescription(join(operation.getDescription(), "Roles: " + String.join(", ", roles) + "."));
        } else {
            // Explicitly open: no token needed (one that is sent must still be valid: 401 otherwise).
            operation.setSecurity(new ArrayList<>());
            if (operation.getExtensions() != null) {
                operation.getExtensions().remove(ROLES_EXTENSION);
            }
        }
        if (idempotent) {
            addIdempotencyKey(operation);
        }
        conditional(operation, responses);
        paginated(operation);
        for (Map.Entry<String, ApiResponse> response : responses.entrySet()) {
            if (response.getKey().equals("201") && response.getValue().get$ref() == null) {
                addHeader(response.getValue(), "Location", "Where the created resource is.");
            }
        }

        boolean hasBody = operation.getRequestBody() != null;
        boolean scopedByRole = secured && (paths.match(ADMIN_API, path) || roles(operation, path).size() < 3);
        // Any request can carry a query parameter or header the service refuses, whatever the operation declares.
        addProblem(responses, ProblemResponse.BAD_REQUEST, true, usedResponses);
        addProblem(responses, ProblemResponse.UNAUTHORIZED, open != null && !isPlatform(path), usedResponses);
        addProblem(responses, ProblemResponse.FORBIDDEN, scopedByRole, usedResponses);
        addProblem(responses, ProblemResponse.NOT_FOUND, path.contains("{"), usedResponses);
        addProblem(responses, ProblemResponse.NOT_ACCEPTABLE, true, usedResponses);
        addProblem(responses, ProblemResponse.CONFLICT, idempotent, usedResponses);
        addProblem(responses, ProblemResponse.PAYLOAD_TOO_LARGE, hasBody, usedResponses);
        addProblem(responses, ProblemResponse.URI_TOO_LONG, true, usedResponses);
        addProblem(responses, ProblemResponse.UNSUPPORTED_MEDIA_TYPE, hasBody, usedResponses);
        addProblem(responses, ProblemResponse.UNPROCESSABLE, idempotent, usedResponses);
        addProblem(responses, ProblemResponse.TOO_MANY_REQUESTS, rateLimited && !isPlatform(path), usedResponses);
        addProblem(responses, ProblemResponse.HEADERS_TOO_LARGE, true, usedResponses);
        addProblem(responses, ProblemResponse.SERVICE_UNAVAILABLE, true, usedResponses);
        // Error responses a controller declared itself (a 409 naming its problem types) get the problem schema too.
        for (Map.Entry<String, ApiResponse> response : responses.entrySet()) {
            ApiResponse value = response.getValue();
            if (response.getKey().matches("[45]\\d\\d") && value.get$ref() == null) {
                value.setContent(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
            }
        }
        sortResponses(operation);
        return new Usage(secured, idempotent);
    }

    /** The platform's own endpoints (probes, API docs, event keys): open, and never routed by the gateway. */
    private boolean isPlatform(String path) {
        return PublicPath.PLATFORM.stream().anyMatch(pattern -> paths.match(pattern, path));
    }

    private boolean isOpen(String path, PathItem.HttpMethod method, List<PublicPath> open) {
        if (isPlatform(path)) {
            return true;
        }
        for (PublicPath candidate : open) {
            if ((candidate.method() == null || candidate.method().name().equals(method.name()))
                    && paths.match(candidate.pattern(), path)) {
                return true;
            }
        }
        return false;
    }

    /** The roles an operation narrowed itself to ({@link ApiRoles}), else what the security configuration allows. */
    @SuppressWarnings("unchecked")
    private List<String> roles(Operation operation, String path) {
        if (operation.getExtensions() != null && operation.getExtensions().get(ROLES_EXTENSION) instanceof List<?> list) {
            return (List<String>) list;
        }
        return (paths.match(ADMIN_API, path) ? ADMIN_ROLES : EVERY_ROLE).stream().map(Role::name).toList();
    }

    private static void addIdempotencyKey(Operation operation) {
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                if (("#/components/parameters/" + IDEMPOTENCY_PARAMETER).equals(parameter.get$ref())) {
                    return;
                }
                if (IDEMPOTENCY_KEY.equalsIgnoreCase(parameter.getName()) && "header".equals(parameter.getIn())) {
                    // Declared by the controller (required there, as for payments): keep it, describe it the same way.
                    Parameter described = idempotencyKey(Boolean.TRUE.equals(parameter.getRequired()));
                    parameter.description(described.getDescription()).schema(described.getSchema());
                    return;
                }
            }
        }
        operation.addParametersItem(new Parameter().$ref("#/components/parameters/" + IDEMPOTENCY_PARAMETER));
    }

    private static Parameter idempotencyKey(boolean required) {
        return new HeaderParameter().name(IDEMPOTENCY_KEY).required(required)
                .description("Makes the request safe to retry: a retry with the same key and the same request gets "
                        + "the first answer back (with `Idempotent-Replayed: true`) and changes nothing twice. 1 to 255 "
                        + "visible ASCII characters, such as a UUID; kept for 24 hours.")
                .schema(new StringSchema().minLength(1).maxLength(255).pattern("^[\\x21-\\x7E]+$"))
                .example("3f1c9a52-6a3e-4a8e-9d2a-1b7c0e5f4d21");
    }

    /** An operation that declares a 304 answers with an ETag, and 304 to a matching If-None-Match. */
    private static void conditional(Operation operation, ApiResponses responses) {
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
    private static void paginated(Operation operation) {
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

    private static void addHeader(ApiResponse response, String name, String description) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
            response.addHeaderObject(name, new Header().description(description).schema(new StringSchema()));
        }
    }

    private static void addProblem(ApiResponses responses, ProblemResponse problem, boolean applies,
            Set<String> used) {
        if (!applies) {
            return;
        }
        if (!responses.containsKey(problem.code)) {
            responses.addApiResponse(problem.code, new ApiResponse().$ref(problem.ref()));
        }
        used.add(problem.code);
    }

    private static void sortResponses(Operation operation) {
        Map<String, ApiResponse> sorted = new TreeMap<>(operation.getResponses());
        ApiResponses responses = new ApiResponses();
        sorted.forEach(responses::addApiResponse);
        if (operation.getResponses().getExtensions() != null) {
            responses.setExtensions(operation.getResponses().getExtensions());
        }
        operation.setResponses(responses);
    }

    private static ApiResponse problemResponse(ProblemResponse problem) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", problem.example.uri().toString());
        example.put("title", problem.example.title());
        example.put("status", problem.example.status());
        example.put("detail", switch (problem) {
            case BAD_REQUEST -> "quantity: must be greater than 0";
            case NOT_FOUND -> "No resource at /api/v1/holds/0b8f3d8e-3c1a-4f43-9a55-0d6f1c1e2a77.";
            default -> problem.example.title() + ".";
        });
        if (problem == ProblemResponse.BAD_REQUEST) {
            example.put("errors", List.of(Map.of("field", "quantity", "message", "must be greater than 0")));
        }
        example.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
        ApiResponse response = new ApiResponse().description(problem.description).content(new Content()
                .addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))
                        .example(example)));
        if (problem.header != null) {
            response.addHeaderObject(problem.header, new Header().schema(problem.header.equals("Retry-After")
                    ? new IntegerSchema().minimum(java.math.BigDecimal.ZERO) : new StringSchema())
                    .description(problem.header.equals("Retry-After") ? "Seconds to wait before retrying."
                            : "The bearer challenge (RFC 6750)."));
        }
        return response;
    }

    /** RFC 9457 members and the extension members Boxoffice's problems carry (docs/errors.md). */
    private static Schema<?> problem() {
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

    private static Schema<?> fieldViolation() {
        Schema<?> violation = new ObjectSchema().description("One offending field of a rejected request.")
                .addProperty("field", new StringSchema().description("JSON path of the field, such as seats[2].row."))
                .addProperty("message", new StringSchema().description("What is wrong with it."));
        violation.setRequired(List.of("field", "message"));
        return violation;
    }

    private static String join(@Nullable String description, String line) {
        if (description == null || description.isBlank()) {
            return line;
        }
        return description.contains(line) ? description : description + "\n\n" + line;
    }
}
