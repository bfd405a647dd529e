/** Settings, clock and the problem types payment-service answers with. */
@NullMarked
package org.boxoffice.payment.system;

import org.jspecify.annotations.NullMarked;
