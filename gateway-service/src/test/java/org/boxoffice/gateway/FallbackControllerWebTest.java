package org.boxoffice.gateway;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The route breakers' fallback, bound alone (no gateway context): what the buyer reads when a service is down or slow.
 */
class FallbackControllerWebTest {

    @Test
    void aServiceThatDidNotAnswerInTimeIsA504UpstreamTimeoutNamingIt() {
        client(new TimeoutException("5s")).get().uri("/fallback/booking-service").exchange()
                .expectStatus().isEqualTo(504)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").value(type -> assertThat((String) type)
                        .endsWith("/upstream-timeout"))
                .jsonPath("$.status").isEqualTo(504)
                .jsonPath("$.detail").isEqualTo("booking-service did not answer in time. Retry later.");
    }

    @Test
    void aServiceThatFailedOrWhoseBreakerIsOpenIsA503NamingTheService() {
        for (Throwable cause : new Throwable[] { new IOException("connection refused"), null }) {
            client(cause).post().uri("/fallback/payment-service").exchange()
                    .expectStatus().isEqualTo(503)
                    .expectBody()
                    .jsonPath("$.type").value(type -> assertThat((String) type)
                            .endsWith("/service-unavailable"))
                    .jsonPath("$.service").isEqualTo("payment-service")
                    .jsonPath("$.detail").isEqualTo("payment-service is unavailable. Retry later.")
                    .jsonPath("$.trace").doesNotExist();
        }
    }

    private static WebTestClient client(@Nullable Throwable cause) {
        return WebTestClient.bindToController(new FallbackController()).webFilter((exchange, chain) -> {
            if (cause != null) {
                exchange.getAttributes().put(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR, cause);
            }
            return chain.filter(exchange);
        }).build();
    }
}
