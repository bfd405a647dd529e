package org.boxoffice.booking.waitlist;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.boxoffice.booking.inventory.Allotment;
import org.boxoffice.booking.inventory.WaitingLine;
import org.boxoffice.booking.messaging.BookingEvents;
import org.boxoffice.booking.messaging.Published;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Offers tickets given back to the buyers in line, inside the transaction that gives them back: per section, the
 * first waiting buyer whose quantity fits in what is left gets an offer of that many tickets (for seats, the first
 * of the freed seats in the order they were held), until nothing is left or nobody fits. A buyer who wants more
 * than came back keeps their place for a later give-back. Each offer is announced ({@code WaitingListOffered}: the
 * buyer's email) in the same transaction. On an event without a line this is one read of an empty partial index
 * per section given back.
 */
@Component
class WaitingListRouter implements WaitingLine {

    private final WaitingListStatements statements;
    private final BookingEvents announcements;
    private final Clock clock;
    private final Counter offered;

    WaitingListRouter(WaitingListStatements statements, BookingEvents announcements, Clock clock,
            MeterRegistry meters) {
        this.statements = statements;
        this.announcements = announcements;
        this.clock = clock;
        this.offered = Counter.builder("booking.waiting_list.offers")
                .description("Tickets given back that were offered to a buyer in a waiting list").register(meters);
    }

    @Override
    public List<Offer> offer(UUID eventId, List<Allotment> returned) {
        Map<UUID, List<UUID>> seats = new LinkedHashMap<>();
        Map<UUID, Integer> areas = new LinkedHashMap<>();
        for (Allotment item : returned) {
            if (item.seated()) {
                seats.computeIfAbsent(item.sectionId(), section -> new ArrayList<>()).add(item.seatId());
            } else {
                areas.merge(item.sectionId(), item.quantity(), Integer::sum);
            }
        }
        Instant now = clock.instant();
        Line line = new Line(eventId, now);
        seats.forEach((section, freed) -> offerSeats(line, section, freed));
        areas.forEach((section, quantity) -> offerArea(line, section, quantity));
        return line.offers;
    }

    private void offerSeats(Line line, UUID sectionId, List<UUID> freed) {
        int next = 0;
        while (next < freed.size()) {
            Optional<WaitingListStatements.Waiting> entry = line.next(sectionId, freed.size() - next);
            if (entry.isEmpty()) {
                return;
            }
            int quantity = entry.get().quantity();
            line.offer(entry.get(), sectionId, freed.subList(next, next + quantity), quantity);
            next += quantity;
        }
    }

    private void offerArea(Line line, UUID sectionId, int quantity) {
        int left = quantity;
        while (left > 0) {
            Optional<WaitingListStatements.Waiting> entry = line.next(sectionId, left);
            if (entry.isEmpty()) {
                return;
            }
            line.offer(entry.get(), sectionId, List.of(), entry.get().quantity());
            left -= entry.get().quantity();
        }
    }

    /** One give-back's walk along the event's lines: the event's terms are read once, and only if someone waits. */
    private final class Line {

        private final UUID eventId;
        private final Instant now;
        private final List<Offer> offers = new ArrayList<>();
        private WaitingListStatements.@Nullable Offering offering;
        private boolean closed;

        Line(UUID eventId, Instant now) {
            this.eventId = eventId;
            this.now = now;
        }

        Optional<WaitingListStatements.Waiting> next(UUID sectionId, int atMost) {
            if (closed) {
                return Optional.empty();
            }
            Optional<WaitingListStatements.Waiting> entry = statements.nextWaiting(eventId, sectionId, atMost);
            if (entry.isPresent() && offering == null) {
                Optional<WaitingListStatements.Offering> terms = statements.offering(eventId, now);
                if (terms.isEmpty()) {
                    // The list is off or the sale is not open: the tickets go back to everyone, the line keeps its order.
                    closed = true;
                    return Optional.empty();
                }
                offering = terms.get();
            }
            return entry;
        }

        void offer(WaitingListStatements.Waiting entry, UUID sectionId, List<UUID> seatIds, int quantity) {
            UUID offerId = UUID.randomUUID();
            Instant expiresAt = now.plus(Duration.ofMinutes(offering.claimMinutes()));
            statements.insertOffer(offerId, entry, eventId, sectionId, seatIds, quantity, now, expiresAt);
            announcements.announce(new Published.WaitingListOffered(offerId, entry.entryId(), eventId,
                    offering.organizationId(), entry.buyerId(), entry.buyerEmail(), offering.eventTitle(), sectionId,
                    !seatIds.isEmpty(), quantity, now, expiresAt));
            offers.add(new Offer(offerId, sectionId, seatIds, quantity));
            offered.increment(quantity);
        }
    }
}
