package org.boxoffice.booking.payment;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.boxoffice.booking.BookingFixture;
import org.boxoffice.booking.BookingFixture.OnSale;
import org.boxoffice.booking.BookingHttp;
import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.venue.VenueService;
import org.boxoffice.platform.events.EventConsumers;
import org.boxoffice.platform.events.OutboxRelay;
import org.boxoffice.platform.testing.IntegrationTest;
import org.boxoffice.platform.testing.TestEvents;
import org.boxoffice.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * booking's hops of one purchase's trace (docs/operations.md, "Tracing"): a checkout request's trace reaches the
 * {@code OrderPlaced} it writes to the outbox and the stream, and a {@code PaymentSucceeded} that arrives in a trace
 * confirms the order in that trace, so the {@code OrderConfirmed} notification reads carries it on.
 */
@IntegrationTest
class SaleTraceIT {

    private static final String BOOKING = "boxoffice.events.booking-service";
    private static final String PAYMENTS = "boxoffice.events.payment-service";

    @Autowired
    VenueService venues;
    @Autowired
    EventService events;
    @Autowired
    EventConsumers consumers;
    @Autowired
    OutboxRelay relay;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Value("${local.server.port}")
    int port;

    @Test
    void aPurchaseKeepsOneTraceFromCheckoutThroughThePaymentEventToOrderConfirmed() throws Exception {
        String traceId = "d269b633813fc60c5b8efff798038103";
        String incoming = "00-" + traceId + "-b174eee19b7ec3c1-01";
        OnSale sale = new BookingFixture(venues, events).onSale(2, 10, 20, 4, 4);
        UUID buyer = UUID.randomUUID();
        String token = TestTokens.buyer(buyer);
        BookingHttp http = new BookingHttp(port);

        JsonNode hold = created(BookingHttp.send(http.request("/api/v1/holds", token).header("traceparent", incoming)
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString("""
                        {"eventId":"%s","seatIds":["%s"]}""".formatted(sale.event().id(), sale.seatIds(0, 1).getFirst())))));
        JsonNode order = created(BookingHttp.send(http.request("/api/v1/orders", token).header("traceparent", incoming)
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"holdId\":\"%s\"}".formatted(hold.path("id").asString())))));
        UUID orderId = UUID.fromString(order.path("id").asString());

        assertThat(traceParentOf("OrderPlaced", orderId)).as("request → booking → outbox → stream")
                .startsWith("00-" + traceId + "-").isNotEqualTo(incoming);

        try {
            // The group the service would create at start-up (its background readers are off in tests).
            redis.execute((RedisCallback<String>) connection -> connection.streamCommands().xGroupCreate(
                    PAYMENTS.getBytes(StandardCharsets.UTF_8), "booking-service", ReadOffset.from("0"), true));
        } catch (RuntimeException exists) {
            // BUSYGROUP: another test class left it
        }
        TestEvents.append(redis, "payment-service", TestEvents.signed(UUID.randomUUID(), "payment-service",
                "PaymentSucceeded", 1, orderId.toString(), json.writeValueAsString(Map.of("paymentId", UUID.randomUUID(),
                        "orderId", orderId, "buyerId", buyer, "amountMinor", order.path("totalMinor").asLong(),
                        "currency", order.path("currency").asString(), "succeededAt", Instant.now().toString())),
                null, Map.of("traceparent", "00-" + traceId + "-0c5b8efff7980381-01")));
        while (consumers.pollOnce(PAYMENTS) > 0) {
            // until booking has consumed it
        }

        assertThat(jdbc.sql("SELECT status FROM purchase_order WHERE id = ?").param(orderId).query(String.class)
                .single()).isEqualTo("CONFIRMED");
        assertThat(traceParentOf("OrderConfirmed", orderId)).as("stream → booking → outbox → stream")
                .startsWith("00-" + traceId + "-");
    }

    private static JsonNode created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JsonMapper.builder().build().readTree(response.body());
    }

    /** The traceparent of booking's published event of this type about this order, as it is on the stream. */
    private String traceParentOf(String type, UUID orderId) {
        while (relay.publishBatch() > 0) {
            // everything committed so far goes out
        }
        return redis.opsForStream().range(BOOKING, Range.unbounded()).stream().map(entry -> entry.getValue())
                .filter(fields -> type.equals(fields.get("type")) && json.readTree((String) fields.get("payload"))
                        .path("orderId").asString("").equals(orderId.toString()))
                .map(fields -> (String) fields.get("traceparent")).findFirst().orElseThrow();
    }
}
