package org.boxoffice.platform.events;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.json.JsonMapper;

/**
 * A service's reaction to the events of one producer (another service, or its own). A subclass names the producer
 * and, in its constructor, registers one typed handler per event type it reads:
 *
 * <pre>{@code
 * @Component
 * class PaymentEvents extends EventHandler {
 *     PaymentEvents(PaymentOutcomes orders) {
 *         super("payment-service");
 *         on(PaymentFailed.class, failed -> orders.paymentFailed(failed.orderId()));
 *         on(RefundSucceeded.class, (refund, event) -> orders.refunded(refund.orderId(), event.id()));
 *     }
 * }
 * }</pre>
 *
 * <p>The record names the event type: its simple name is the type (as producers name what they append, e.g.
 * {@code OrderConfirmed}), and it is the class the payload is read into. It is the consumer's own copy of the
 * producer's record, with the fields it reads (unknown ones are ignored). The bus reads the stream's events of the
 * registered types ({@link #types()}), reads each payload into its record and calls the handler registered for it;
 * the handler never sees the type string or the raw payload ({@code PlatformRules.EVENTS_BY_TYPED_HANDLERS}).
 *
 * <p>Declare subclasses as beans. Handlers run inside the transaction that also records the event in the inbox, so
 * whatever they write commits with it, exactly once. Throwing (or a payload its record cannot read) makes the delivery
 * fail: it is retried, and after {@code boxoffice.events.max-attempts} goes to the dead-letter stream.
 */
public abstract class EventHandler {

    private final String producer;
    private final int version;
    private final Map<String, Registration<?>> registrations = new LinkedHashMap<>();

    /** Reads version 1 of {@code producer}'s events, e.g. {@code booking-service}. */
    protected EventHandler(String producer) {
        this(producer, 1);
    }

    /**
     * Reads version {@code version} of {@code producer}'s events. An event of its types with another version never
     * reaches a handler: the bus sends it to the dead-letter stream at once, since retrying cannot make it readable.
     */
    protected EventHandler(String producer, int version) {
        this.producer = producer;
        this.version = version;
    }

    /** Handles the events of type {@code type} (its simple name), read into that record. */
    protected final <T extends Record> void on(Class<T> type, Consumer<? super T> handler) {
        on(type, (payload, event) -> handler.accept(payload));
    }

    /** As {@link #on(Class, Consumer)}, for a handler that also needs the event's id, key or commit time. */
    protected final <T extends Record> void on(Class<T> type, BiConsumer<? super T, ReceivedEvent> handler) {
        String name = typeName(type);
        if (registrations.containsKey(name)) {
            throw new IllegalStateException(getClass().getSimpleName() + " registers two handlers for " + name);
        }
        registrations.put(name, new Registration<>(type, handler));
    }

    /** Producing service whose stream this handler reads, e.g. {@code booking-service}. */
    public final String producer() {
        return producer;
    }

    /** Event types handled, one per registered record; others on the stream are acknowledged without reaching it. */
    public final Set<String> types() {
        return Collections.unmodifiableSet(registrations.keySet());
    }

    /** Payload version this handler reads. */
    public final int version() {
        return version;
    }

    /**
     * Reads the payload into the record registered for the event's type and calls its handler; an event of a type
     * not registered is ignored. Called by the bus, inside the inbox transaction.
     */
    final void handle(EventEnvelope event, JsonMapper json) {
        Registration<?> registration = registrations.get(event.type());
        if (registration != null) {
            registration.handle(event, json);
        }
    }

    /** The event type a record stands for: its simple name, the name producers append it under. */
    static String typeName(Class<? extends Record> type) {
        return type.getSimpleName();
    }

    private record Registration<T extends Record>(Class<T> type, BiConsumer<? super T, ReceivedEvent> handler) {

        void handle(EventEnvelope event, JsonMapper json) {
            @Nullable T payload = json.readValue(event.payload(), type);
            if (payload == null) {
                throw new IllegalArgumentException(event.type() + " " + event.id() + " has a null payload");
            }
            handler.accept(payload, new ReceivedEvent(event.id(), event.producer(), event.key(), event.occurredAt()));
        }
    }
}
