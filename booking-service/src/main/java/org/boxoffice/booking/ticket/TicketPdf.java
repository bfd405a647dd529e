package org.boxoffice.booking.ticket;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.boxoffice.platform.pdf.PdfText;
import org.boxoffice.platform.pdf.QrCodes;

/**
 * One ticket as a one-page PDF, the file a buyer downloads from their tickets page: the event, the place, the tier,
 * the code, and the QR code of the ticket's signed payload that check-in verifies.
 */
final class TicketPdf {

    /** What the page says, already formatted. */
    record Page(String eventTitle, String when, String place, String tier, String code, String qrPayload) {
    }

    private static final int QR_PIXELS = 400;
    private static final float QR_POINTS = 260;

    private TicketPdf() {
    }

    static byte[] render(Page ticket) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDImageXObject qr = LosslessFactory.createFromImage(document, QrCodes.image(ticket.qrPayload(), QR_PIXELS));
            float width = page.getMediaBox().getWidth();
            float top = page.getMediaBox().getHeight() - 72;
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                text(content, bold, 22, top, ticket.eventTitle());
                text(content, regular, 13, top - 30, ticket.when());
                text(content, bold, 15, top - 64, ticket.place());
                text(content, regular, 13, top - 84, ticket.tier());
                content.drawImage(qr, (width - QR_POINTS) / 2, top - 120 - QR_POINTS, QR_POINTS, QR_POINTS);
                text(content, bold, 15, top - 150 - QR_POINTS, "Code " + ticket.code());
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the ticket PDF", e);
        }
    }

    private static void text(PDPageContentStream content, PDType1Font font, float size, float y, String text)
            throws IOException {
        PdfText.line(content, font, size, 56, y, text);
    }
}
