package org.boxoffice.booking.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.boxoffice.booking.event.EventSection;
import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.messaging.BookingEvents;
import org.boxoffice.booking.messaging.Published;
import org.boxoffice.booking.system.OrganizerAccess;
import org.boxoffice.booking.venue.Seat;
import org.boxoffice.booking.venue.Venues;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Issuing, voiding, showing and admitting tickets. */
@Service
public class TicketService {

    private final Tickets tickets;
    private final Venues venues;
    private final TicketSigner signer;
    private final EventService events;
    private final BookingEvents announcements;
    private final Clock clock;

    TicketService(Tickets tickets, Venues venues, TicketSigner signer, EventService events,
            BookingEvents announcements, Clock clock) {
        this.tickets = tickets;
        this.venues = venues;
        this.signer = signer;
        this.events = events;
        this.announcements = announcements;
        this.clock = clock;
    }

    /** What an order paid for: a seat (quantity 1) or a number of places in a general-admission area. */
    public record Admission(UUID sectionId, @Nullable UUID seatId, int quantity, long unitPriceMinor) {
    }

    /**
     * Issues one ticket per seat and per general-admission place, each with a unique code and a signed QR payload;
     * joins the confirming transaction. A second call for the same order breaks the (order, position) uniqueness
     * and rolls the caller back, so an order never gets two sets of tickets.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Ticket> issue(UUID orderId, UUID eventId, UUID buyerId, Currency currency, List<Admission> admissions) {
        Map<UUID, EventSection> sections = events.sections(eventId).stream()
                .collect(Collectors.toMap(EventSection::sectionId, Function.identity()));
        List<UUID> seatIds = admissions.stream().map(Admission::seatId).filter(Objects::nonNull).toList();
        Map<UUID, Seat> places = (seatIds.isEmpty() ? List.<Seat>of() : venues.findSeats(seatIds)).stream()
                .collect(Collectors.toMap(Seat::id, Function.identity()));
        Instant now = clock.instant();
        List<Ticket> issued = new ArrayList<>();
        for (Admission admission : admissions) {
            EventSection section = sections.get(admission.sectionId());
            Seat place = admission.seatId() == null ? null : places.get(admission.seatId());
            for (int i = 0; i < admission.quantity(); i++) {
                UUID id = UUID.randomUUID();
                String code = TicketSigner.newCode();
                issued.add(new Ticket(id, orderId, eventId, buyerId, issued.size(), admission.sectionId(),
                        section.name(), admission.seatId(), place == null ? null : place.row(),
                        place == null ? null : Integer.toString(place.number()), section.tier(),
                        admission.unitPriceMinor(), currency, code, signer.sign(id, eventId, code), now));
            }
        }
        // Written now: the announcement that follows, and a second issue for the same order, must meet the rows.
        return tickets.saveAllAndFlush(issued);
    }

    /** Voids the order's valid tickets (cancelled or refunded); joins the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int voidOrder(UUID orderId) {
        return tickets.voidOrder(orderId, clock.instant());
    }

    /**
     * Refuses to let an order whose tickets were used go, unless {@code used} includes them (an organizer's explicit
     * choice). Locks the order's tickets for the caller's transaction, so a scan at the door cannot slip in between
     * this check and the voiding of the tickets: whichever comes first wins, the other is refused.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void requireNotCheckedIn(UUID orderId, UsedTickets used) {
        List<Ticket> locked = tickets.lockOfOrder(orderId);
        while (missesReplacement(locked)) {
            // A transfer committed while this waited for its ticket: the replacement was not in that statement's
            // snapshot, and must be locked too before anything is decided about the order's tickets.
            locked = tickets.lockOfOrder(orderId);
        }
        List<Instant> admitted = locked.stream().map(Ticket::checkedInAt).filter(Objects::nonNull).toList();
        if (!admitted.isEmpty() && used != UsedTickets.INCLUDED) {
            throw new TicketsCheckedIn(orderId, admitted.size(), admitted.stream().min(Instant::compareTo).orElseThrow(),
                    used);
        }
    }

    private static boolean missesReplacement(List<Ticket> locked) {
        java.util.Set<UUID> replaced = locked.stream().map(Ticket::transferredFrom).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        return locked.stream().anyMatch(t -> t.transferredAt() != null && !replaced.contains(t.id()));
    }

    /** The buyer's tickets of one of their orders; someone else's order does not exist for them. */
    @Transactional(readOnly = true)
    public List<Ticket> ofOrder(UUID buyerId, UUID orderId) {
        if (!tickets.orderOwner(orderId).map(buyerId::equals).orElse(false)) {
            throw new TicketNotFound("of order " + orderId);
        }
        return tickets.findByOrderIdOrderByPositionAscIssuedAtAsc(orderId);
    }

    @Transactional(readOnly = true)
    public Ticket get(UUID buyerId, UUID ticketId) {
        return tickets.findById(ticketId).filter(t -> t.buyerId().equals(buyerId))
                .orElseThrow(() -> new TicketNotFound(ticketId.toString()));
    }

    /**
     * Admits a ticket once, by its code or its signed QR payload. A forged payload is refused before anything is
     * looked up; a ticket of an organization the caller does not manage does not exist for them.
     */
    @Transactional
    public Ticket checkIn(OrganizerAccess access, @Nullable String code, @Nullable String qrPayload) {
        Ticket ticket;
        if (qrPayload != null) {
            TicketSigner.Verified verified = signer.verify(qrPayload);
            ticket = tickets.findForUpdate(verified.ticketId())
                    .filter(t -> t.eventId().equals(verified.eventId()) && t.code().equals(verified.code()))
                    .orElseThrow(() -> new TicketNotFound(verified.ticketId().toString()));
        } else {
            String wanted = Objects.requireNonNull(code).strip().toUpperCase(java.util.Locale.ROOT);
            ticket = tickets.findByCodeForUpdate(wanted).orElseThrow(() -> new TicketNotFound(wanted));
        }
        UUID organizationId = events.byId(ticket.eventId()).organizationId();
        if (!access.canManage(organizationId)) {
            throw new TicketNotFound(ticket.id().toString());
        }
        Instant now = clock.instant();
        ticket.checkIn(now);
        tickets.flush();
        announcements.announce(new Published.TicketCheckedIn(ticket.id(), ticket.orderId(), ticket.eventId(),
                organizationId, now));
        return ticket;
    }
}
