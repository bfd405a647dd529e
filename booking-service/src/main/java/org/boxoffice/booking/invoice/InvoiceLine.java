package org.boxoffice.booking.invoice;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One line of an invoice, as the order's line was priced: amounts in minor units of the invoice's currency. */
@Embeddable
public record InvoiceLine(String description, int quantity, @Column(name = "unit_price_minor") long unitPriceMinor,
        @Column(name = "amount_minor") long amountMinor, @Column(name = "discount_minor") long discountMinor,
        @Column(name = "fee_minor") long feeMinor, @Column(name = "tax_minor") long taxMinor,
        @Column(name = "total_minor") long totalMinor) {
}
