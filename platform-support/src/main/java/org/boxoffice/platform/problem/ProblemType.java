package org.boxoffice.platform.problem;

import java.net.URI;

/**
 * A stable RFC 9457 problem type: the URI clients switch on, its default title and HTTP status.
 *
 * <p>Services declare their own types (for example {@code seats-unavailable}); the generic ones every service
 * answers with are the constants here. A type's slug never changes once released.
 */
public record ProblemType(String slug, String title, int status) {

    /** Base of every problem type URI. Documented under docs/errors.md. */
    public static final String BASE = "https://boxoffice.dev/problems/";

    public static final ProblemType VALIDATION_FAILED = new ProblemType("validation-failed", "Request validation failed", 400);
    public static final ProblemType MALFORMED_REQUEST = new ProblemType("malformed-request", "Malformed request body", 400);
    /** The request line, a header or the URI is malformed or too large: refused before any controller saw it. */
    public static final ProblemType BAD_REQUEST = new ProblemType("bad-request", "Bad request", 400);
    public static final ProblemType INVALID_PARAMETER = new ProblemType("invalid-parameter", "Invalid request parameter", 400);
    public static final ProblemType UNAUTHENTICATED = new ProblemType("unauthenticated", "Authentication required", 401);
    public static final ProblemType FORBIDDEN = new ProblemType("forbidden", "Not allowed", 403);
    public static final ProblemType NOT_FOUND = new ProblemType("not-found", "Resource not found", 404);
    public static final ProblemType METHOD_NOT_ALLOWED = new ProblemType("method-not-allowed", "Method not allowed", 405);
    public static final ProblemType NOT_ACCEPTABLE = new ProblemType("not-acceptable", "Response type not acceptable", 406);
    public static final ProblemType CONFLICT = new ProblemType("conflict", "Conflict", 409);
    public static final ProblemType CONCURRENT_UPDATE = new ProblemType("concurrent-update", "Changed concurrently", 409);
    public static final ProblemType PAYLOAD_TOO_LARGE = new ProblemType("payload-too-large", "Request body too large", 413);
    public static final ProblemType UNSUPPORTED_MEDIA_TYPE = new ProblemType("unsupported-media-type", "Unsupported media type", 415);
    public static final ProblemType UNPROCESSABLE = new ProblemType("unprocessable", "Request cannot be processed", 422);
    public static final ProblemType TOO_MANY_REQUESTS = new ProblemType("too-many-requests", "Too many requests", 429);
    public static final ProblemType INTERNAL_ERROR = new ProblemType("internal-error", "Internal error", 500);
    public static final ProblemType SERVICE_UNAVAILABLE = new ProblemType("service-unavailable", "Service unavailable", 503);

    public ProblemType {
        if (!slug.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("problem type slug must be kebab-case: " + slug);
        }
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("problem status must be 4xx or 5xx: " + status);
        }
    }

    public URI uri() {
        return URI.create(BASE + slug);
    }

    /** The generic type for a status that has no more specific one. */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> MALFORMED_REQUEST;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 422 -> UNPROCESSABLE;
            case 429 -> TOO_MANY_REQUESTS;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> status >= 500 ? INTERNAL_ERROR : new ProblemType("http-" + status, "HTTP " + status, status);
        };
    }
}
