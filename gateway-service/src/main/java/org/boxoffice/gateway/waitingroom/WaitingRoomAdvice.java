package org.boxoffice.gateway.waitingroom;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.boxoffice.platform.problem.FieldViolation;
import org.boxoffice.platform.problem.ProblemException;
import org.boxoffice.platform.problem.ProblemType;
import org.boxoffice.platform.problem.Problems;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.server.ServerErrorException;
import org.springframework.web.server.ServerWebInputException;

/** The waiting room endpoints' failures as RFC 9457 problems, with {@code Retry-After} where the problem has one. */
@RestControllerAdvice(basePackageClasses = WaitingRoomAdvice.class)
class WaitingRoomAdvice {

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Map<String, Object>> problem(ProblemException exception) {
        return render(Problems.of(exception));
    }

    @ExceptionHandler(WebExchangeBindException.class)
    ResponseEntity<Map<String, Object>> invalid(WebExchangeBindException exception) {
        List<FieldViolation> errors = exception.getFieldErrors().stream()
                .map(error -> new FieldViolation(error.getField(), String.valueOf(error.getDefaultMessage()))).toList();
        ProblemDetail problem = Problems.of(ProblemType.VALIDATION_FAILED, errors.stream()
                .map(error -> error.field() + ": " + error.message()).reduce((a, b) -> a + "; " + b)
                .orElse("The request is not valid."));
        problem.setProperty("errors", errors);
        return render(problem);
    }

    /**
     * A path variable, query parameter or header that does not convert to its type ({@code not-a-uuid} for an event
     * id) is an {@code invalid-parameter} naming it, as in the servlet services; a body that cannot be read is a
     * {@code malformed-request}.
     */
    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<Map<String, Object>> malformed(ServerWebInputException exception) {
        MethodParameter parameter = exception.getMethodParameter();
        String name = parameter == null || parameter.hasParameterAnnotation(RequestBody.class) ? null
                : parameter.getParameterName();
        if (name != null) {
            String detail = exception.getCause() instanceof TypeMismatchException mismatch
                    ? "Parameter '" + name + "' must be " + expected(mismatch.getRequiredType()) + ", got '"
                            + shorten(String.valueOf(mismatch.getValue())) + "'."
                    : "Parameter '" + name + "' is missing or not valid.";
            return render(invalidParameter(name, detail));
        }
        return render(Problems.of(ProblemType.MALFORMED_REQUEST, exception.getReason() == null
                ? "The request could not be read." : exception.getReason()));
    }

    /**
     * A path variable that converts to nothing ({@code %20} for an event id: a blank UUID is null): WebFlux calls it
     * a missing path variable, a server error, but the client sent it. Any other server error stays one.
     */
    @ExceptionHandler(ServerErrorException.class)
    ResponseEntity<Map<String, Object>> blankPathVariable(ServerErrorException exception) {
        MethodParameter parameter = exception.getMethodParameter();
        if (parameter == null || !parameter.hasParameterAnnotation(PathVariable.class)) {
            throw exception;
        }
        String name = String.valueOf(parameter.getParameterName());
        ProblemDetail problem = invalidParameter(name, name + ": must not be blank");
        problem.setProperty("errors", List.of(new FieldViolation(name, "must not be blank")));
        return render(problem);
    }

    private static ProblemDetail invalidParameter(String name, String detail) {
        ProblemDetail problem = Problems.of(ProblemType.INVALID_PARAMETER, detail);
        problem.setProperty("parameter", name);
        return problem;
    }

    private static String expected(@Nullable Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        return type == UUID.class ? "a UUID" : Number.class.isAssignableFrom(type) || type.isPrimitive()
                ? "a number" : "a valid " + type.getSimpleName();
    }

    /** The value as sent, cut to 100 characters: a detail names the input, it does not echo 10 kB of it. */
    private static String shorten(String value) {
        return value.length() <= 100 ? value : value.substring(0, 100) + "…";
    }

    private static ResponseEntity<Map<String, Object>> render(ProblemDetail problem) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (problem.getProperties() != null && problem.getProperties().get("retryAfterSeconds") instanceof Number seconds) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds.longValue()));
        }
        return response.body(Problems.toJson(problem));
    }
}
