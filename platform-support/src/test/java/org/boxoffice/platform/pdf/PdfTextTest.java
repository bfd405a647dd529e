package org.boxoffice.platform.pdf;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Text the standard fonts cannot print does not fail a document; a QR code reads back as its payload. */
class PdfTextTest {

    private static final PDType1Font HELVETICA = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

    @Test
    void keepsWinAnsiCharactersAndReplacesTheRestWithAQuestionMark() {
        assertThat(PdfText.printable(HELVETICA, "Café € 45,50 – Zürich")).isEqualTo("Café € 45,50 – Zürich");
        assertThat(PdfText.printable(HELVETICA, "東京ドーム 🎫 night")).isEqualTo("????? ? night");
    }

    @Test
    void aLineWithCharactersOutsideTheFontIsWrittenAndReadsBack() throws Exception {
        byte[] pdf;
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                PdfText.line(content, HELVETICA, 12, 56, 700, "Invoice INV-000042 für 東京");
            }
            document.save(out);
            pdf = out.toByteArray();
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Invoice INV-000042 für ??");
        }
        assertThat(PdfText.width(HELVETICA, 10, "東")).isEqualTo(PdfText.width(HELVETICA, 10, "?")).isPositive();
    }

    @Test
    void aQrCodeImageDecodesToItsPayload() throws Exception {
        BufferedImage image = QrCodes.image("BX1.ticket.event.CODE.signature", 300);
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(
                image.getWidth(), image.getHeight(), pixels)))).getText();

        assertThat(image.getWidth()).isEqualTo(300);
        assertThat(decoded).isEqualTo("BX1.ticket.event.CODE.signature");
    }

    @Test
    void aPayloadTooLongForAQrCodeIsRefused() {
        assertThatThrownBy(() -> QrCodes.image("x".repeat(5_000), 300)).isInstanceOf(IllegalArgumentException.class);
    }
}
