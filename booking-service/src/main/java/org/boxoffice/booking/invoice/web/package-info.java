/** The invoice endpoints: a buyer's and an organizer's invoices and credit notes, and the seller's legal details. */
@NullMarked
package org.boxoffice.booking.invoice.web;

import org.jspecify.annotations.NullMarked;
