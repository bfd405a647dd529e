package org.boxoffice.gateway.waitingroom;

import java.util.List;
import java.util.Map;

import org.boxoffice.platform.problem.FieldViolation;
import org.boxoffice.platform.problem.ProblemException;
import org.boxoffice.platform.problem.ProblemType;
import org.boxoffice.platform.problem.Problems;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.bind.annotation.PathVariable;
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

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<Map<String, Object>> malformed(ServerWebInputException exception) {
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
        ProblemDetail problem = Problems.of(ProblemType.INVALID_PARAMETER,
                parameter.getParameterName() + ": must not be blank");
        problem.setProperty("errors", List.of(new FieldViolation(String.valueOf(parameter.getParameterName()),
                "must not be blank")));
        return render(problem);
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
