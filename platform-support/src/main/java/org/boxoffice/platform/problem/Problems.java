package org.boxoffice.platform.problem;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.MDC;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The one place a {@link ProblemDetail} is built, so that every service's errors carry the same members:
 * {@code type}, {@code title}, {@code status}, {@code detail}, and {@code traceId} to find the request in the logs.
 */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(ProblemType type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(type.status()), detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        String traceId = MDC.get("traceId");
        if (traceId != null && !traceId.isBlank()) {
            problem.setProperty("traceId", traceId);
        }
        return problem;
    }

    /**
     * The problem as the JSON members RFC 9457 defines, extensions flattened beside them: for code that writes a
     * response without Spring's message converters (servlet filters, the reactive gateway).
     */
    public static Map<String, Object> toJson(ProblemDetail problem) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", problem.getType().toString());
        json.put("title", problem.getTitle());
        json.put("status", problem.getStatus());
        json.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            json.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            json.putAll(problem.getProperties());
        }
        return json;
    }

    public static ProblemDetail of(ProblemException exception) {
        ProblemDetail problem = of(exception.type(), exception.detail());
        for (Map.Entry<String, Object> property : exception.properties().entrySet()) {
            problem.setProperty(property.getKey(), property.getValue());
        }
        return problem;
    }
}
