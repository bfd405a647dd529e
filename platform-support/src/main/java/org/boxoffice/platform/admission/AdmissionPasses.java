package org.boxoffice.platform.admission;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Signs and checks {@link AdmissionPass}es with HMAC-SHA256. A pass is one header-safe line:
 *
 * <pre>{@code wr1.<kid>.<account uuid>.<event uuid>.<expiry, epoch seconds>.<signature, base64url>}</pre>
 *
 * <p>{@code kid} names the key (8 hex digits of a hash of it) so that a rotation can accept the previous key while
 * signing with the new one. The signature covers everything before it. Signing the same pass twice gives the same
 * string, so any gateway replica can hand an admitted buyer their pass again.
 *
 * <p>Why a shared key rather than a key pair: only gateway-service and booking-service hold it (one Kubernetes
 * Secret mounted into those two), and booking-service is the service a pass opens: whoever controls it can hold seats
 * without any pass, so a key that can also sign gives it nothing new. Checking costs a few microseconds on the hold
 * path, parsing included.
 */
public final class AdmissionPasses {

    /** Why a pass was refused; {@link #VALID} when it was not. */
    public enum Check {
        VALID, MALFORMED, UNKNOWN_KEY, BAD_SIGNATURE, EXPIRED, OTHER_ACCOUNT, OTHER_EVENT;

        /** The reason as clients read it in a problem's {@code reason}: {@code other-account}, {@code expired}... */
        public String slug() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private static final String VERSION = "wr1";
    private static final int MIN_KEY_LENGTH = 32;
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern SECONDS = Pattern.compile("[0-9]{1,12}");
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private record Key(String id, SecretKeySpec secret) {
    }

    private final List<Key> keys;

    /**
     * @param current  signs and checks; at least 32 characters
     * @param previous checks only (a rotation in progress), or null
     */
    public AdmissionPasses(String current, @Nullable String previous) {
        List<Key> all = new ArrayList<>();
        all.add(key(current));
        if (previous != null && !previous.isBlank()) {
            all.add(key(previous));
        }
        this.keys = List.copyOf(all);
    }

    /** The passes of the configured keys; empty when no pass key is set (the service can then neither sign nor check). */
    public static Optional<AdmissionPasses> from(PassKeyProperties properties) {
        if (properties.passKey() == null || properties.passKey().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new AdmissionPasses(properties.passKey(), properties.previousPassKey()));
    }

    /** The pass as a header value, signed with the current key. */
    public String sign(AdmissionPass pass) {
        Key key = keys.getFirst();
        String payload = VERSION + "." + key.id() + "." + pass.account() + "." + pass.event() + "."
                + pass.expiresAt().getEpochSecond();
        return payload + "." + BASE64URL.encodeToString(mac(key, payload));
    }

    /** Checks a pass presented by {@code account} for a hold on {@code event} at {@code now}. */
    public Check check(@Nullable String token, UUID account, UUID event, Instant now) {
        Optional<AdmissionPass> read = read(token);
        if (read.isEmpty()) {
            return malformedOrUnsigned(token);
        }
        AdmissionPass pass = read.get();
        if (!now.isBefore(pass.expiresAt())) {
            return Check.EXPIRED;
        }
        if (!pass.account().equals(account)) {
            return Check.OTHER_ACCOUNT;
        }
        if (!pass.event().equals(event)) {
            return Check.OTHER_EVENT;
        }
        return Check.VALID;
    }

    /** The pass if it is well formed and signed by one of the keys, whatever its account, event or expiry. */
    public Optional<AdmissionPass> read(@Nullable String token) {
        String[] parts = split(token);
        if (parts == null) {
            return Optional.empty();
        }
        Key key = keys.stream().filter(k -> k.id().equals(parts[1])).findFirst().orElse(null);
        if (key == null) {
            return Optional.empty();
        }
        String payload = token.substring(0, token.lastIndexOf('.'));
        byte[] signature;
        try {
            signature = Base64.getUrlDecoder().decode(parts[5]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(mac(key, payload), signature)) {
            return Optional.empty();
        }
        return Optional.of(new AdmissionPass(UUID.fromString(parts[2]), UUID.fromString(parts[3]),
                Instant.ofEpochSecond(Long.parseLong(parts[4]))));
    }

    private Check malformedOrUnsigned(@Nullable String token) {
        String[] parts = split(token);
        if (parts == null) {
            return Check.MALFORMED;
        }
        return keys.stream().anyMatch(k -> k.id().equals(parts[1])) ? Check.BAD_SIGNATURE : Check.UNKNOWN_KEY;
    }

    /** The six parts of a syntactically valid pass, or null. */
    private static String @Nullable [] split(@Nullable String token) {
        if (token == null || token.length() > 256) {
            return null;
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 6 || !VERSION.equals(parts[0]) || !parts[1].matches("[0-9a-f]{8}")
                || !UUID_TEXT.matcher(parts[2]).matches() || !UUID_TEXT.matcher(parts[3]).matches()
                || !SECONDS.matcher(parts[4]).matches() || !parts[5].matches("[A-Za-z0-9_-]{43}")) {
            return null;
        }
        return parts;
    }

    private static Key key(String secret) {
        if (secret.length() < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException("a waiting-room pass key needs at least " + MIN_KEY_LENGTH
                    + " characters (boxoffice.waiting-room.pass-key, BOXOFFICE_WAITING_ROOM_PASS_KEY)");
        }
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    ("boxoffice-waiting-room-kid:" + secret).getBytes(StandardCharsets.UTF_8));
            return new Key(HexFormat.of().formatHex(digest, 0, 4), new SecretKeySpec(bytes, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] mac(Key key, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key.secret());
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
