package org.boxoffice.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A sale written as a script of buyers and their fates, that both produces the booking and payment events (as the
 * producers would publish them) and computes, independently of the service, the figures those events must give.
 */
record ScriptedSale(UUID eventId, UUID organizationId, String currency, Instant opensAt, int capacity,
        List<Buyer> buyers) {

    enum Fate {
        PAID, DECLINED_THEN_PAID, DECLINED_THEN_EXPIRED, PAID_THEN_REFUNDED, HOLD_EXPIRED, HOLD_RELEASED;

        boolean checksOut() {
            return this != HOLD_EXPIRED && this != HOLD_RELEASED;
        }

        boolean pays() {
            return this == PAID || this == DECLINED_THEN_PAID || this == PAID_THEN_REFUNDED;
        }

        boolean declined() {
            return this == DECLINED_THEN_PAID || this == DECLINED_THEN_EXPIRED;
        }

        boolean keepsTickets() {
            return pays() && this != PAID_THEN_REFUNDED;
        }
    }

    record Section(UUID id, String name) {
    }

    /** One buyer: holds at {@code minute} after the opening, checks out 20 s later, pays 40 s later. */
    /** The tax in a Balcony ticket's price (19 % included); other tiers' tickets come as older events, without it. */
    static long balconyTax(long price) {
        return price * 19 / 119;
    }

    /** A promo code: {@code discountPerTicketMinor} off each ticket of the orders checked out with it. */
    record Code(UUID id, String text, long discountPerTicketMinor) {
    }

    /** {@code code}: the promo code the buyer checks out with, null for none (and for events from before codes). */
    record Buyer(UUID holdId, UUID orderId, int minute, int quantity, long unitPriceMinor, String tier, Section section,
            Fate fate, @Nullable Code code) {

        Buyer(int minute, int quantity, long unitPriceMinor, String tier, Section section, Fate fate) {
            this(minute, quantity, unitPriceMinor, tier, section, fate, null);
        }

        Buyer(int minute, int quantity, long unitPriceMinor, String tier, Section section, Fate fate,
                @Nullable Code code) {
            this(UUID.randomUUID(), UUID.randomUUID(), minute, quantity, unitPriceMinor, tier, section, fate, code);
        }

        /** What the buyer pays: the tickets' face value less the code's discount. */
        long totalMinor() {
            return faceMinor() - discountMinor();
        }

        long faceMinor() {
            return quantity * unitPriceMinor;
        }

        long discountMinor() {
            return code == null ? 0 : quantity * code.discountPerTicketMinor();
        }
    }

    /** An event as the producer's outbox would publish it. */
    record Event(String producer, UUID id, String type, Instant occurredAt, String key, Map<String, Object> payload) {
    }

    List<Event> events() {
        List<Event> events = new ArrayList<>();
        Instant published = opensAt.minusSeconds(3600);
        events.add(booking("EventPublished", published, map("eventId", eventId, "organizationId", organizationId,
                "title", "Show", "startsAt", opensAt.plusSeconds(86_400 * 30), "capacity", capacity,
                "publishedAt", published)));
        for (Buyer buyer : buyers) {
            Instant held = opensAt.plus(Duration.ofMinutes(buyer.minute()));
            events.add(booking("HoldPlaced", held, map("holdId", buyer.holdId(), "eventId", eventId,
                    "organizationId", organizationId, "buyerId", UUID.randomUUID(), "quantity", buyer.quantity(),
                    "sectionIds", List.of(buyer.section().id()), "placedAt", held,
                    "expiresAt", held.plusSeconds(600))));
            if (!buyer.fate().checksOut()) {
                Instant released = held.plusSeconds(buyer.fate() == Fate.HOLD_EXPIRED ? 600 : 90);
                events.add(booking("HoldReleased", released, map("holdId", buyer.holdId(), "eventId", eventId,
                        "organizationId", organizationId, "buyerId", UUID.randomUUID(),
                        "quantity", buyer.quantity(), "reason", buyer.fate() == Fate.HOLD_EXPIRED ? "EXPIRED" : "BUYER",
                        "releasedAt", released)));
                continue;
            }
            Instant placed = held.plusSeconds(20);
            Map<String, Object> order = map("orderId", buyer.orderId(), "holdId", buyer.holdId(),
                    "eventId", eventId, "organizationId", organizationId, "buyerId", UUID.randomUUID(),
                    "quantity", buyer.quantity(), "totalMinor", buyer.totalMinor(), "currency", currency,
                    "placedAt", placed, "paymentDue", placed.plusSeconds(900));
            if (buyer.code() != null) {
                order.putAll(map("promoCodeId", buyer.code().id(), "promoCode", buyer.code().text()));
            }
            events.add(booking("OrderPlaced", placed, order));
            if (buyer.fate().declined()) {
                events.add(payment("PaymentFailed", placed.plusSeconds(10), buyer.orderId(), map(
                        "paymentId", UUID.randomUUID(), "orderId", buyer.orderId(), "buyerId", UUID.randomUUID(),
                        "reason", "card_declined")));
            }
            if (buyer.fate() == Fate.DECLINED_THEN_EXPIRED) {
                Instant expired = placed.plusSeconds(900);
                events.add(booking("OrderExpired", expired, map("orderId", buyer.orderId(), "eventId", eventId,
                        "organizationId", organizationId, "buyerId", UUID.randomUUID(), "buyerEmail", "b@x.dev",
                        "eventTitle", "Show", "quantity", buyer.quantity(), "totalMinor", buyer.totalMinor(),
                        "currency", currency, "expiredAt", expired)));
                continue;
            }
            UUID paymentId = UUID.randomUUID();
            Instant paid = placed.plusSeconds(20);
            events.add(payment("PaymentSucceeded", paid, buyer.orderId(), map("paymentId", paymentId,
                    "orderId", buyer.orderId(), "buyerId", UUID.randomUUID(), "amountMinor", buyer.totalMinor(),
                    "currency", currency, "succeededAt", paid)));
            Instant confirmed = paid.plusSeconds(5);
            List<Map<String, Object>> tickets = new ArrayList<>();
            for (int i = 0; i < buyer.quantity(); i++) {
                Map<String, Object> ticket = map("ticketId", UUID.randomUUID(), "code", "T" + i,
                        "qrPayload", "qr", "sectionId", buyer.section().id(), "sectionName", buyer.section().name(),
                        "tierName", buyer.tier(), "priceMinor", buyer.unitPriceMinor());
                ticket.put("row", null);
                ticket.put("seat", null);
                if (buyer.code() != null) {
                    // As booking sends them now: the ticket's share of its line's discount, no fee, no tax.
                    long discount = buyer.code().discountPerTicketMinor();
                    ticket.putAll(map("discountMinor", discount, "feeMinor", 0, "taxMinor", 0,
                            "paidMinor", buyer.unitPriceMinor() - discount));
                } else if (buyer.tier().equals("Balcony")) {
                    // As booking sends them now: the ticket's share of its line (19 % tax included in the price).
                    ticket.put("discountMinor", 0);
                    ticket.put("feeMinor", 0);
                    ticket.put("taxMinor", balconyTax(buyer.unitPriceMinor()));
                    ticket.put("paidMinor", buyer.unitPriceMinor());
                }
                tickets.add(ticket);
            }
            Map<String, Object> confirmation = map("orderId", buyer.orderId(), "eventId", eventId,
                    "organizationId", organizationId, "buyerId", UUID.randomUUID(), "buyerEmail", "b@x.dev",
                    "eventTitle", "Show", "eventStartsAt", opensAt.plusSeconds(86_400 * 30), "eventTimezone", "UTC",
                    "venueName", "Hall", "venueCity", "Town", "totalMinor", buyer.totalMinor(), "currency", currency,
                    "confirmedAt", confirmed, "tickets", tickets);
            if (buyer.code() != null) {
                confirmation.putAll(map("discountMinor", buyer.discountMinor(), "promoCodeId", buyer.code().id(),
                        "promoCode", buyer.code().text()));
            }
            events.add(booking("OrderConfirmed", confirmed, confirmation));
            if (buyer.fate() == Fate.PAID_THEN_REFUNDED) {
                Instant cancelled = confirmed.plusSeconds(7200);
                events.add(booking("OrderCancelled", cancelled, map("orderId", buyer.orderId(), "eventId", eventId,
                        "organizationId", organizationId, "buyerId", UUID.randomUUID(), "buyerEmail", "b@x.dev",
                        "eventTitle", "Show", "reason", "BUYER", "refundMinor", buyer.totalMinor(),
                        "currency", currency, "cancelledAt", cancelled)));
                events.add(payment("RefundSucceeded", cancelled.plusSeconds(3), buyer.orderId(), map(
                        "refundId", UUID.randomUUID(), "paymentId", paymentId, "orderId", buyer.orderId(),
                        "amountMinor", buyer.totalMinor(), "currency", currency, "reason", "BUYER")));
            }
        }
        return events;
    }

    // The truth, computed from the script alone.

    long count(java.util.function.Predicate<Fate> fate) {
        return buyers.stream().filter(b -> fate.test(b.fate())).count();
    }

    long ticketsSold() {
        return buyers.stream().filter(b -> b.fate().keepsTickets()).mapToLong(Buyer::quantity).sum();
    }

    /** Tickets kept × 100 / capacity, as the report rounds it. */
    java.math.BigDecimal sellThroughPercent() {
        return java.math.BigDecimal.valueOf(ticketsSold() * 100).divide(java.math.BigDecimal.valueOf(capacity), 2,
                java.math.RoundingMode.HALF_UP);
    }

    long grossMinor() {
        return buyers.stream().filter(b -> b.fate().pays()).mapToLong(Buyer::totalMinor).sum();
    }

    long refundedMinor() {
        return buyers.stream().filter(b -> b.fate() == Fate.PAID_THEN_REFUNDED).mapToLong(Buyer::totalMinor).sum();
    }

    /** Per tier: tickets kept and their face value. */
    Map<String, long[]> tiers() {
        Map<String, long[]> tiers = new java.util.TreeMap<>();
        for (Buyer buyer : buyers) {
            if (buyer.fate().keepsTickets()) {
                long[] sums = tiers.computeIfAbsent(buyer.tier(), t -> new long[2]);
                sums[0] += buyer.quantity();
                sums[1] += buyer.faceMinor();
            }
        }
        return tiers;
    }

    /**
     * Per code: checkouts, orders kept, their tickets and discount, money captured, refunded, and cancellations —
     * the figures of {@code GET …/codes}, in that order.
     */
    Map<String, long[]> codes() {
        Map<String, long[]> codes = new java.util.TreeMap<>();
        for (Buyer buyer : buyers) {
            if (buyer.code() == null || !buyer.fate().checksOut()) {
                continue;
            }
            long[] sums = codes.computeIfAbsent(buyer.code().text(), c -> new long[7]);
            sums[0]++;
            if (buyer.fate().keepsTickets()) {
                sums[1]++;
                sums[2] += buyer.quantity();
                sums[3] += buyer.discountMinor();
            }
            if (buyer.fate().pays()) {
                sums[4] += buyer.totalMinor();
            }
            if (buyer.fate() == Fate.PAID_THEN_REFUNDED) {
                sums[5] += buyer.totalMinor();
                sums[6]++;
            }
        }
        return codes;
    }

    private Event booking(String type, Instant at, Map<String, Object> payload) {
        return new Event("booking-service", UUID.randomUUID(), type, at, String.valueOf(payload.getOrDefault("orderId",
                payload.getOrDefault("holdId", payload.get("eventId")))), payload);
    }

    private Event payment(String type, Instant at, UUID orderId, Map<String, Object> payload) {
        return new Event("payment-service", UUID.randomUUID(), type, at, orderId.toString(), payload);
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            map.put((String) keysAndValues[i], value instanceof Instant || value instanceof UUID ? value.toString() : value);
        }
        return map;
    }
}
