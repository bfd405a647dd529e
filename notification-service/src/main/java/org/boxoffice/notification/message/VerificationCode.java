package org.boxoffice.notification.message;

import java.time.Instant;
import java.util.UUID;

/**
 * What a verification message's delivery keeps: which verification of which address, and until when its code works.
 * Not the code: it is derived when the message is rendered ({@link org.boxoffice.platform.security.VerificationCodes}),
 * so the delivery log never holds a code that could be typed in.
 *
 * @param minutes the code's lifetime, as the message states it
 */
public record VerificationCode(UUID verificationId, String address, Instant expiresAt, long minutes) {
}
