package org.boxoffice.notification.message;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The tickets of an order as one PDF: a page per ticket with its QR code (ZXing), what the holder needs at the
 * door, and what was paid for it (its discount, service fee and tax). The QR code carries the ticket's {@code qrPayload} (the signed form of its code that check-in verifies), or
 * the bare code when the order carried no payload.
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
                PDImageXObject qr = LosslessFactory.createFromImage(document, qrImage(ticket.qrPayload()));
                float width = page.getMediaBox().getWidth();
                float top = page.getMediaBox().getHeight() - 72;
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    line(content, bold, 22, 56, top, ticket.eventTitle());
                    line(content, regular, 13, 56, top - 30, ticket.when());
                    line(content, regular, 13, 56, top - 50, ticket.where());
                    line(content, bold, 15, 56, top - 84, ticket.place());
                    line(content, regular, 13, 56, top - 104, ticket.tier());
                    // The ticket's share of the discount, service fee and tax, when its order carried them.
                    line(content, regular, 10, 56, top - 122, ticket.charges());
                    content.drawImage(qr, (width - QR_POINTS) / 2, top - 150 - QR_POINTS, QR_POINTS, QR_POINTS);
                    line(content, bold, 16, (width - bold.getStringWidth(safe(bold, ticket.code())) / 1000 * 16) / 2,
                            top - 180 - QR_POINTS, ticket.code());
                    line(content, regular, 9, 56, 56, ticket.footer());
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the tickets PDF", e);
        }
    }

    static BufferedImage qrImage(String payload) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, QR_PIXELS, QR_PIXELS,
                    Map.of(EncodeHintType.MARGIN, 2, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
            return MatrixToImageWriter.toBufferedImage(matrix);
        } catch (WriterException e) {
            throw new IllegalArgumentException("ticket payload cannot be a QR code: " + e.getMessage(), e);
        }
    }

    private static void line(PDPageContentStream content, PDType1Font font, float size, float x, float y, String text)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(safe(font, text));
        content.endText();
    }

    /** The standard fonts cover WinAnsi only; a character outside it (a CJK title) prints as '?' rather than failing. */
    private static String safe(PDType1Font font, String text) {
        StringBuilder printable = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            String character = Character.toString(codePoint);
            try {
                font.encode(character);
                printable.append(character);
            } catch (IOException | IllegalArgumentException notInFont) {
                printable.append('?');
            }
        });
        return printable.toString();
    }
}
