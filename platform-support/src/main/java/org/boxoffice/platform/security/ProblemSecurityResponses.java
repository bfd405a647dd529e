package org.boxoffice.platform.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.boxoffice.platform.problem.ProblemType;
import org.boxoffice.platform.problem.Problems;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 as RFC 9457 problems ({@code unauthenticated}, {@code forbidden}). The {@code WWW-Authenticate}
 * header is the one RFC 6750 prescribes, set by Spring Security's bearer-token handlers; only the body is ours.
 * A request the firewall refuses (a path with {@code ;}, {@code ..}, an encoded {@code %} or line break) is a 400
 * {@code bad-request} problem written here, not a bare status that the container fills in later.
 */
final class ProblemSecurityResponses implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    private final BearerTokenAuthenticationEntryPoint entryPoint = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler accessDenied = new BearerTokenAccessDeniedHandler();
    private final JsonMapper json;

    ProblemSecurityResponses(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        entryPoint.commence(request, response, exception);
        write(response, ProblemType.UNAUTHENTICATED, describe(exception));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException, ServletException {
        accessDenied.handle(request, response, exception);
        write(response, ProblemType.FORBIDDEN, "Your roles do not allow this request.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        // The firewall's message quotes the offending input: not echoed back.
        write(response, ProblemType.BAD_REQUEST, "The request path contains characters that are not accepted "
                + "(such as ';', '..', an encoded '%', '/' or line break).");
    }

    /** Says why a token was refused (expired, bad signature, wrong issuer) without echoing the token itself. */
    static String describe(AuthenticationException exception) {
        if (exception instanceof InvalidBearerTokenException invalid
                && invalid.getError() instanceof BearerTokenError error && error.getDescription() != null) {
            return "The bearer token was rejected: " + error.getDescription();
        }
        if (exception instanceof InvalidBearerTokenException) {
            return "The bearer token was rejected.";
        }
        return "A valid bearer token is required.";
    }

    private void write(HttpServletResponse response, ProblemType type, String detail) throws IOException {
        response.setStatus(type.status());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Problems.toJson(Problems.of(type, detail)));
    }
}
