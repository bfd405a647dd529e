package org.boxoffice.notification.sale;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
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
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.boxoffice.notification.Await;
import org.boxoffice.notification.Fixtures;
import org.boxoffice.notification.NotificationTesting;
import org.boxoffice.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An OrderConfirmed puts the tickets in the buyer's inbox once, in the buyer's language. */
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
