package org.boxoffice.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.http.converter.HttpMessageNotReadableException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The details of the problems a client's malformed input gets from {@link ProblemDetailsExceptionHandler}: which
 * field or parameter was wrong and what it must be, in the API's terms ("an integer", "one of [A, B]"), never a
 * parser message or a Java class name.
 */
final class InputErrors {

    private static final Pattern UNDECODABLE_PARAMETER = Pattern.compile("Parameter \\[([A-Za-z0-9_.-]{1,64})\\]");

    private InputErrors() {
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
