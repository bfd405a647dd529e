/**
 * The event bus every service uses, and the only way services tell each other what happened.
 *
 * <p>Producing: {@link org.boxoffice.platform.events.Outbox#append} writes the event in the caller's transaction;
 * {@link org.boxoffice.platform.events.OutboxRelay} publishes committed events to the producer's Redis stream
 * ({@code boxoffice.events.<producer>}). Consuming: a service declares {@link org.boxoffice.platform.events.EventHandler}
 * beans, each registering a typed handler per event record; {@link org.boxoffice.platform.events.EventConsumers} reads
 * each stream in a consumer group named after the service, reads each payload into the record its handler registered,
 * runs the handlers and records the event id in the inbox in one transaction, acknowledges only after it
 * commits, reclaims messages a dead consumer left, and moves a message that keeps failing to the dead-letter stream.
 * Delivery is at least once; the inbox makes the effect exactly once.
 */
@NullMarked
package org.boxoffice.platform.events;

import org.jspecify.annotations.NullMarked;
