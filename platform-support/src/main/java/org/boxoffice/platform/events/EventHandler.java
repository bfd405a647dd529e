package org.boxoffice.platform.events;

import java.util.Set;

/**
 * A service's reaction to events of other services (or its own). Declare implementations as beans; they run inside
 * the transaction that also records the event in the inbox, so whatever they write commits with it, exactly once.
 * Throwing makes the delivery fail: it is retried, and after {@code boxoffice.events.max-attempts} goes to the
 * dead-letter stream.
 */
public interface EventHandler {

    /** Producing service whose stream this handler reads, e.g. {@code booking}. */
    String producer();

    /** Event types handled; others on the stream are acknowledged without calling this handler. */
    Set<String> types();

    /**
     * Payload version this handler reads. An event of its types with another version never reaches {@link #handle}:
     * the bus sends it to the dead-letter stream at once, since retrying cannot make it readable.
     */
    default int version() {
        return 1;
    }

    void handle(EventEnvelope event);
}
