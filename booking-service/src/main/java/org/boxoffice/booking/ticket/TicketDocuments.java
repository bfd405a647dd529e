package org.boxoffice.booking.ticket;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import org.boxoffice.booking.event.Event;
import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.storage.ObjectStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * A buyer's ticket as a PDF, stored once in the object store ({@code tickets/<id>.pdf}) and handed out through
 * short-lived signed links: the owner asks for a link ({@link #link}), and the link opens the PDF ({@link #open}) for
 * that account only, until it expires. Another account's ticket does not exist for the caller (404); a link past its
 * time or not signed for this ticket and account is refused (403), whatever else it says.
 */
@Service
@EnableConfigurationProperties(TicketPdfProperties.class)
public class TicketDocuments {

    static final String MEDIA_TYPE = "application/pdf";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm (z)",
            Locale.ENGLISH);

    private final TicketService tickets;
    private final TicketSigner signer;
    private final EventService events;
    private final ObjectStore store;
    private final TicketPdfProperties properties;
    private final Clock clock;

    TicketDocuments(TicketService tickets, TicketSigner signer, EventService events, ObjectStore store,
            TicketPdfProperties properties, Clock clock) {
        this.tickets = tickets;
        this.signer = signer;
        this.events = events;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    /** A download link's parameters: the PDF opens with them for {@code expiresAt}. */
    public record Link(UUID ticketId, long expires, String signature, Instant expiresAt) {
    }

    /**
     * A new link to the buyer's own ticket's PDF; a void ticket has none (409). A ticket the buyer transferred is the
     * recipient's: its code and QR went to them only, so it has no PDF for the buyer (404, as its code and QR are
     * blank in the buyer's list).
     */
    public Link link(UUID buyerId, UUID ticketId) {
        Ticket ticket = ownTicket(buyerId, ticketId);
        if (ticket.status() == TicketStatus.VOID) {
            throw new TicketVoid(ticketId);
        }
        Instant expiresAt = clock.instant().plus(properties.linkLifetime());
        long expires = expiresAt.getEpochSecond();
        return new Link(ticketId, expires, signer.signLink(ticketId, buyerId, expires), expiresAt);
    }

    /** The PDF the link opens: rendered and stored the first time, read from the store after that. */
    public byte[] open(UUID buyerId, UUID ticketId, long expires, String signature) {
        Ticket ticket = ownTicket(buyerId, ticketId);
        if (!signer.verifyLink(ticketId, buyerId, expires, signature)) {
            throw TicketLinkRefused.invalid();
        }
        if (clock.instant().getEpochSecond() > expires) {
            throw TicketLinkRefused.expired();
        }
        if (ticket.status() == TicketStatus.VOID) {
            throw new TicketVoid(ticketId);
        }
        String key = "tickets/" + ticketId + ".pdf";
        return store.get(key).map(ObjectStore.StoredObject::bytes).orElseGet(() -> {
            byte[] pdf = TicketPdf.render(page(ticket));
            store.put(key, pdf, MEDIA_TYPE);
            return pdf;
        });
    }

    private Ticket ownTicket(UUID buyerId, UUID ticketId) {
        Ticket ticket = tickets.get(buyerId, ticketId);
        if (ticket.holderEmail() != null) {
            throw new TicketNotFound(ticketId.toString());
        }
        return ticket;
    }

    private TicketPdf.Page page(Ticket ticket) {
        Event event = events.byId(ticket.eventId());
        String when = WHEN.format(event.schedule().startsAt().atZone(ZoneId.of(event.schedule().timezone())));
        String place = ticket.seat() == null ? ticket.sectionName()
                : ticket.sectionName() + ", row " + ticket.row() + ", seat " + ticket.seat();
        return new TicketPdf.Page(event.title(), when, place, ticket.tierName(), ticket.code(), ticket.qrPayload());
    }
}
