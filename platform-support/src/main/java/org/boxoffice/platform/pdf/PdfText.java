package org.boxoffice.platform.pdf;

import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

/** Text on a PDFBox page in one of the standard 14 fonts, whatever characters it holds. */
public final class PdfText {

    private PdfText() {
    }

    /**
     * {@code text} as {@code font} can print it: the standard fonts cover WinAnsi only, so a character outside it (a
     * CJK title, an emoji) becomes '?' rather than failing the whole document.
     */
    public static String printable(PDFont font, String text) {
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

    /** One line of {@link #printable} text at ({@code x}, {@code y}), in points from the page's lower left corner. */
    public static void line(PDPageContentStream content, PDFont font, float size, float x, float y, String text)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(printable(font, text));
        content.endText();
    }

    /** The width of {@code text} as {@link #line} prints it, in points: for centring or aligning right. */
    public static float width(PDFont font, float size, String text) throws IOException {
        return font.getStringWidth(printable(font, text)) / 1000 * size;
    }
}
