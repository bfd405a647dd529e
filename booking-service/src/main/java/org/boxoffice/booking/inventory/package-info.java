/**
 * An event's inventory: its seats, general-admission areas and buyers' allowances, and the fenced statements that
 * take, sell and give back tickets. Holds take tickets through it; orders sell them and give them back through it,
 * with the {@link org.boxoffice.booking.inventory.Claim} of the hold they came from.
 */
@NullMarked
package org.boxoffice.booking.inventory;

import org.jspecify.annotations.NullMarked;
