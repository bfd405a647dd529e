/** Payments for orders: creation, the status machine driven by provider webhooks, and the events announcing outcomes. */
@NullMarked
package org.boxoffice.payment.payment;

import org.jspecify.annotations.NullMarked;
