package org.boxoffice.notification.sale;

import java.util.UUID;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.boxoffice.notification.message.AttachmentUnavailable;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * An order's invoice PDF, fetched from booking-service when the confirmation email is rendered
 * ({@code GET /internal/v1/invoices/{id}/pdf} with the token its {@code OrderConfirmed} carried; docs/commerce.md).
 * Booking not answering, answering 5xx or 429, or its circuit breaker being open is {@link AttachmentUnavailable}: the
 * email waits for the invoice. A 404 is booking saying the token opens no invoice, which waiting does not change.
 */
@Component
public class BookingInvoices {

    /** The breaker in front of booking-service, of the service's registry ({@code resilience4j.circuitbreaker}). */
    static final String BREAKER = "booking-service";
    static final String TOKEN_HEADER = "Invoice-Token";

    private final RestClient http;
    private final CircuitBreaker breaker;

    /** Boot's observed {@link RestClient.Builder}: a client span with {@code traceparent}, client metrics. */
    BookingInvoices(BookingProperties properties, CircuitBreakerRegistry breakers, RestClient.Builder http,
            ClientHttpRequestFactoryBuilder<?> requests) {
        this.http = http.baseUrl(properties.url().toString())
                .requestFactory(requests.build(HttpClientSettings.defaults()
                        .withTimeouts(properties.connectTimeout(), properties.readTimeout())))
                .build();
        this.breaker = breakers.circuitBreaker(BREAKER);
    }

    /**
     * The invoice's PDF.
     *
     * @throws AttachmentUnavailable when booking cannot give it now
     * @throws IllegalStateException when booking says there is no such invoice for this token
     */
    public byte[] pdf(UUID invoiceId, String token) {
        byte[] pdf;
        try {
            pdf = breaker.executeSupplier(() -> http.get().uri("/internal/v1/invoices/{id}/pdf", invoiceId)
                    .header(TOKEN_HEADER, token).accept(MediaType.APPLICATION_PDF, MediaType.APPLICATION_PROBLEM_JSON)
                    .retrieve().body(byte[].class));
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode() == HttpStatus.NOT_FOUND) {
                throw new IllegalStateException("booking-service has no invoice " + invoiceId + " for its token", e);
            }
            throw new AttachmentUnavailable("booking-service answered " + e.getStatusCode().value()
                    + " for invoice " + invoiceId, e);
        } catch (CallNotPermittedException e) {
            throw new AttachmentUnavailable("booking-service's circuit breaker is open after repeated failures", e);
        } catch (RestClientException e) {
            throw new AttachmentUnavailable("booking-service did not give invoice " + invoiceId + ": "
                    + e.getMostSpecificCause(), e);
        }
        if (pdf == null || pdf.length == 0) {
            throw new AttachmentUnavailable("booking-service sent an empty invoice " + invoiceId, null);
        }
        return pdf;
    }
}
