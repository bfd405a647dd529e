package org.boxoffice.gateway;

import java.util.concurrent.TimeoutException;

import org.boxoffice.platform.problem.ProblemType;
import org.boxoffice.platform.problem.Problems;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * Where a route's circuit breaker sends a call that failed or was not attempted (breaker open): 504 when the
 * service was too slow, 503 naming the service otherwise.
 */
@RestController
class FallbackController {

    @RequestMapping("/fallback/{service}")
    ResponseEntity<ProblemDetail> fallback(@PathVariable String service, ServerWebExchange exchange) {
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        ProblemDetail problem;
        if (GatewayProblemHandler.causedBy(cause, TimeoutException.class)) {
            problem = Problems.of(GatewayProblemHandler.UPSTREAM_TIMEOUT, service + " did not answer in time. Retry later.");
        } else {
            problem = Problems.of(ProblemType.SERVICE_UNAVAILABLE, service + " is unavailable. Retry later.");
            problem.setProperty("service", service);
        }
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
