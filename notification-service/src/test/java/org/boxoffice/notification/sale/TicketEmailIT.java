package org.boxoffice.notification.sale;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.boxoffice.notification.Await;
import org.boxoffice.notification.Fixtures;
import org.boxoffice.notification.NotificationTesting;
import org.boxoffice.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An OrderConfirmed puts the tickets in the buyer's inbox once, in the buyer's language, with each ticket's fee and tax
 * and the order's invoice, fetched from booking (and sent later, never without it, while booking cannot give it); a
 * TicketTransferred puts the new ticket in its recipient's inbox.
 */
class TicketEmailIT extends NotificationTesting {

    @Test
    void orderConfirmedSendsOneEmailWhosePdfQrCodesDecodeToTheTickets() throws Exception {
        UUID buyer = UUID.randomUUID();
        verifiedEmail(buyer, "ada@example.com");
        UUID order = UUID.randomUUID();
        UUID eventId = publish("booking-service", "OrderConfirmed", order.toString(), Fixtures.orderConfirmed(order,
                UUID.randomUUID(), UUID.randomUUID(), buyer, "ada@example.com", "TK-AAAA-0001", "TK-AAAA-0002",
                "TK-AAAA-0003"));

        Await.until(Duration.ofSeconds(20), "the tickets email arrives", () -> SMTP.getReceivedMessages().length == 1);
        MimeMessage mail = SMTP.getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("ada@example.com");
        assertThat(mail.getSubject()).isEqualTo("Your tickets for Surge Night");

        List<Part> parts = leaves(mail);
        assertThat(parts).anyMatch(p -> isType(p, "text/plain"));
        Part html = parts.stream().filter(p -> isType(p, "text/html")).findFirst().orElseThrow();
        assertThat((String) html.getContent()).contains("TK-AAAA-0002").contains("Columbiahalle, Berlin")
                .contains("€45.50");
        List<Part> pdfs = parts.stream().filter(p -> isPdf(p)).toList();
        assertThat(pdfs).hasSize(1);
        assertThat(qrCodes(pdfs.getFirst().getInputStream().readAllBytes())).containsExactly(
                "BXT1.TK-AAAA-0001.c2lnbmF0dXJl", "BXT1.TK-AAAA-0002.c2lnbmF0dXJl", "BXT1.TK-AAAA-0003.c2lnbmF0dXJl");

        Await.until(Duration.ofSeconds(5), "the delivery is logged as SENT", () -> jdbc.sql(
                "SELECT status FROM delivery WHERE source_id = ? AND channel = 'EMAIL'").param(eventId)
                .query(String.class).single().equals("SENT"));
    }

