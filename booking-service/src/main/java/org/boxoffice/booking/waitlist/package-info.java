/**
 * The sold-out waiting list (docs/commerce.md): buyers line up for a section when nothing is left; tickets given back
 * are offered to them in line order, held under the offer (like a hold) until the buyer claims them into a hold of
 * their own or the offer expires and passes them to the next in line. The inventory asks {@link
 * org.boxoffice.booking.waitlist.WaitingListRouter} in the transaction that gives tickets back, so a freed ticket is
 * never free for an instant while someone waits for it.
 */
@NullMarked
package org.boxoffice.booking.waitlist;

import org.jspecify.annotations.NullMarked;
