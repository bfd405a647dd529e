package org.boxoffice.platform.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.boxoffice.platform.problem.ProblemType;
import org.boxoffice.platform.problem.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Checks the {@code Accept} header before anything runs:
 * <ul>
 *   <li>not a media-type list ({@code garbage/;;;}, {@code q=abc}, an unknown charset): 400 {@code invalid-parameter}
 *   naming the header. Left to Spring MVC, such a header makes every answer, the error's too, unwritable: the client
 *   got an empty 404 or 406 instead of a problem;</li>
 *   <li>a request that may change data (not GET, HEAD, OPTIONS) whose {@code Accept} admits no JSON: 406
 *   {@code not-acceptable}. Every write answers JSON; Spring MVC would find that out only when writing the answer,
 *   after the change was committed, and refuse a request it had carried out.</li>
 * </ul>
 */
public class AcceptHeaderFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final JsonMapper json;

    public AcceptHeaderFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Enumeration<String> accepts = request.getHeaders(HttpHeaders.ACCEPT);
        List<MediaType> accepted = new ArrayList<>();
        while (accepts != null && accepts.hasMoreElements()) {
            try {
                accepted.addAll(MediaType.parseMediaTypes(accepts.nextElement()));
            } catch (InvalidMediaTypeException e) {
                refuse(response, ProblemType.INVALID_PARAMETER,
                        "Header 'Accept' must be a list of media types, such as application/json.");
                return;
            }
        }
        if (!accepted.isEmpty() && !SAFE_METHODS.contains(request.getMethod()) && !admitsJson(accepted)) {
            refuse(response, ProblemType.NOT_ACCEPTABLE,
                    "This request answers application/json, which header 'Accept' does not admit; nothing was changed.");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean admitsJson(List<MediaType> accepted) {
        for (MediaType type : accepted) {
            if (type.getQualityValue() > 0 && (type.isCompatibleWith(MediaType.APPLICATION_JSON)
                    || type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON) || "json".equals(type.getSubtypeSuffix()))) {
                return true;
            }
        }
        return false;
    }

    private void refuse(HttpServletResponse response, ProblemType type, String detail) throws IOException {
        ProblemDetail problem = Problems.of(type, detail);
        problem.setProperty("parameter", HttpHeaders.ACCEPT);
        response.setStatus(type.status());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Problems.toJson(problem));
    }
}