    @Test
    void aRedeliveredEventSendsNothingNew() throws Exception {
        UUID buyer = UUID.randomUUID();
        verifiedEmail(buyer, "bob@example.com");
        UUID order = UUID.randomUUID();
        String payload = Fixtures.orderConfirmed(order, UUID.randomUUID(), UUID.randomUUID(), buyer, "bob@example.com",
                "TK-BBBB-0001");
        UUID eventId = publish("booking-service", "OrderConfirmed", order.toString(), payload);
        Await.until(Duration.ofSeconds(20), "the first email arrives", () -> SMTP.getReceivedMessages().length == 1);

        // The relay published it again (it died between XADD and commit), and the inbox lost track of it: the
        // delivery log alone must stop a second email.
        jdbc.sql("DELETE FROM inbox_event WHERE event_id = ?").param(eventId).update();
        publish("booking-service", eventId, "OrderConfirmed", order.toString(), payload);
        publish("booking-service", eventId, "OrderConfirmed", order.toString(), payload);
        Await.until(Duration.ofSeconds(10), "the redeliveries are consumed", () -> jdbc.sql(
                "SELECT count(*) FROM inbox_event WHERE event_id = ?").param(eventId).query(Long.class).single() == 1);
        Thread.sleep(1_000);

        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM delivery WHERE source_id = ?").param(eventId).query(Long.class)
                .single()).isEqualTo(1);
    }

    @Test
    void aBuyerWhoChoseGermanGetsTheTicketsInGerman() throws Exception {
        UUID buyer = UUID.randomUUID();
        verifiedEmail(buyer, "clara@example.de");
        String token = TestTokens.token().subject(buyer).email("clara@example.de").roles("BUYER").sign();
        assertThat(send("PUT", "/api/v1/notifications/preferences", token, """
                {"locale":"de","smsOptIn":false,"whatsappOptIn":false}""").statusCode()).isEqualTo(200);
        UUID order = UUID.randomUUID();
        publish("booking-service", "OrderConfirmed", order.toString(), Fixtures.orderConfirmed(order,
                UUID.randomUUID(), UUID.randomUUID(), buyer, "clara@example.de", "TK-CCCC-0001"));

        Await.until(Duration.ofSeconds(20), "the tickets email arrives", () -> SMTP.getReceivedMessages().length == 1);
        MimeMessage mail = SMTP.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo("Ihre Tickets für Surge Night");
        String text = (String) leaves(mail).stream().filter(p -> isType(p, "text/plain")).findFirst().orElseThrow()
                .getContent();
        assertThat(text).contains("Ihre Bestellung ist bestätigt").contains("45,50\u00a0€").contains("Block Stalls, Reihe A, Platz 1");
    }

    @Test
    void theTicketsShowEachTicketsFeeAndTaxAndTheInvoiceFetchedFromBookingGoesWithTheTicketsAndTheReceipt()
            throws Exception {
        byte[] invoice = onePagePdf("Invoice INV-000007 Total 105.71");
        UUID invoiceId = UUID.randomUUID();
        BOOKING.invoice(invoiceId, "token-of-INV-000007", invoice);
        UUID verifiedBuyer = UUID.randomUUID();
        verifiedEmail(verifiedBuyer, "dora@example.com");
        publish("booking-service", "OrderConfirmed", UUID.randomUUID().toString(), charged(verifiedBuyer,
                "dora@example.com", fetched(invoiceId, "INV-000007", "token-of-INV-000007")));
        Await.until(Duration.ofSeconds(20), "the tickets email arrives", () -> SMTP.getReceivedMessages().length == 1);

        List<Part> parts = leaves(SMTP.getReceivedMessages()[0]);
        Part tickets = parts.stream().filter(p -> isPdf(p) && fileName(p).startsWith("tickets-")).findFirst()
                .orElseThrow();
        String text = pdfText(tickets.getInputStream().readAllBytes());
        assertThat(text).contains("Discount -€4.50 · Service fee €2.03 · VAT 19 % €8.08 (added) · Paid €50.61")
                .contains("Service fee €2.02 · VAT 19 % €8.08 (added) · Paid €55.10");
        byte[] attached = attachment(parts, "INV-000007.pdf");
        assertThat(pdfText(attached)).as("a PDF, and the invoice's").contains("Invoice INV-000007");
        assertThat(attached).isEqualTo(invoice);
        assertThat((String) parts.stream().filter(p -> isType(p, "text/plain")).findFirst().orElseThrow().getContent())
                .contains("Paid €50.61");

        // An address not verified yet gets the receipt without tickets, but with the invoice.
        publish("booking-service", "OrderConfirmed", UUID.randomUUID().toString(), charged(UUID.randomUUID(),
                "eve@example.com", fetched(invoiceId, "INV-000007", "token-of-INV-000007")));
        Await.until(Duration.ofSeconds(20), "the receipt arrives", () -> SMTP.getReceivedMessages().length == 2);
        MimeMessage receipt = SMTP.getReceivedMessages()[1];
        assertThat(receipt.getSubject()).isEqualTo("Your order for Surge Night is confirmed");
        assertThat(leaves(receipt)).filteredOn(TicketEmailIT::isPdf).extracting(TicketEmailIT::fileName)
                .containsExactly("INV-000007.pdf");
        assertThat(attachment(leaves(receipt), "INV-000007.pdf")).isEqualTo(invoice);
        assertThat(BOOKING.requests()).as("one fetch per email").hasSize(2);
    }

    @Test
    void anEventFromBeforeBookingSentTokensStillDeliversTheInvoicePdfItCarries() throws Exception {
        byte[] invoice = onePagePdf("Invoice INV-000008 Total 105.71");
        UUID buyer = UUID.randomUUID();
        verifiedEmail(buyer, "fay@example.com");
        publish("booking-service", "OrderConfirmed", UUID.randomUUID().toString(), charged(buyer, "fay@example.com",
                """
                {"invoiceId":"%s","number":"INV-000008","pdf":"%s"}""".formatted(UUID.randomUUID(),
                        Base64.getEncoder().encodeToString(invoice))));
        Await.until(Duration.ofSeconds(20), "the tickets email arrives", () -> SMTP.getReceivedMessages().length == 1);

        assertThat(attachment(leaves(SMTP.getReceivedMessages()[0]), "INV-000008.pdf")).isEqualTo(invoice);
        assertThat(BOOKING.requests()).as("nothing to fetch").isEmpty();
    }

    @Test
    void whileBookingCannotGiveTheInvoiceTheEmailWaitsWithoutSpendingAttemptsAndGoesWithItOnceItCan()
            throws Exception {
        byte[] invoice = onePagePdf("Invoice INV-000009 Total 105.71");
        UUID invoiceId = UUID.randomUUID();
        BOOKING.invoice(invoiceId, "token-of-INV-000009", invoice);
        // More failures than a delivery has attempts here (3): booking being down must not fail the email.
        BOOKING.failNext(5, 503);
        UUID buyer = UUID.randomUUID();
        verifiedEmail(buyer, "gus@example.com");
        UUID eventId = publish("booking-service", "OrderConfirmed", UUID.randomUUID().toString(), charged(buyer,
                "gus@example.com", fetched(invoiceId, "INV-000009", "token-of-INV-000009")));

        Await.until(Duration.ofSeconds(20), "booking is asked again after failing",
                () -> BOOKING.requests().size() >= 2);
        Await.until(Duration.ofSeconds(5), "the delivery says what it waits for", () -> String.valueOf(jdbc.sql(
                "SELECT last_error FROM delivery WHERE source_id = ?").param(eventId).query(String.class).optional()
                .orElse(null)).contains("booking-service"));
        assertThat(SMTP.getReceivedMessages()).as("never sent without the invoice").isEmpty();
        Await.until(Duration.ofSeconds(30), "the email arrives once booking answers",
                () -> SMTP.getReceivedMessages().length == 1);

        assertThat(attachment(leaves(SMTP.getReceivedMessages()[0]), "INV-000009.pdf")).isEqualTo(invoice);
        assertThat(BOOKING.requests()).hasSizeGreaterThanOrEqualTo(6);
        Await.until(Duration.ofSeconds(5), "the delivery is logged as SENT", () -> jdbc.sql(
                "SELECT status FROM delivery WHERE source_id = ?").param(eventId).query(String.class).single()
                .equals("SENT"));
        assertThat(jdbc.sql("SELECT attempts FROM delivery WHERE source_id = ?").param(eventId).query(Integer.class)
                .single()).as("only the attempt that sent it counted").isEqualTo(1);
    }

    @Test
    void anInvoiceBookingDoesNotHaveForTheTokenFailsTheEmailInsteadOfSendingItWithout() throws Exception {
        UUID buyer = UUID.randomUUID();
        verifiedEmail(buyer, "hal@example.com");
        UUID eventId = publish("booking-service", "OrderConfirmed", UUID.randomUUID().toString(), charged(buyer,
                "hal@example.com", fetched(UUID.randomUUID(), "INV-000010", "a-token-booking-never-issued")));

        Await.until(Duration.ofSeconds(20), "the delivery FAILED", () -> "FAILED".equals(jdbc.sql(
                "SELECT status FROM delivery WHERE source_id = ?").param(eventId).query(String.class).optional()
                .orElse(null)));
        assertThat(jdbc.sql("SELECT last_error FROM delivery WHERE source_id = ?").param(eventId).query(String.class)
                .single()).contains("has no invoice");
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void aTransferredTicketGoesToItsRecipientWithItsNewQrCodeCountedAgainstTheBuyer() throws Exception {
        UUID buyer = UUID.randomUUID();
        UUID ticketId = UUID.randomUUID();
        UUID eventId = publish("booking-service", "TicketTransferred", ticketId.toString(), """
                {"ticketId":"%s","previousTicketId":"%s","orderId":"%s","eventId":"%s","organizationId":"%s",
                 "buyerId":"%s","recipientEmail":"friend@example.com","eventTitle":"Surge Night",
                 "eventStartsAt":"2026-12-24T20:00:00Z","eventTimezone":"Europe/Berlin","venueName":"Columbiahalle",
                 "venueCity":"Berlin","currency":"EUR","transferredAt":"2026-12-01T10:00:00Z",
                 "ticket":{"ticketId":"%s","code":"NEWCODE00001","qrPayload":"BX1.new.payload","sectionId":"%s",
                           "sectionName":"Stalls","row":"A","seat":"3","tierName":"Stalls","priceMinor":4550,
                           "discountMinor":null,"feeMinor":null,"taxMinor":null,"paidMinor":null}}"""
                .formatted(ticketId, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                        buyer, ticketId, UUID.randomUUID()));

        Await.until(Duration.ofSeconds(20), "the recipient's email arrives",
                () -> SMTP.getReceivedMessages().length == 1);
        MimeMessage mail = SMTP.getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("friend@example.com");
        assertThat(mail.getSubject()).isEqualTo("A ticket for Surge Night was passed on to you");
        List<Part> pdfs = leaves(mail).stream().filter(TicketEmailIT::isPdf).toList();
        assertThat(pdfs).hasSize(1);
        assertThat(qrCodes(pdfs.getFirst().getInputStream().readAllBytes())).containsExactly("BX1.new.payload");
        assertThat(jdbc.sql("SELECT buyer_id FROM delivery WHERE source_id = ?").param(eventId).query(UUID.class)
                .single()).isEqualTo(buyer);
    }

    /** The {@code invoice} of an OrderConfirmed as booking sends it: its number and the token for its PDF. */
    private static String fetched(UUID invoiceId, String number, String token) {
        return """
                {"invoiceId":"%s","number":"%s","pdfToken":"%s"}""".formatted(invoiceId, number, token);
    }

    /** The bytes of the attachment called {@code name}. */
    private static byte[] attachment(List<Part> parts, String name) throws Exception {
        return parts.stream().filter(p -> isPdf(p) && name.equals(fileName(p))).findFirst().orElseThrow()
                .getInputStream().readAllBytes();
    }

    /**
     * Two seats of an order with VAT 19 % added and a 5 % fee, the first with a 10 % code (docs/commerce.md), and
     * {@code invoice} as its invoice.
     */
    private static String charged(UUID buyer, String email, String invoice) {
        return """
                {"orderId":"%s","eventId":"%s","organizationId":"%s","buyerId":"%s","buyerEmail":"%s",
                 "eventTitle":"Surge Night","eventStartsAt":"2026-12-24T20:00:00Z","eventTimezone":"Europe/Berlin",
                 "venueName":"Columbiahalle","venueCity":"Berlin","totalMinor":10571,"currency":"EUR",
                 "confirmedAt":"2026-11-23T10:00:00Z","discountMinor":450,"feeMinor":405,"taxMinor":1616,
                 "taxLabel":"VAT","taxRateBasisPoints":1900,"taxIncluded":false,
                 "invoice":%s,
                 "tickets":[{"ticketId":"%s","code":"TK-DDDD-0001","qrPayload":"BXT1.TK-DDDD-0001.c2ln",
                   "sectionId":"%s","sectionName":"Stalls","row":"A","seat":"1","tierName":"Stalls","priceMinor":4500,
                   "discountMinor":450,"feeMinor":203,"taxMinor":808,"paidMinor":5061},
                  {"ticketId":"%s","code":"TK-DDDD-0002","qrPayload":"BXT1.TK-DDDD-0002.c2ln",
                   "sectionId":"%s","sectionName":"Stalls","row":"A","seat":"2","tierName":"Stalls","priceMinor":4500,
                   "discountMinor":0,"feeMinor":202,"taxMinor":808,"paidMinor":5510}]}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), buyer, email, invoice,
                        UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    }

    private static byte[] onePagePdf(String text) throws Exception {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(50, 700);
                content.showText(text);
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static String fileName(Part part) {
        try {
            return String.valueOf(part.getFileName());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isType(Part part, String type) {
        try {
            return part.isMimeType(type);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isPdf(Part part) {
        return isType(part, "application/pdf");
    }

    private static List<Part> leaves(Part part) throws Exception {
        List<Part> leaves = new ArrayList<>();
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                leaves.addAll(leaves(multipart.getBodyPart(i)));
            }
        } else {
            leaves.add(part);
        }
        return leaves;
    }

    /** Every image in the PDF, page by page, read as a QR code with ZXing. */
    static List<String> qrCodes(byte[] pdf) throws Exception {
        List<String> decoded = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
                        BufferedImage picture = image.getImage();
                        decoded.add(new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                                new BufferedImageLuminanceSource(picture)))).getText());
                    }
                }
            }
        }
        return decoded;
    }
}
