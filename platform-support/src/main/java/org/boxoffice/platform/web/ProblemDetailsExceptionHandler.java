package org.boxoffice.platform.web;

import java.util.ArrayList;
import java.util.List;

import org.boxoffice.platform.problem.DataRejected;
import org.boxoffice.platform.problem.DataStoreUnavailable;
import org.boxoffice.platform.problem.FieldViolation;
import org.boxoffice.platform.problem.PayloadTooLarge;
import org.boxoffice.platform.problem.ProblemException;
import org.boxoffice.platform.problem.ProblemType;
import org.boxoffice.platform.problem.Problems;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;


/**
 * Turns every exception a controller lets escape into an RFC 9457 problem with a stable {@code type}: the service's
 * own {@link ProblemException}s, Spring MVC's framework exceptions (with a detail that names the offending field or
 * parameter), and, last, anything unexpected as a 500 that reveals nothing but a trace id.
 *
 * <p>Ordered last so that a service may add a more specific advice for its own exception types.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsExceptionHandler.class);
    private static final boolean BEAN_VALIDATION = org.springframework.util.ClassUtils.isPresent(
            "jakarta.validation.ConstraintViolationException", ProblemDetailsExceptionHandler.class.getClassLoader());

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Object> handleProblem(ProblemException ex, WebRequest request) {
        ProblemDetail body = Problems.of(ex);
        return ResponseEntity.status(body.getStatus()).body(body);
    }

    /**
     * Two writers met on one aggregate and this one read it first (its {@code @Version} no longer matches): nothing
     * was changed, and reading it again shows what the other wrote.
     */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> handleConcurrentUpdate(OptimisticLockingFailureException ex, WebRequest request) {
        ProblemDetail body = Problems.of(ProblemType.CONCURRENT_UPDATE,
                "Someone changed this at the same time; nothing was changed. Read it again and retry.");
        return ResponseEntity.status(409).body(body);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
        if (BEAN_VALIDATION && ex instanceof jakarta.validation.ConstraintViolationException violation) {
            return constraintsViolated(violation);
        }
        String parameter = InputErrors.undecodableParameter(ex);
        if (parameter != null) {
            ProblemDetail body = Problems.of(ProblemType.INVALID_PARAMETER, parameter.isEmpty()
                    ? "The query string is not valid percent-encoded UTF-8."
                    : "Parameter '" + parameter + "' is not valid percent-encoded UTF-8.");
            if (!parameter.isEmpty()) {
                body.setProperty("parameter", parameter);
            }
            return ResponseEntity.status(400).body(body);
        }
        DataRejected rejected = DataRejected.from(ex);
        if (rejected != null) {
            // A limit the request payload should declare (Bean Validation) and does not: worth a warning, not a 500.
            log.warn("The database refused a value on {}: {}", request.getDescription(false), rejected.detail(), ex);
            return handleProblem(rejected, request);
        }
        DataStoreUnavailable unavailable = DataStoreUnavailable.from(ex);
        if (unavailable != null) {
            log.warn("The database was unavailable during {}: {}", request.getDescription(false), ex.toString());
            ProblemDetail body = Problems.of(unavailable);
            return ResponseEntity.status(body.getStatus())
                    .header(HttpHeaders.RETRY_AFTER, Integer.toString(DataStoreUnavailable.RETRY_AFTER_SECONDS))
                    .body(body);
        }
        log.error("Unhandled error on {}", request.getDescription(false), ex);
        ProblemDetail body = Problems.of(ProblemType.INTERNAL_ERROR,
                "An unexpected error occurred. Quote the traceId when reporting it.");
        return ResponseEntity.status(500).body(body);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            violations.add(new FieldViolation(error.getField(), message(error)));
        }
        ex.getBindingResult().getGlobalErrors()
                .forEach(error -> violations.add(new FieldViolation(error.getObjectName(), message(error))));
        return validationFailed(violations, headers);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            String name = result.getMethodParameter().getParameterName();
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                String field = error instanceof FieldError fieldError ? name + "." + fieldError.getField() : name;
                violations.add(new FieldViolation(field == null ? "request" : field, message(error)));
            }
        }
        return validationFailed(violations, headers);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof PayloadTooLarge tooLarge) {
                return handleProblem(tooLarge, request);
            }
        }
        ProblemDetail body = Problems.of(ProblemType.MALFORMED_REQUEST, InputErrors.describeUnreadableBody(ex));
        return ResponseEntity.status(400).headers(headers).body(body);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName() : ex.getPropertyName();
        String expected = ex.getRequiredType() == null ? "a different type" : InputErrors.friendlyType(ex.getRequiredType());
        ProblemDetail body = Problems.of(ProblemType.INVALID_PARAMETER,
                "Parameter '" + name + "' must be " + expected + ", got '" + ex.getValue() + "'.");
        body.setProperty("parameter", name);
        return ResponseEntity.status(400).headers(headers).body(body);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = Problems.of(ProblemType.NOT_FOUND, "No resource at /" + ex.getResourcePath() + ".");
        return ResponseEntity.status(404).headers(headers).body(body);
    }

    /** Every other framework exception: keep Spring's status and detail, give it one of our stable types. */
    @Override
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
            HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ProblemType type = ex instanceof ServletRequestBindingException
                ? ProblemType.INVALID_PARAMETER
                : ProblemType.forStatus(statusCode.value());
        if (body == null && ex instanceof ErrorResponse errorResponse) {
            body = errorResponse.getBody();
        }
        String detail = body instanceof ProblemDetail problem && problem.getDetail() != null
                ? problem.getDetail()
                : type.title() + ".";
        ProblemDetail problem = Problems.of(type, detail);
        String missing = missingParameter(ex);
        if (missing != null) {
            problem.setProperty("parameter", missing);
        }
        return ResponseEntity.status(statusCode).headers(headers).body(problem);
    }

    /** The query parameter or header a request lacks, which {@code invalid-parameter} names (docs/errors.md). */
    private static @Nullable String missingParameter(Exception ex) {
        if (ex instanceof MissingServletRequestParameterException parameter) {
            return parameter.getParameterName();
        }
        if (ex instanceof MissingRequestHeaderException header) {
            return header.getHeaderName();
        }
        return null;
    }

    /**
     * A controller (or a bean it calls) validated by {@code @Validated} method validation rather than Spring MVC's
     * own: the same 400 {@code validation-failed}, each field named by its parameter path without the method name
     * ({@code list.size} is {@code size}).
     */
    private ResponseEntity<Object> constraintsViolated(jakarta.validation.ConstraintViolationException ex) {
        List<FieldViolation> violations = new ArrayList<>();
        for (jakarta.validation.ConstraintViolation<?> violation : ex.getConstraintViolations()) {
            String path = String.valueOf(violation.getPropertyPath());
            int dot = path.indexOf('.');
            violations.add(new FieldViolation(dot < 0 ? path : path.substring(dot + 1), violation.getMessage()));
        }
        return validationFailed(violations, new HttpHeaders());
    }

    private ResponseEntity<Object> validationFailed(List<FieldViolation> violations, HttpHeaders headers) {
        String summary = violations.stream()
                .map(v -> v.field() + ": " + v.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse("The request is invalid.");
        ProblemDetail body = Problems.of(ProblemType.VALIDATION_FAILED, summary);
        body.setProperty("errors", violations);
        return ResponseEntity.status(400).headers(headers).body(body);
    }

    private static String message(MessageSourceResolvable error) {
        String message = error.getDefaultMessage();
        return message == null ? "is invalid" : message;
    }
}
