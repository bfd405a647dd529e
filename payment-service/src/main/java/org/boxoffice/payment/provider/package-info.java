/** The payment provider port: charges, refunds, signed webhooks and the provider's own ledger. */
@NullMarked
package org.boxoffice.payment.provider;

import org.jspecify.annotations.NullMarked;
