package org.boxoffice.platform.problem;

/**
 * One offending field of a rejected request, as listed in the {@code errors} member of a
 * {@code validation-failed} problem. {@code field} is the JSON path the client sent ({@code seats[2].row}).
 */
public record FieldViolation(String field, String message) {
}
