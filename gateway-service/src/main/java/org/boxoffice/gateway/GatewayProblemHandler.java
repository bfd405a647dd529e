package org.boxoffice.gateway;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

import org.boxoffice.platform.problem.ProblemType;
import org.boxoffice.platform.problem.Problems;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Answers every error the gateway itself produces with an RFC 9457 problem: no route (404), a downstream service
 * that cannot be reached (503 naming the service), a downstream that does not answer in time (504), anything else
 * (500 without internals). Errors a service answered with pass through untouched.
 */
@Component
@Order(-2)
class GatewayProblemHandler implements ErrorWebExceptionHandler {

    static final ProblemType UPSTREAM_TIMEOUT = new ProblemType("upstream-timeout", "Service did not answer in time", 504);
    private static final Logger log = LoggerFactory.getLogger(GatewayProblemHandler.class);

    private final ProblemWriter problems;

    GatewayProblemHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        return problems.write(exchange, toProblem(exchange, error));
    }

    private ProblemDetail toProblem(ServerWebExchange exchange, Throwable error) {
        String service = routeId(exchange);
        if (error instanceof ResponseStatusException status) {
            int code = status.getStatusCode().value();
            if (code == 404) {
                return Problems.of(ProblemType.NOT_FOUND, "No Boxoffice API serves " + exchange.getRequest().getPath() + ".");
            }
            if (code == 504) {
                return Problems.of(UPSTREAM_TIMEOUT,
                        service + " did not answer in time. Retry later.");
            }
            ProblemType type = ProblemType.forStatus(code);
            return Problems.of(type, status.getReason() == null ? type.title() + "." : status.getReason());
        }
        if (causedBy(error, ConnectException.class) || causedBy(error, UnknownHostException.class)) {
            ProblemDetail problem = Problems.of(ProblemType.SERVICE_UNAVAILABLE, service + " is unavailable. Retry later.");
            problem.setProperty("service", service);
            return problem;
        }
        if (causedBy(error, TimeoutException.class)) {
            return Problems.of(UPSTREAM_TIMEOUT,
                    service + " did not answer in time. Retry later.");
        }
        log.error("Unhandled gateway error on {}", exchange.getRequest().getPath(), error);
        return Problems.of(ProblemType.INTERNAL_ERROR, "An unexpected error occurred in the gateway.");
    }

    private static String routeId(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return route == null ? "The service" : route.getId();
    }

    static boolean causedBy(@Nullable Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
