/** Refunds, full and partial, never above what was captured; from admins and from booking's RefundRequested events. */
@NullMarked
package org.boxoffice.payment.refund;

import org.jspecify.annotations.NullMarked;
