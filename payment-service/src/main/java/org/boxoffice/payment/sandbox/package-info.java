/** The built-in sandbox provider: a ledger of its own, asynchronous confirmation, signed webhooks delivered over HTTP with retries. */
@NullMarked
package org.boxoffice.payment.sandbox;

import org.jspecify.annotations.NullMarked;
