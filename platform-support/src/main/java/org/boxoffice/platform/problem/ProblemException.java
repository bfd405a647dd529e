package org.boxoffice.platform.problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Base of every failure a service reports to its caller. Subclasses are named for the failure
 * ({@code SeatsUnavailable}, {@code HoldExpired}) and fix the {@link ProblemType}; the {@code detail} is a sentence
 * for a human, and {@code properties} carry machine-readable extras (the offending seat ids, the limit, ...).
 *
 * <p>Rendered as RFC 9457 {@code application/problem+json} by the web layer of each service.
 */
public abstract class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    protected ProblemException(ProblemType type, String detail) {
        super(detail, null, false, false);
        this.type = type;
    }

    protected ProblemException(ProblemType type, String detail, Throwable cause) {
        super(detail, cause, false, false);
        this.type = type;
    }

    public ProblemType type() {
        return type;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, Object> properties() {
        return Collections.unmodifiableMap(properties);
    }

    /** RFC 9457's own members: an extension member of the same name would overwrite them in the answer. */
    private static final java.util.Set<String> STANDARD_MEMBERS = java.util.Set.of("type", "title", "status", "detail",
            "instance");

    /** Adds a machine-readable extension member to the problem; returns this for chaining in constructors. */
    protected ProblemException with(String name, Object value) {
        if (STANDARD_MEMBERS.contains(name)) {
            throw new IllegalArgumentException("'" + name + "' is an RFC 9457 member of every problem, not an "
                    + "extension: name the extension member otherwise (e.g. currentStatus)");
        }
        properties.put(name, value);
        return this;
    }
}
