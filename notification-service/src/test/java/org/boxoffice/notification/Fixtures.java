package org.boxoffice.notification;

import java.util.UUID;

/** Event payloads as booking-service and payment-service publish them (v1, docs/events.md). */
public final class Fixtures {

    private Fixtures() {
    }

    public static String orderConfirmed(UUID orderId, UUID eventId, UUID organizationId, UUID buyerId, String email,
            String... ticketCodes) {
        StringBuilder tickets = new StringBuilder();
        for (int i = 0; i < ticketCodes.length; i++) {
            if (i > 0) {
                tickets.append(',');
            }
            tickets.append("""
                    {"ticketId":"%s","code":"%s","qrPayload":"BXT1.%s.c2lnbmF0dXJl","sectionId":"%s","sectionName":"Stalls",
                     "row":"A","seat":"%d","tierName":"Stalls","priceMinor":4550}""".formatted(UUID.randomUUID(),
                    ticketCodes[i], ticketCodes[i], UUID.randomUUID(), i + 1));
        }
        return """
                {"orderId":"%s","eventId":"%s","organizationId":"%s","buyerId":"%s","buyerEmail":"%s",
                 "eventTitle":"Surge Night","eventStartsAt":"2026-12-24T20:00:00Z","eventTimezone":"Europe/Berlin",
                 "venueName":"Columbiahalle","venueCity":"Berlin","totalMinor":%d,"currency":"EUR",
                 "confirmedAt":"2026-11-23T10:00:00Z","tickets":[%s]}""".formatted(orderId, eventId, organizationId,
                buyerId, email, 4550L * ticketCodes.length, tickets);
    }

    public static String paymentFailed(UUID orderId, UUID buyerId) {
        return """
                {"paymentId":"%s","orderId":"%s","buyerId":"%s","reason":"card_declined"}""".formatted(UUID.randomUUID(),
                orderId, buyerId);
    }
}
