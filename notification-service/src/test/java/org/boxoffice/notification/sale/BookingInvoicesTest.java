package org.boxoffice.notification.sale;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.boxoffice.notification.message.AttachmentUnavailable;
import org.boxoffice.platform.testing.ConfiguredBreakers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How the confirmation email reads booking's answers for an invoice PDF: the PDF with the token; booking down or
 * failing is "not now" (the email waits), and a booking that keeps failing is not asked again for a while; a 404 is
 * "never" and is not booking failing.
 */
class BookingInvoicesTest {

    /** The breakers exactly as application.yml configures them (resilience4j.circuitbreaker.instances). */
    private static final CircuitBreakerRegistry BREAKERS = ConfiguredBreakers.fromApplicationYml();

    private final List<String> asked = new CopyOnWriteArrayList<>();
    private HttpServer booking;

    @AfterEach
    void stop() {
        if (booking != null) {
            booking.stop(0);
        }
    }

    @Test
    void asksForTheInvoiceWithItsTokenAndReturnsThePdf() throws IOException {
        UUID invoiceId = UUID.randomUUID();
        BookingInvoices invoices = client(exchange -> answer(exchange,
                exchange.getRequestURI().getPath().equals("/internal/v1/invoices/" + invoiceId + "/pdf")
                        && "the-token".equals(exchange.getRequestHeaders().getFirst("Invoice-Token")) ? 200 : 404,
                "%PDF-1.7 INV-000042"));

        assertThat(new String(invoices.pdf(invoiceId, "the-token"), StandardCharsets.UTF_8))
                .isEqualTo("%PDF-1.7 INV-000042");
        assertThat(asked).singleElement().asString().contains("application/pdf");
    }

    @Test
    void anInvoiceBookingDoesNotHaveIsNeverAndDoesNotCountAsBookingFailing() throws IOException {
        BookingInvoices invoices = client(exchange -> answer(exchange, 404,
                "{\"type\":\"https://boxoffice.dev/problems/invoice-not-found\"}"));

        for (int i = 0; i < 8; i++) {
            assertThatThrownBy(() -> invoices.pdf(UUID.randomUUID(), "token"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("has no invoice");
        }
        assertThat(BREAKERS.circuitBreaker(BookingInvoices.BREAKER).getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void bookingFailingIsNotNowAndAfterFiveFailuresItIsNotAskedForAWhile() throws IOException {
        BookingInvoices invoices = client(exchange -> answer(exchange, 503, "{\"status\":503}"));

        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> invoices.pdf(UUID.randomUUID(), "token"))
                    .isInstanceOf(AttachmentUnavailable.class).hasMessageContaining("503");
        }
        assertThat(BREAKERS.circuitBreaker(BookingInvoices.BREAKER).getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThatThrownBy(() -> invoices.pdf(UUID.randomUUID(), "token"))
                .isInstanceOf(AttachmentUnavailable.class).hasMessageContaining("circuit breaker is open");
        assertThat(asked).as("an open breaker does not call booking").hasSize(5);
    }

    @Test
    void bookingNotListeningIsNotNow() throws IOException {
        BookingInvoices invoices = client(exchange -> answer(exchange, 200, "unused"));
        booking.stop(0);
        booking = null;

        assertThatThrownBy(() -> invoices.pdf(UUID.randomUUID(), "token")).isInstanceOf(AttachmentUnavailable.class);
    }

    private void answer(HttpExchange exchange, int status, String body) throws IOException {
        asked.add(String.valueOf(exchange.getRequestHeaders().getFirst("Accept")));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type",
                status == 200 ? "application/pdf" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private BookingInvoices client(HttpHandler handler) throws IOException {
        booking = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        booking.createContext("/", handler);
        booking.start();
        // Each test starts from a closed breaker: the registry's "booking-service", its configuration, not its state.
        BREAKERS.circuitBreaker(BookingInvoices.BREAKER).reset();
        URI url = URI.create("http://127.0.0.1:" + booking.getAddress().getPort());
        return new BookingInvoices(new BookingProperties(url, Duration.ofMillis(500), Duration.ofSeconds(2)), BREAKERS,
                RestClient.builder(), ClientHttpRequestFactoryBuilder.jdk());
    }
}
