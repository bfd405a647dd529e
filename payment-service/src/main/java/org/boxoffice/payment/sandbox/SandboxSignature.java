package org.boxoffice.payment.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.boxoffice.payment.provider.InvalidWebhook;
import org.jspecify.annotations.Nullable;

/**
 * The sandbox's webhook signature, the scheme Stripe uses: header {@code Boxoffice-Signature: t=<unix seconds>,
 * v1=<hex HMAC-SHA256(secret, t + "." + raw body)>}. Several {@code v1} entries may be present (a secret being
 * rotated); one matching is enough. The timestamp is signed, so a captured webhook cannot be re-dated, and it must be
 * within the tolerance of now, so an old one cannot be replayed later.
 */
public final class SandboxSignature {

    public static final String HEADER = "Boxoffice-Signature";

    private SandboxSignature() {
    }

    public static String header(String secret, Instant timestamp, byte[] body) {
        long t = timestamp.getEpochSecond();
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(hmac(secret, t, body));
    }

    /** Returns normally only for a header signed with the secret over this body within the tolerance of now. */
    public static void verify(@Nullable String header, byte[] body, String secret, Instant now, Duration tolerance) {
        verify(header, body, List.of(secret), now, tolerance);
    }

    /**
     * Returns normally only for a header signed with one of the secrets over this body within the tolerance of now:
     * while a secret is rotated, the current one and those it replaces are all accepted (docs/operations.md, "Rotating the webhook secret").
     */
    public static void verify(@Nullable String header, byte[] body, List<String> secrets, Instant now,
            Duration tolerance) {
        if (header == null) {
            throw InvalidWebhook.badSignature();
        }
        Long timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = part.substring(0, eq).trim();
            String value = part.substring(eq + 1).trim();
            if (name.equals("t")) {
                try {
                    timestamp = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw InvalidWebhook.badSignature();
                }
            } else if (name.equals("v1")) {
                signatures.add(value);
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            throw InvalidWebhook.badSignature();
        }
        boolean matches = false;
        for (String secret : secrets) {
            byte[] expected = hmac(secret, timestamp, body);
            for (String signature : signatures) {
                byte[] given;
                try {
                    given = HexFormat.of().parseHex(signature);
                } catch (IllegalArgumentException e) {
                    continue;
                }
                // Constant time: a timing difference must not reveal how much of a forged signature was right.
                matches |= MessageDigest.isEqual(expected, given);
            }
        }
        if (!matches) {
            throw InvalidWebhook.badSignature();
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
            throw InvalidWebhook.stale(tolerance.toSeconds());
        }
    }

    private static byte[] hmac(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
