package org.boxoffice.booking.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.boxoffice.booking.event.Event;
import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.messaging.BookingEvents;
import org.boxoffice.booking.messaging.Published;
import org.boxoffice.booking.system.OrganizerAccess;
import org.boxoffice.booking.venue.Venue;
import org.boxoffice.booking.venue.Venues;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ticket transfers (docs/commerce.md): a buyer hands a valid, unused ticket to another email address before the event,
 * as the event's {@link TransferPolicy} allows. The ticket is replaced, not edited: the old one becomes void (with
 * {@code transferredAt}) and admits nobody from the commit on, a new one (new code, new QR) takes its place in the order, and
 * {@code TicketTransferred} sends it to the recipient.
 */
@Service
public class TicketTransfers {

    private final Tickets tickets;
    private final TransferPolicies policies;
    private final TicketSigner signer;
    private final EventService events;
    private final Venues venues;
    private final BookingEvents announcements;
    private final Clock clock;

    TicketTransfers(Tickets tickets, TransferPolicies policies, TicketSigner signer, EventService events,
            Venues venues, BookingEvents announcements, Clock clock) {
        this.tickets = tickets;
        this.policies = policies;
        this.signer = signer;
        this.events = events;
        this.venues = venues;
        this.announcements = announcements;
        this.clock = clock;
    }

    /**
     * Transfers one of the buyer's tickets to {@code recipientEmail} and answers the new ticket. The old ticket's row
     * is locked first (as a check-in locks it), so a check-in and a transfer of one ticket take turns: a check-in
     * that came first makes the transfer {@link TicketAlreadyCheckedIn}; a transfer that came first makes the check-in
     * {@link TicketTransferred}.
     */
    @Transactional
    public Ticket transfer(UUID buyerId, UUID ticketId, String recipientEmail) {
        Ticket ticket = tickets.findForUpdate(ticketId).filter(t -> t.buyerId().equals(buyerId))
                .orElseThrow(() -> new TicketNotFound(ticketId.toString()));
        Event event = events.byId(ticket.eventId());
        Instant now = clock.instant();
        policy(event.id(), now).requireOpen(now, event.schedule().startsAt());
        UUID newId = UUID.randomUUID();
        String code = TicketSigner.newCode();
        String recipient = recipientEmail.strip().toLowerCase(Locale.ROOT);
        Ticket replacement = ticket.transferTo(recipient, newId, code, signer.sign(newId, event.id(), code), now);
        // The old ticket leaves its place in the order before the new one takes it (one live ticket per place).
        tickets.saveAndFlush(ticket);
        tickets.saveAndFlush(replacement);
        Venue venue = venues.findById(event.venueId()).orElseThrow();
        announcements.announce(new Published.TicketTransferred(replacement.id(), ticket.id(), ticket.orderId(),
                event.id(), event.organizationId(), buyerId, recipient, event.title(),
                event.schedule().startsAt(), event.schedule().timezone(), venue.name(), venue.city(),
                ticket.currency().getCurrencyCode(), new Published.Ticket(replacement.id(), replacement.code(),
                        replacement.qrPayload(), replacement.sectionId(), replacement.sectionName(), replacement.row(),
                        replacement.seat(), replacement.tierName(), replacement.priceMinor(), null, null, null, null),
                replacement.issuedAt()));
        return replacement;
    }

    /** The transfer rule of an event the caller manages (the default if its organizer set none). */
    @Transactional(readOnly = true)
    public TransferPolicy policy(OrganizerAccess access, UUID eventId) {
        Event event = events.get(access, eventId);
        return policy(event.id(), clock.instant());
    }

    /** Sets the event's transfer rule; tickets already transferred stay transferred. */
    @Transactional
    public TransferPolicy setPolicy(OrganizerAccess access, UUID eventId, boolean enabled, @Nullable Instant deadline) {
        Event event = events.get(access, eventId);
        Instant now = clock.instant();
        TransferPolicy policy = policies.findById(event.id()).orElseGet(() -> TransferPolicy.defaults(event.id(), now));
        policy.change(enabled, deadline, now);
        return policies.saveAndFlush(policy);
    }

    private TransferPolicy policy(UUID eventId, Instant now) {
        return policies.findById(eventId).orElseGet(() -> TransferPolicy.defaults(eventId, now));
    }
}
