package org.boxoffice.booking.ticket;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

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
            PDImageXObject qr = LosslessFactory.createFromImage(document, qr(ticket.qrPayload()));
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
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(56, y);
        content.showText(printable(text));
        content.endText();
    }

    /** The standard fonts encode WinAnsi only: anything else is replaced rather than failing the download. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.append(c >= 0x20 && c < 0x100 ? (char) c : '?'));
        return out.toString();
    }

    private static BufferedImage qr(String payload) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, QR_PIXELS, QR_PIXELS,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 1));
            BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
            for (int x = 0; x < matrix.getWidth(); x++) {
                for (int y = 0; y < matrix.getHeight(); y++) {
                    image.setRGB(x, y, matrix.get(x, y) ? 0xFF000000 : 0xFFFFFFFF);
                }
            }
            return image;
        } catch (WriterException e) {
            throw new IllegalStateException("a ticket payload always fits a QR code", e);
        }
    }
}
