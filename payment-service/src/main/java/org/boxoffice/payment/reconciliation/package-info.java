/** Compares the provider's ledger with our payments, reports differences and repairs what is safe. */
@NullMarked
package org.boxoffice.payment.reconciliation;

import org.jspecify.annotations.NullMarked;
