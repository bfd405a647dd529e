/**
 * The waiting room's admission pass: what the gateway hands a buyer it lets in, and what the gateway and
 * booking-service check on every hold for an event behind a waiting room (docs/waiting-room.md). Infrastructure
 * shared by the two services that must agree on the format, like the token validation rules; no domain types.
 */
@NullMarked
package org.boxoffice.platform.admission;

import org.jspecify.annotations.NullMarked;
