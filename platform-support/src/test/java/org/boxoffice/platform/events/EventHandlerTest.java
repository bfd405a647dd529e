package org.boxoffice.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class EventHandlerTest {

    record OrderPlaced(UUID orderId, int quantity) {
    }

    record OrderExpired(UUID orderId, Instant expiredAt, @Nullable String reason) {
    }

    /** Not registered by {@link Orders}. */
    record OrderConfirmed(UUID orderId) {
    }

    /** A handler as a service writes one: a lambda per event record, registered in the constructor. */
    static final class Orders extends EventHandler {

        final List<Object> placed = new ArrayList<>();
        final List<Object> expired = new ArrayList<>();

        Orders() {
            super("booking-service");
            on(OrderPlaced.class, order -> placed.add(order));
            on(OrderExpired.class, (order, event) -> expired.add(List.of(order, event)));
        }
    }

    private final JsonMapper json = JsonMapper.builder().build();
    private final Instant at = Instant.parse("2026-12-04T10:15:30Z");

    @Test
    void itsTypesAreTheSimpleNamesOfTheRecordsItRegisters() {
        Orders orders = new Orders();

        assertThat(orders.types()).containsExactly("OrderPlaced", "OrderExpired");
        assertThat(orders.producer()).isEqualTo("booking-service");
        assertThat(orders.version()).isEqualTo(1);
    }

    @Test
    void declaresAnotherVersionThroughItsConstructor() {
        EventHandler second = new EventHandler("payment-service", 2) {
            {
                on(OrderPlaced.class, order -> { });
            }
        };

        assertThat(second.version()).isEqualTo(2);
        assertThat(second.types()).containsExactly("OrderPlaced");
    }

    @Test
    void runsTheLambdaOfTheEventsTypeWithThePayloadReadIntoItsRecord() {
        Orders orders = new Orders();
        UUID order = UUID.randomUUID();

        orders.handle(envelope("OrderPlaced", """
                {"orderId":"%s","quantity":3,"totalMinor":13650,"currency":"EUR"}""".formatted(order)), json);

        assertThat(orders.placed).as("fields its record does not have are ignored")
                .containsExactly(new OrderPlaced(order, 3));
        assertThat(orders.expired).isEmpty();
    }

    @Test
    void aLambdaThatAsksForTheEventGetsItsIdProducerKeyAndCommitTime() {
        Orders orders = new Orders();
        UUID order = UUID.randomUUID();
        EventEnvelope envelope = envelope("OrderExpired", """
                {"orderId":"%s","expiredAt":"2026-12-04T10:15:00Z"}""".formatted(order));

        orders.handle(envelope, json);

        assertThat(orders.expired).containsExactly(List.of(
                new OrderExpired(order, Instant.parse("2026-12-04T10:15:00Z"), null),
                new ReceivedEvent(envelope.id(), "booking-service", "order-1", at)));
        assertThat(orders.placed).isEmpty();
    }

    @Test
    void ignoresAnEventOfATypeItDoesNotRegister() {
        Orders orders = new Orders();

        orders.handle(envelope("OrderConfirmed", "{\"orderId\":\"" + UUID.randomUUID() + "\"}"), json);

        assertThat(orders.placed).isEmpty();
        assertThat(orders.expired).isEmpty();
    }

    @Test
    void aPayloadItsRecordCannotReadFailsTheDeliveryWithoutReachingTheLambda() {
        Orders orders = new Orders();

        assertThatThrownBy(() -> orders.handle(envelope("OrderPlaced", "{\"orderId\":\"not-a-uuid\"}"), json))
                .isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> orders.handle(envelope("OrderPlaced", "null"), json))
                .hasMessageContaining("null payload");
        assertThat(orders.placed).isEmpty();
    }

    @Test
    void refusesTwoHandlersForOneType() {
        assertThatIllegalStateException().isThrownBy(() -> new EventHandler("booking-service") {
            {
                on(OrderPlaced.class, order -> { });
                on(OrderPlaced.class, (order, event) -> { });
            }
        }).withMessageContaining("two handlers for OrderPlaced");
    }

    private EventEnvelope envelope(String type, String payload) {
        return new EventEnvelope(UUID.randomUUID(), type, 1, at, "booking-service", "order-1", Map.of(), payload);
    }
}
