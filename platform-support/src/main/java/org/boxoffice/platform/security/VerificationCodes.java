package org.boxoffice.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Six-digit codes that prove a buyer reads an address (docs/security.md, "Verified contact channels"). A code is not
 * stored or sent anywhere but in the message to the address: it is derived, as HMAC-SHA256 under a key only
 * user-service and notification-service hold ({@code BOXOFFICE_VERIFICATION_CODE_KEY}), from the verification's id and
 * the address. So the service that checks a code and the one that mails it agree on it while the event between them,
 * the outbox, the delivery log and the verification table carry only the id and a hash.
 */
public final class VerificationCodes {

    /** Shortest key accepted: 32 characters (the Helm chart and the local run generate 64). */
    public static final int MIN_KEY_LENGTH = 32;

    private final SecretKeySpec key;

    /**
     * @throws IllegalStateException when the key is missing or shorter than {@value #MIN_KEY_LENGTH} characters
     */
    public VerificationCodes(String key) {
        if (key == null || key.length() < MIN_KEY_LENGTH) {
            throw new IllegalStateException("BOXOFFICE_VERIFICATION_CODE_KEY (boxoffice.verification.code-key) must be"
                    + " set to at least " + MIN_KEY_LENGTH + " characters, the same in user-service and"
                    + " notification-service: verification codes are derived from it");
        }
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The code of one verification of one address (an email, lower case, or an E.164 number). */
    public String code(UUID verificationId, String address) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(("verification-code:" + verificationId + ":" + address.toLowerCase(Locale.ROOT))
                    .getBytes(StandardCharsets.UTF_8));
            long value = ((digest[0] & 0xFFL) << 24) | ((digest[1] & 0xFFL) << 16) | ((digest[2] & 0xFFL) << 8)
                    | (digest[3] & 0xFFL);
            return "%06d".formatted(value % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a verification table keeps of a code: SHA-256 over the verification's id and the code. */
    public static String hash(UUID verificationId, String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((verificationId + ":" + code).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code typed} is the code whose hash is {@code storedHash}; compares in constant time. */
    public static boolean matches(UUID verificationId, String typed, String storedHash) {
        return MessageDigest.isEqual(storedHash.getBytes(StandardCharsets.US_ASCII),
                hash(verificationId, typed.strip()).getBytes(StandardCharsets.US_ASCII));
    }
}
