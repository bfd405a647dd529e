package org.boxoffice.booking.ticket;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.boxoffice.booking.system.BookingProperties;
import org.boxoffice.platform.data.SqlByDesign;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signs and verifies ticket QR payloads: {@code BX1.<ticketId>.<eventId>.<code>.<signature>}, the signature being
 * HMAC-SHA256 over everything before it, base64url. A scanner that holds the payload cannot change the ticket, the
 * event or the code without the key. The key is {@code BOXOFFICE_TICKET_SIGNING_KEY}; without it (local run) a random
 * key is created once in the database, so every replica verifies what any other signed.
 */
@Component
@SqlByDesign("The local run's QR signing key is created once for every replica with "
        + "INSERT … ON CONFLICT DO NOTHING and read back, whichever replica wins")
public class TicketSigner {

    static final String PREFIX = "BX1";
    private static final String ALGORITHM = "HmacSHA256";
    private static final Pattern CODE = Pattern.compile("[0-9A-Z]{12}");
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final @Nullable String configuredKey;
    private volatile @Nullable SecretKeySpec key;

    TicketSigner(JdbcClient jdbc, Clock clock, BookingProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        String configured = properties.ticketSigningKey();
        if (configured != null && !configured.isBlank() && configured.length() < 32) {
            throw new IllegalStateException("BOXOFFICE_TICKET_SIGNING_KEY must be at least 32 characters");
        }
        this.configuredKey = configured == null || configured.isBlank() ? null : configured;
    }

    /** The fields a verified payload names. */
    public record Verified(UUID ticketId, UUID eventId, String code) {
    }

    /** A fresh, unguessable ticket code: 12 characters of Crockford base32 (60 random bits). */
    static String newCode() {
        char[] code = new char[12];
        for (int i = 0; i < code.length; i++) {
            code[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(code);
    }

    String sign(UUID ticketId, UUID eventId, String code) {
        String body = PREFIX + "." + ticketId + "." + eventId + "." + code;
        return body + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(body));
    }

    /** The payload's fields if its signature verifies; {@link InvalidTicketSignature} otherwise. */
    public Verified verify(String payload) {
        String[] parts = payload.strip().split("\\.");
        if (parts.length != 5 || !PREFIX.equals(parts[0]) || !CODE.matcher(parts[3]).matches()) {
            throw new InvalidTicketSignature("The QR payload is not a Boxoffice ticket.");
        }
        UUID ticketId;
        UUID eventId;
        byte[] signature;
        try {
            ticketId = UUID.fromString(parts[1]);
            eventId = UUID.fromString(parts[2]);
            signature = Base64.getUrlDecoder().decode(parts[4]);
        } catch (IllegalArgumentException malformed) {
            throw new InvalidTicketSignature("The QR payload is not a Boxoffice ticket.");
        }
        String body = String.join(".", parts[0], parts[1], parts[2], parts[3]);
        if (!MessageDigest.isEqual(mac(body), signature)) {
            throw new InvalidTicketSignature("The QR payload's signature does not verify: the ticket is forged or damaged.");
        }
        return new Verified(ticketId, eventId, parts[3]);
    }

    /**
     * The signature of a download link of a ticket's PDF: for that ticket, that account, until that second. Its
     * own prefix keeps it from ever being mistaken for (or made into) a QR payload's.
     */
    String signLink(UUID ticketId, UUID accountId, long expiresEpochSecond) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(
                "PDF." + ticketId + "." + accountId + "." + expiresEpochSecond));
    }

    /** Whether {@code signature} is {@link #signLink}'s for exactly these values. */
    boolean verifyLink(UUID ticketId, UUID accountId, long expiresEpochSecond, String signature) {
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(signature);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        return MessageDigest.isEqual(mac("PDF." + ticketId + "." + accountId + "." + expiresEpochSecond), given);
    }

    private byte[] mac(String body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key());
            return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec current = key;
        if (current == null) {
            byte[] secret = configuredKey != null ? configuredKey.getBytes(StandardCharsets.UTF_8) : storedSecret();
            current = new SecretKeySpec(secret, ALGORITHM);
            key = current;
        }
        return current;
    }

    /** The local run's key: the first replica to ask creates it; the others read the same row. */
    private byte[] storedSecret() {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        jdbc.sql("INSERT INTO ticket_signing_key (id, secret, created_at) VALUES (1, ?, ?) ON CONFLICT (id) DO NOTHING")
                .params(fresh, Timestamp.from(clock.instant())).update();
        return jdbc.sql("SELECT secret FROM ticket_signing_key WHERE id = 1").query(byte[].class).single();
    }
}
