package org.boxoffice.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.boxoffice.platform.problem.DataRejected;
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
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

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
    private static final Pattern UNDECODABLE_PARAMETER = Pattern.compile("Parameter \\[([A-Za-z0-9_.-]{1,64})\\]");

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
        String parameter = undecodableParameter(ex);
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
        ProblemDetail body = Problems.of(ProblemType.MALFORMED_REQUEST, describeUnreadableBody(ex));
        return ResponseEntity.status(400).headers(headers).body(body);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName() : ex.getPropertyName();
        String expected = ex.getRequiredType() == null ? "a different type" : friendlyType(ex.getRequiredType());
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
        return ResponseEntity.status(statusCode).headers(headers).body(Problems.of(type, detail));
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

    /**
     * The name of a query parameter Tomcat could not decode ({@code %FF}), "" when it does not say which, or null when
     * {@code ex} is something else. Tomcat reports it only when the parameters are first read, as an unchecked
     * exception from deep inside argument resolution.
     */
    static @Nullable String undecodableParameter(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getName().equals("org.apache.tomcat.util.http.InvalidParameterException")) {
                Matcher name = UNDECODABLE_PARAMETER.matcher(String.valueOf(cause.getMessage()));
                return name.find() ? name.group(1) : "";
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
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

    /** Names the field and what was wrong with it, without echoing parser internals or Java class names. */
    static String describeUnreadableBody(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "Unknown field '" + path(unknown) + "'.";
        }
        if (cause instanceof InvalidFormatException invalid) {
            return "Field '" + path(invalid) + "' must be " + friendlyType(invalid.getTargetType())
                    + ", got '" + invalid.getValue() + "'.";
        }
        if (cause instanceof MismatchedInputException mismatched) {
            String field = path(mismatched);
            Class<?> target = mismatched.getTargetType();
            if (field.isEmpty()) {
                return "The request body must be a JSON object.";
            }
            return "Field '" + field + "' must be " + (target == null ? "of a different type" : friendlyType(target)) + ".";
        }
        if (cause instanceof InputCoercionException coercion) {
            String field = path(coercion);
            String type = coercion.getTargetType() == null ? "a number" : friendlyType(coercion.getTargetType());
            return (field.isEmpty() ? "A number" : "Field '" + field + "'") + " is out of range for " + type + ".";
        }
        if (cause instanceof StreamReadException) {
            return "The request body is not valid JSON.";
        }
        if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            return "Field '" + path(jackson) + "' has an invalid value.";
        }
        return "The request body is missing or unreadable.";
    }

    private static String path(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    static String friendlyType(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            List<String> names = new ArrayList<>();
            for (Object constant : constants) {
                names.add(((Enum<?>) constant).name());
            }
            return "one of " + names;
        }
        if (type.getPackageName().startsWith("java.time")) {
            return "an ISO-8601 " + type.getSimpleName().toLowerCase(Locale.ROOT).replace("offset", "offset ");
        }
        if (type == String.class) {
            return "a string";
        }
        if (Iterable.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
