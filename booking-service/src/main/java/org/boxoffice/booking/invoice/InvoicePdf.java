package org.boxoffice.booking.invoice;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.boxoffice.platform.pdf.PdfText;
import org.jspecify.annotations.Nullable;

/**
 * An invoice or credit note as a one-page A4 PDF (PDFBox, as notification-service's tickets): the seller, the buyer,
 * the lines, and the sums with the tax named and said to be included or added. Rendered from the frozen document, so
 * the same document always reads the same.
 */
final class InvoicePdf {

    private static final float LEFT = 56;
    private static final float[] COLUMNS = { 56, 290, 330, 390, 445, 490, 535 };
    private static final int MAX_LINES = 28;

    private InvoicePdf() {
    }

    static byte[] render(Invoice invoice, @Nullable String corrects) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle(title(invoice));
            document.setDocumentInformation(info);
            float y = page.getMediaBox().getHeight() - 64;
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                Seller seller = invoice.seller();
                if (seller.name().isEmpty()) {
                    PdfText.line(content, bold, 11, LEFT, y, "Organization " + invoice.organizationId());
                    PdfText.line(content, regular, 9, LEFT, y -= 14, "(legal details not provided by the organizer)");
                } else {
                    PdfText.line(content, bold, 11, LEFT, y, seller.name());
                    for (String line : seller.address().split("\\R")) {
                        PdfText.line(content, regular, 9, LEFT, y -= 13, line);
                    }
                    if (!seller.vatId().isEmpty()) {
                        PdfText.line(content, regular, 9, LEFT, y -= 13, "VAT id: " + seller.vatId());
                    }
                }
                PdfText.line(content, bold, 20, LEFT, y -= 44, title(invoice));
                if (corrects != null) {
                    PdfText.line(content, regular, 10, LEFT, y -= 16, "Corrects invoice " + corrects + " (refund)");
                }
                PdfText.line(content, regular, 10, LEFT, y -= 20, "Date: " + invoice.issuedAt().atZone(ZoneOffset.UTC)
                        .toLocalDate());
                PdfText.line(content, regular, 10, LEFT, y -= 14, "Order: " + invoice.orderId());
                PdfText.line(content, regular, 10, LEFT, y -= 14, "Event: " + invoice.eventTitle());
                PdfText.line(content, regular, 10, LEFT, y -= 14, "Buyer: " + invoice.buyerEmail());
                y -= 30;
                if (!invoice.lines().isEmpty()) {
                    row(content, bold, y, List.of("Description", "Qty", "Unit", "Discount", "Fee", "Tax", "Total"));
                    int shown = 0;
                    for (InvoiceLine line : invoice.lines()) {
                        if (shown++ == MAX_LINES) {
                            PdfText.line(content, regular, 8, LEFT, y -= 13, "… and "
                                    + (invoice.lines().size() - MAX_LINES) + " more lines, included in the sums below");
                            break;
                        }
                        row(content, regular, y -= 13, List.of(line.description(), Integer.toString(line.quantity()),
                                money(invoice, line.unitPriceMinor()), money(invoice, line.discountMinor()),
                                money(invoice, line.feeMinor()), money(invoice, line.taxMinor()),
                                money(invoice, line.totalMinor())));
                    }
                    y -= 24;
                }
                for (String[] sum : sums(invoice)) {
                    PdfText.line(content, regular, 10, 330, y, sum[0]);
                    PdfText.line(content, regular, 10, 490, y, sum[1]);
                    y -= 14;
                }
                PdfText.line(content, regular, 8, LEFT, 56, "Amounts in " + invoice.currency().getCurrencyCode()
                        + ". Fees and tax are computed per line, rounded half up to the minor unit.");
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the invoice PDF", e);
        }
    }

    static String title(Invoice invoice) {
        return (invoice.kind() == DocumentKind.INVOICE ? "Invoice " : "Credit note ") + invoice.displayNumber();
    }

    /** The sums as label and amount: what the lines cost, the discount, the fees, the tax and the total. */
    static List<String[]> sums(Invoice invoice) {
        Sums sums = invoice.sums();
        List<String[]> rows = new ArrayList<>();
        String tax = (invoice.taxLabel().isEmpty() ? "Tax" : invoice.taxLabel()) + " "
                + BigDecimal.valueOf(invoice.taxRateBasisPoints(), 2).stripTrailingZeros().toPlainString() + " %"
                + (invoice.taxIncluded() ? " (included)" : "");
        if (invoice.kind() == DocumentKind.INVOICE) {
            rows.add(new String[] { "Subtotal", money(invoice, sums.subtotalMinor()) });
            rows.add(new String[] { "Discount", (sums.discountMinor() > 0 ? "-" : "") + money(invoice,
                    sums.discountMinor()) });
        } else {
            rows.add(new String[] { "Tickets refunded", money(invoice, sums.subtotalMinor()) });
        }
        rows.add(new String[] { "Service fees", money(invoice, sums.feeMinor()) });
        rows.add(new String[] { tax, money(invoice, sums.taxMinor()) });
        rows.add(new String[] { invoice.kind() == DocumentKind.INVOICE ? "Total" : "Total refunded",
                money(invoice, sums.totalMinor()) });
        return rows;
    }

    static String money(Invoice invoice, long minor) {
        return BigDecimal.valueOf(minor, invoice.currency().getDefaultFractionDigits()).toPlainString();
    }

    private static void row(PDPageContentStream content, PDType1Font font, float y, List<String> cells)
            throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            String cell = i == 0 && cells.get(0).length() > 44 ? cells.get(0).substring(0, 43) + "…" : cells.get(i);
            PdfText.line(content, font, 8, COLUMNS[i], y, cell);
        }
    }
}
