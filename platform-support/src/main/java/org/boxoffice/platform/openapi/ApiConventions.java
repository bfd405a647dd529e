package org.boxoffice.platform.openapi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.boxoffice.platform.security.PublicPath;
import org.boxoffice.platform.security.Role;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.util.AntPathMatcher;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
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

    private static final List<Role> EVERY_ROLE = List.of(Role.BUYER, Role.ORGANIZER, Role.ADMIN);
    private static final List<Role> ADMIN_ROLES = List.of(Role.ORGANIZER, Role.ADMIN);

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
            components.addParameters(OperationDocs.IDEMPOTENCY_PARAMETER, OperationDocs.idempotencyKey(false));
        }
        if (openApi.getPaths() != null && !openApi.getPaths().isEmpty()) {
            components.addSchemas(ProblemResponse.FIELD_VIOLATION, ProblemResponse.fieldViolationSchema());
            components.addSchemas(ProblemResponse.PROBLEM, ProblemResponse.problemSchema());
            for (ProblemResponse response : ProblemResponse.values()) {
                if (usedResponses.contains(response.code)) {
                    components.addResponses(response.component, response.response());
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
            OperationDocs.addIdempotencyKey(operation);
        }
        OperationDocs.conditional(operation, responses);
        OperationDocs.paginated(operation);
        for (Map.Entry<String, ApiResponse> response : responses.entrySet()) {
            if (response.getKey().equals("201") && response.getValue().get$ref() == null) {
                OperationDocs.addHeader(response.getValue(), "Location", "Where the created resource is.");
            }
        }

        boolean hasBody = operation.getRequestBody() != null;
        boolean scopedByRole = secured && (paths.match(ADMIN_API, path) || roles(operation, path).size() < 3);
        // Any request can carry a query parameter or header the service refuses, whatever the operation declares.
        ProblemResponse.BAD_REQUEST.addTo(responses, true, usedResponses);
        ProblemResponse.UNAUTHORIZED.addTo(responses, open != null && !isPlatform(path), usedResponses);
        ProblemResponse.FORBIDDEN.addTo(responses, scopedByRole, usedResponses);
        ProblemResponse.NOT_FOUND.addTo(responses, path.contains("{"), usedResponses);
        ProblemResponse.NOT_ACCEPTABLE.addTo(responses, true, usedResponses);
        ProblemResponse.CONFLICT.addTo(responses, idempotent, usedResponses);
        ProblemResponse.PAYLOAD_TOO_LARGE.addTo(responses, hasBody, usedResponses);
        ProblemResponse.URI_TOO_LONG.addTo(responses, true, usedResponses);
        ProblemResponse.UNSUPPORTED_MEDIA_TYPE.addTo(responses, hasBody, usedResponses);
        ProblemResponse.UNPROCESSABLE.addTo(responses, idempotent, usedResponses);
        ProblemResponse.TOO_MANY_REQUESTS.addTo(responses, rateLimited && !isPlatform(path), usedResponses);
        ProblemResponse.HEADERS_TOO_LARGE.addTo(responses, true, usedResponses);
        ProblemResponse.SERVICE_UNAVAILABLE.addTo(responses, true, usedResponses);
        // Error responses a controller declared itself (a 409 naming its problem types) get the problem schema too.
        for (Map.Entry<String, ApiResponse> response : responses.entrySet()) {
            ApiResponse value = response.getValue();
            if (response.getKey().matches("[45]\\d\\d") && value.get$ref() == null) {
                value.setContent(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ProblemResponse.PROBLEM))));
            }
        }
        OperationDocs.sortResponses(operation);
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

    private static String join(@Nullable String description, String line) {
        if (description == null || description.isBlank()) {
            return line;
        }
        return description.contains(line) ? description : description + "\n\n" + line;
    }
}
