/**
 * Waiting rooms: an organizer's setting that puts an event's buyers in a queue at the gateway before they may hold
 * seats, published to Redis for the gateway, and the check that every hold on such an event carries a valid
 * admission pass — so a request that bypasses the gateway cannot skip the queue (docs/waiting-room.md).
 */
@NullMarked
package org.boxoffice.booking.admission;

import org.jspecify.annotations.NullMarked;
