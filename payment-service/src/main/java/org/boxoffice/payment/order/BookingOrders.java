package org.boxoffice.payment.order;

import java.util.UUID;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.boxoffice.payment.system.PaymentProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Reads an order from booking-service with the buyer's own token, so booking applies its own rule (a buyer sees only
 * their orders) and the amount always comes from booking, never from the client. Timeouts bound each call; a circuit
 * breaker stops asking a booking-service that keeps failing, so buyers get a fast 503 instead of a slow one.
 */
@Component
public class BookingOrders {

    private final RestClient http;
    private final CircuitBreaker breaker;

    /**
     * The client is Boot's {@link RestClient.Builder} (observed: a client span and {@code traceparent} on each call,
     * {@code http.client.requests} metrics); the breaker is {@code booking-service} of the service's registry
     * ({@code resilience4j.circuitbreaker.instances}).
     */
    BookingOrders(PaymentProperties properties, CircuitBreakerRegistry breakers, RestClient.Builder http,
            ClientHttpRequestFactoryBuilder<?> requests) {
        this.http = http.baseUrl(properties.bookingUrl().toString())
                .requestFactory(requests.build(HttpClientSettings.defaults()
                        .withTimeouts(properties.bookingConnectTimeout(), properties.bookingReadTimeout())))
                .build();
        this.breaker = breakers.circuitBreaker(BookingUnavailable.SERVICE);
    }

    /** The order as booking shows it to the caller whose bearer token is given. */
    public BookingOrder find(UUID orderId, String bearerToken) {
        try {
            return breaker.executeSupplier(() -> http.get().uri("/api/v1/orders/{id}", orderId)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken)
                    .retrieve()
                    .body(BookingOrder.class));
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode() == HttpStatus.NOT_FOUND) {
                throw new OrderNotFound(orderId);
            }
            throw new BookingUnavailable("it answered " + e.getStatusCode().value(), e);
        } catch (CallNotPermittedException e) {
            throw new BookingUnavailable("circuit open after repeated failures", e);
        } catch (RestClientException e) {
            throw new BookingUnavailable("no answer", e);
        }
    }

    CircuitBreaker.State breakerState() {
        return breaker.getState();
    }
}
