package org.boxoffice.platform.events;

import java.time.Instant;
import java.util.UUID;

/**
 * What a typed handler ({@link EventHandler#on(Class, java.util.function.BiConsumer)}) may know of an event besides
 * its payload. Neither the type (the handler's record is it) nor the raw payload (read into that record) is here.
 *
 * @param id         unique id; a handler deriving an id of its own from the event derives it from this one
 * @param producer   producing service, e.g. {@code booking-service}
 * @param key        the aggregate the event is about (an order id, an event id)
 * @param occurredAt when the state change committed at the producer
 */
public record ReceivedEvent(UUID id, String producer, String key, Instant occurredAt) {
}
