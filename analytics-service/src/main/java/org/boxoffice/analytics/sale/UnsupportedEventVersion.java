package org.boxoffice.analytics.sale;

import org.boxoffice.platform.events.EventEnvelope;

/**
 * An event of a schema version this service cannot read. Thrown from a handler, it fails the delivery, so the event
 * ends in the dead-letter stream instead of being counted wrongly or skipped silently.
 */
final class UnsupportedEventVersion extends IllegalStateException {

    UnsupportedEventVersion(EventEnvelope event) {
        super(event.type() + " version " + event.version() + " is not supported by analytics-service (reads version 1)");
    }

    static void require(EventEnvelope event, int version) {
        if (event.version() != version) {
            throw new UnsupportedEventVersion(event);
        }
    }
}
