/**
 * The waiting room (docs/waiting-room.md): for an event whose organizer turned it on in booking-service, buyers take
 * a place in a queue kept in Redis, poll their position from any gateway replica, and are let in at a rate — fixed,
 * or adjusted from the platform's health — with a signed pass that the gateway and booking-service check on holds.
 */
@NullMarked
package org.boxoffice.gateway.waitingroom;

import org.jspecify.annotations.NullMarked;
