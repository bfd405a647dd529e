package org.boxoffice.notification.message;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

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
 * The tickets of an order as one PDF: a page per ticket with its QR code (ZXing), what the holder needs at the
 * door, and what was paid for it (its discount, service fee and tax). The QR code carries the ticket's
 * {@code qrPayload} (the signed form of its code that check-in verifies), or the bare code when the order carried no
 * payload.
 */
final class TicketPdf {

    /** One ticket's page, already localised. */
    record Page(String qrPayload, String code, String eventTitle, String when, String where, String place,
            String tier, String charges, String footer) {
    }

    private static final int QR_PIXELS = 400;
    private static final float QR_POINTS = 260;

    private TicketPdf() {
    }

    static byte[] render(List<Page> pages) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (Page ticket : pages) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                PDImageXObject qr = LosslessFactory.createFromImage(document,
                        QrCodes.image(ticket.qrPayload(), QR_PIXELS));
                float width = page.getMediaBox().getWidth();
                float top = page.getMediaBox().getHeight() - 72;
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    PdfText.line(content, bold, 22, 56, top, ticket.eventTitle());
                    PdfText.line(content, regular, 13, 56, top - 30, ticket.when());
                    PdfText.line(content, regular, 13, 56, top - 50, ticket.where());
                    PdfText.line(content, bold, 15, 56, top - 84, ticket.place());
                    PdfText.line(content, regular, 13, 56, top - 104, ticket.tier());
                    // The ticket's share of the discount, service fee and tax, when its order carried them.
                    PdfText.line(content, regular, 10, 56, top - 122, ticket.charges());
                    content.drawImage(qr, (width - QR_POINTS) / 2, top - 150 - QR_POINTS, QR_POINTS, QR_POINTS);
                    PdfText.line(content, bold, 16, (width - PdfText.width(bold, 16, ticket.code())) / 2,
                            top - 180 - QR_POINTS, ticket.code());
                    PdfText.line(content, regular, 9, 56, 56, ticket.footer());
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the tickets PDF", e);
        }
    }
}
