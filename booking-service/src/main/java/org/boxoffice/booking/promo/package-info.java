/**
 * Promo and access codes of an event (docs/commerce.md): discount codes applied at checkout, access codes that open
 * the pre-sale before {@code onSaleAt}. The code is an entity that owns its rules; its uses are counted by conditional
 * statements ({@code RedemptionStatements}), so a code with N uses is redeemed at most N times, and a use comes back
 * exactly once when the hold or order that took it ends without its tickets.
 */
@NullMarked
package org.boxoffice.booking.promo;

import org.jspecify.annotations.NullMarked;
