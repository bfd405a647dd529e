package org.boxoffice.booking.waitlist;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.boxoffice.booking.availability.AvailabilityCache;
import org.boxoffice.booking.availability.InventoryChange;
import org.boxoffice.booking.event.Event;
import org.boxoffice.booking.event.EventSection;
import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.hold.Hold;
import org.boxoffice.booking.hold.OfferedHolds;
import org.boxoffice.booking.hold.TicketLimitExceeded;
import org.boxoffice.booking.inventory.Inventory;
import org.boxoffice.booking.venue.SectionNotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A buyer's places in waiting lists: joining a sold-out section's line, seeing one's place, leaving it (which
 * declines an open offer: its tickets pass to the next in line), and claiming an offer into a hold. Another buyer's
 * place does not exist for them.
 */
@Service
public class WaitingListService {

    private final EventService events;
    private final WaitingListSettings settings;
    private final WaitingListStatements statements;
    private final Inventory inventory;
    private final Offers offers;
    private final OfferedHolds holds;
    private final AvailabilityCache cache;
    private final TransactionTemplate transactions;
    private final Clock clock;

    WaitingListService(EventService events, WaitingListSettings settings, WaitingListStatements statements,
            Inventory inventory, Offers offers, OfferedHolds holds, AvailabilityCache cache,
            TransactionTemplate transactions, Clock clock) {
        this.events = events;
        this.settings = settings;
        this.statements = statements;
        this.inventory = inventory;
        this.offers = offers;
        this.holds = holds;
        this.cache = cache;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Joins the line of a section of an event on sale whose list is on, for {@code quantity} tickets (at most the
     * event's per-order limit), when the section has fewer than that left.
     */
    public Entry join(UUID buyerId, String buyerEmail, UUID eventId, UUID sectionId, int quantity) {
        EventService.Listing listing = events.listing(eventId);
        Event event = listing.event();
        event.requireOnSale(clock.instant());
        EventSection section = listing.section(sectionId).filter(s -> !s.hidden())
                .orElseThrow(() -> new SectionNotFound(sectionId));
        if (quantity > event.maxPerOrder()) {
            throw new TicketLimitExceeded(TicketLimitExceeded.Rule.PER_ORDER, event.maxPerOrder(), quantity);
        }
        if (!settings.enabled(eventId)) {
            throw new WaitingListClosed(eventId);
        }
        int available = inventory.available(eventId, section.sectionId());
        if (available >= quantity) {
            throw new TicketsAvailable(sectionId, available, quantity);
        }
        UUID entryId = statements.join(eventId, sectionId, buyerId, buyerEmail, quantity, clock.instant())
                .orElseThrow(() -> new AlreadyWaiting(eventId, sectionId));
        return statements.entry(entryId).orElseThrow();
    }

    /** The buyer's places (newest first), optionally of one event, each with its position or its offer. */
    public List<Entry> mine(UUID buyerId, @Nullable UUID eventId) {
        return statements.entriesOf(buyerId, eventId);
    }

    public Entry get(UUID buyerId, UUID entryId) {
        return statements.entry(entryId).filter(entry -> entry.buyerId().equals(buyerId))
                .orElseThrow(() -> new EntryNotFound(entryId));
    }

    /**
     * Leaves the line. A waiting place just ends; an open offer is declined, and its tickets go to the next in line
     * (else back on sale) at once. A place that already ended is answered as it is.
     */
    public Entry leave(UUID buyerId, UUID entryId) {
        Entry entry = get(buyerId, entryId);
        Instant now = clock.instant();
        var change = transactions.execute(status -> {
            if (statements.moveEntry(entryId, EntryStatus.WAITING, EntryStatus.LEFT, now)) {
                return Optional.<InventoryChange>empty();
            }
            return statements.offerOfEntryForUpdate(entryId).filter(offer -> offer.status() == OfferStatus.OPEN)
                    .flatMap(offer -> offers.end(offer.id(), OfferStatus.DECLINED, now));
        });
        if (change != null) {
            change.ifPresent(cache::apply);
        }
        return get(buyerId, entry.id());
    }

    /**
     * Claims the open offer made to the buyer's place: its tickets, held for them, become a hold of theirs with the
     * event's hold duration (check it out as any hold). The event must be on sale; no waiting-room pass is needed —
     * the offer is the buyer's admission. Exactly one of a claim and the offer's expiry wins.
     */
    public Hold claim(UUID buyerId, String buyerEmail, UUID entryId) {
        Entry entry = get(buyerId, entryId);
        Event event = events.listing(entry.eventId()).event();
        Instant now = clock.instant();
        event.requireOnSale(now);
        return transactions.execute(status -> {
            WaitingListStatements.OfferRow offer = statements.offerOfEntryForUpdate(entryId)
                    .orElseThrow(() -> new OfferNotOpen(entryId, null));
            if (offer.status() != OfferStatus.OPEN) {
                throw new OfferNotOpen(entryId, offer.status());
            }
            if (!now.isBefore(offer.expiresAt())) {
                throw new OfferNotOpen(entryId, OfferStatus.EXPIRED);
            }
            Hold hold = holds.hold(event, buyerId, buyerEmail, offer.id(), offer.claim().items(), now);
            if (!statements.endOffer(offer.id(), OfferStatus.CLAIMED, now, hold.id())
                    || !statements.moveEntry(entryId, EntryStatus.OFFERED, EntryStatus.CLAIMED, now)) {
                throw new IllegalStateException("open offer " + offer.id() + " changed under its row lock");
            }
            return hold;
        });
    }
}
