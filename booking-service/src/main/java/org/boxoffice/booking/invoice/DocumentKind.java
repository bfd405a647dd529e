package org.boxoffice.booking.invoice;

/** The two numbered series of an organization: invoices, and the credit notes that correct them on refund. */
public enum DocumentKind {
    INVOICE("INV"), CREDIT_NOTE("CN");

    private final String prefix;

    DocumentKind(String prefix) {
        this.prefix = prefix;
    }

    /** How a number of this series is written: {@code INV-000042}, {@code CN-000007}. */
    String format(long number) {
        return prefix + "-" + String.format("%06d", number);
    }
}
