package org.boxoffice.booking.event;

import java.util.UUID;

/**
 * Raised inside the transaction that cancels an event: listeners release its holds and cancel its orders in the
 * same transaction, so a cancelled event never keeps a seat held.
 */
public record EventCancelled(UUID eventId) {
}
