package org.boxoffice.platform.testing;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The servlet edge of {@link ApiTraffic}: a filter before every other one (so that load shedding, size limits,
 * authentication and idempotency answers are checked too) that hands each API exchange to the validator, which
 * reads the document the service serves at {@code /v3/api-docs} on first use.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ServletApiTraffic {

    private static final int MAX_BODY = 1 << 20;

    @Bean
    ApiTraffic apiTraffic(Environment environment) {
        return new ApiTraffic(() -> ApiTraffic.servedDocument(environment.getProperty("local.server.port")),
                environment.getProperty(ApiTraffic.FAIL_ON_PROPERTY, ApiTraffic.DEFAULT_FAIL_ON), true);
    }

    @Bean
    FilterRegistrationBean<ApiTrafficFilter> apiTrafficFilter(ApiTraffic traffic) {
        var registration = new FilterRegistrationBean<>(new ApiTrafficFilter(traffic));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    static final class ApiTrafficFilter extends OncePerRequestFilter {

        private final ApiTraffic traffic;

        ApiTrafficFilter(ApiTraffic traffic) {
            this.traffic = traffic;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !ApiTraffic.covers(request.getRequestURI());
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var cachedRequest = new ContentCachingRequestWrapper(request, MAX_BODY);
            var cachedResponse = new ContentCachingResponseWrapper(response);
            chain.doFilter(cachedRequest, cachedResponse);
            try {
                if (!cachedRequest.isAsyncStarted()) {
                    traffic.check(new ApiTraffic.Exchange(request.getMethod(), request.getRequestURI(),
                            request.getQueryString(), requestHeaders(request), cachedRequest.getContentAsByteArray(),
                            cachedResponse.getStatus(), responseHeaders(cachedResponse),
                            cachedResponse.getContentAsByteArray()));
                }
            } finally {
                cachedResponse.copyBodyToResponse();
            }
        }

        private static Map<String, List<String>> requestHeaders(HttpServletRequest request) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (String name : Collections.list(request.getHeaderNames())) {
                headers.put(name, Collections.list(request.getHeaders(name)));
            }
            return headers;
        }

        private static Map<String, List<String>> responseHeaders(HttpServletResponse response) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (String name : response.getHeaderNames()) {
                headers.put(name, List.copyOf(response.getHeaders(name)));
            }
            if (response.getContentType() != null) {
                headers.put("Content-Type", List.of(response.getContentType()));
            }
            return headers;
        }
    }
}
