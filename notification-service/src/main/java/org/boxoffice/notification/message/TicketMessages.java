package org.boxoffice.notification.message;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.boxoffice.notification.sale.BookingInvoices;
import org.boxoffice.notification.sale.SaleEvents.Invoice;
import org.boxoffice.notification.sale.SaleEvents.OrderConfirmed;
import org.boxoffice.notification.sale.SaleEvents.Ticket;
import org.boxoffice.notification.sale.SaleEvents.TicketTransferred;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * The messages that carry tickets or a purchase: the tickets of a confirmed order (a PDF page per ticket, with its
 * price, discount, service fee and tax), the receipt to an address not verified yet, and a transferred ticket to its
 * recipient. The order's invoice PDF goes with the tickets and with the receipt (fetched from booking-service).
 */
final class TicketMessages {

    private final MessageSource wording;
    private final BookingInvoices invoices;

    TicketMessages(MessageSource wording, BookingInvoices invoices) {
        this.wording = wording;
        this.invoices = invoices;
    }

    /** @param attach whether the PDFs go with it (an email): the tickets' and the invoice's */
    MessageContent tickets(OrderConfirmed order, Locale locale, boolean attach) {
        ZoneId zone = Messages.zone(order.eventTimezone());
        String when = Messages.when(order.eventStartsAt(), zone, locale);
        String where = order.venueName() + ", " + order.venueCity();
        List<Map<String, String>> lines = new ArrayList<>();
        List<TicketPdf.Page> pages = new ArrayList<>();
        for (Ticket ticket : order.tickets()) {
            Map<String, String> line = line(ticket, order.currency(), locale);
            line.put("charges", charges(ticket, order, locale));
            lines.add(line);
            pages.add(page(ticket, line, order.eventTitle(), when, where, locale));
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("tickets", lines);
        variables.put("when", when);
        variables.put("where", where);
        variables.put("order", wording.getMessage("order", new Object[] { Messages.reference(order.orderId()) },
                locale));
        variables.put("total", Messages.money(order.totalMinor(), order.currency(), locale));
        List<RenderedMessage.Attachment> attachments = new ArrayList<>();
        if (attach) {
            // The invoice first: while booking cannot give it, no tickets PDF is rendered in vain.
            Optional<RenderedMessage.Attachment> invoice = invoice(order);
            attachments.add(new RenderedMessage.Attachment("tickets-" + Messages.reference(order.orderId()) + ".pdf",
                    "application/pdf", TicketPdf.render(pages)));
            invoice.ifPresent(attachments::add);
        }
        return new MessageContent(new Object[] { order.eventTitle(), when, order.tickets().size() }, variables,
                attachments);
    }

    /** @param attach whether the invoice PDF goes with it (an email) */
    MessageContent receipt(OrderConfirmed order, Locale locale, boolean attach) {
        return new MessageContent(new Object[] { order.eventTitle(),
                Messages.when(order.eventStartsAt(), Messages.zone(order.eventTimezone()), locale),
                order.tickets().size(), Messages.reference(order.orderId()),
                Messages.money(order.totalMinor(), order.currency(), locale) },
                Map.of(), attach ? invoice(order).stream().toList() : List.of());
    }

    MessageContent transferred(TicketTransferred transfer, Locale locale) {
        ZoneId zone = Messages.zone(transfer.eventTimezone());
        String when = Messages.when(transfer.eventStartsAt(), zone, locale);
        String where = transfer.venueName() + ", " + transfer.venueCity();
        Map<String, String> line = line(transfer.ticket(), transfer.currency(), locale);
        line.put("charges", "");
        Map<String, Object> variables = new HashMap<>();
        variables.put("tickets", List.of(line));
        variables.put("when", when);
        variables.put("where", where);
        variables.put("order", wording.getMessage("order", new Object[] { Messages.reference(transfer.orderId()) },
                locale));
        variables.put("total", line.get("price"));
        var pdf = new RenderedMessage.Attachment("ticket-" + transfer.ticket().code() + ".pdf", "application/pdf",
                TicketPdf.render(List.of(page(transfer.ticket(), line, transfer.eventTitle(), when, where, locale))));
        return new MessageContent(new Object[] { transfer.eventTitle(), when, transfer.recipientEmail() }, variables,
                List.of(pdf));
    }

    private Map<String, String> line(Ticket ticket, String currency, Locale locale) {
        String place = ticket.row() != null && ticket.seat() != null
                ? wording.getMessage("ticket.place.seat", new Object[] { ticket.sectionName(), ticket.row(),
                        ticket.seat() }, locale)
                : wording.getMessage("ticket.place.area", new Object[] { ticket.sectionName() }, locale);
        Map<String, String> line = new LinkedHashMap<>();
        line.put("code", ticket.code());
        line.put("place", place);
        line.put("tier", ticket.tierName());
        line.put("price", Messages.money(ticket.priceMinor(), currency, locale));
        return line;
    }

    private TicketPdf.Page page(Ticket ticket, Map<String, String> line, String title, String when, String where,
            Locale locale) {
        String qr = ticket.qrPayload().isBlank() ? ticket.code() : ticket.qrPayload();
        return new TicketPdf.Page(qr, ticket.code(), title, when, where, line.get("place"),
                ticket.tierName() + " - " + line.get("price"), line.get("charges"),
                wording.getMessage("ticket.footer", null, locale));
    }

    /**
     * The ticket's share of its line's discount, service fee and tax, and what was paid for it: "Discount -€4.50 ·
     * Service fee €2.03 · VAT 19 % €8.08 (added) · Paid €50.61". Empty when the order carried none of them.
     */
    private String charges(Ticket ticket, OrderConfirmed order, Locale locale) {
        if (ticket.paidMinor() == null) {
            return "";
        }
        String currency = order.currency();
        List<String> parts = new ArrayList<>();
        if (ticket.discountMinor() != null && ticket.discountMinor() > 0) {
            parts.add(wording.getMessage("ticket.charges.discount",
                    new Object[] { Messages.money(ticket.discountMinor(), currency, locale) }, locale));
        }
        if (ticket.feeMinor() != null && ticket.feeMinor() > 0) {
            parts.add(wording.getMessage("ticket.charges.fee",
                    new Object[] { Messages.money(ticket.feeMinor(), currency, locale) }, locale));
        }
        if (ticket.taxMinor() != null && ticket.taxMinor() > 0) {
            parts.add(wording.getMessage(Boolean.FALSE.equals(order.taxIncluded()) ? "ticket.charges.tax.added"
                    : "ticket.charges.tax.included", new Object[] { label(order.taxLabel()),
                            rate(order.taxRateBasisPoints()), Messages.money(ticket.taxMinor(), currency, locale) },
                    locale));
        }
        if (parts.isEmpty()) {
            return "";
        }
        parts.add(wording.getMessage("ticket.charges.paid",
                new Object[] { Messages.money(ticket.paidMinor(), currency, locale) }, locale));
        return String.join(" \u00b7 ", parts);
    }

    private static String label(@Nullable String taxLabel) {
        return taxLabel == null || taxLabel.isBlank() ? "Tax" : taxLabel;
    }

    private static String rate(@Nullable Integer basisPoints) {
        return BigDecimal.valueOf(basisPoints == null ? 0 : basisPoints, 2).stripTrailingZeros().toPlainString()
                + " %";
    }

    /**
     * The order's invoice PDF, fetched from booking with the token the event carried, or as an event from before that
     * carried it; {@link AttachmentUnavailable} while booking cannot give it, so the message waits rather than going
     * without it.
     */
    private Optional<RenderedMessage.Attachment> invoice(OrderConfirmed order) {
        Invoice invoice = order.invoice();
        if (invoice == null) {
            return Optional.empty();
        }
        byte[] pdf;
        if (invoice.pdf() != null) {
            pdf = Base64.getDecoder().decode(invoice.pdf());
        } else if (invoice.pdfToken() != null) {
            pdf = invoices.pdf(invoice.invoiceId(), invoice.pdfToken());
        } else {
            throw new IllegalStateException("invoice " + invoice.invoiceId() + " carries neither its PDF nor a token");
        }
        return Optional.of(new RenderedMessage.Attachment(invoice.number() + ".pdf", "application/pdf", pdf));
    }
}
