/** Admin reconciliation API. */
@NullMarked
package org.boxoffice.payment.reconciliation.web;

import org.jspecify.annotations.NullMarked;
