/** Holds: seats or general-admission tickets reserved for a buyer for a limited time, never twice. */
@NullMarked
package org.boxoffice.booking.hold;

import org.jspecify.annotations.NullMarked;
