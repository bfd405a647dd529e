/**
 * Invoices and credit notes (docs/commerce.md#invoices): a PDF invoice per confirmed order with the seller's legal
 * details ({@code Issuer}, booking's own copy per organization), numbered without gap per organization and series
 * ({@code InvoiceNumbers}), and a credit note per refund of an invoiced order. Issued documents are frozen; the PDF is
 * rendered from them. Knows nothing of orders: the order feature hands it what to issue.
 */
@NullMarked
package org.boxoffice.booking.invoice;

import org.jspecify.annotations.NullMarked;
