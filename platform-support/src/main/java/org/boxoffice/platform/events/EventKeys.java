package org.boxoffice.platform.events;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * Ed25519 keys of the event bus, from the JDK: generating, reading and writing them, their ids, and the exact bytes of
 * an event that a signature covers. Private keys are PKCS#8, public keys X.509 SubjectPublicKeyInfo; both are read as
 * PEM or as bare base64 of the DER, and written as bare base64 (one line, so that an environment variable holds it).
 */
public final class EventKeys {

    static final String ALGORITHM = "Ed25519";

    private EventKeys() {
    }

    /** A new key pair for a producer: {@code openssl genpkey -algorithm ed25519} makes the same kind of key. */
    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no Ed25519", e);
        }
    }

    /** Base64 of the PKCS#8 encoding. */
    public static String encode(PrivateKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** Base64 of the X.509 SubjectPublicKeyInfo encoding. */
    public static String encode(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /**
     * Reads a private key from PEM ({@code -----BEGIN PRIVATE KEY-----}) or base64 PKCS#8.
     *
     * @throws IllegalArgumentException when it is not an Ed25519 private key
     */
    public static PrivateKey privateKey(String text) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der(text)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 private key (PKCS#8, PEM or base64)", e);
        }
    }

    /**
     * Reads a public key from PEM ({@code -----BEGIN PUBLIC KEY-----}) or base64 X.509.
     *
     * @throws IllegalArgumentException when it is not an Ed25519 public key
     */
    public static PublicKey publicKey(String text) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der(text)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 public key (X.509, PEM or base64)", e);
        }
    }

    /** The public half of a private key: an Ed25519 private key is a 32-byte seed from which the public key follows. */
    public static PublicKey publicKeyOf(PrivateKey key) {
        return Ed25519Signatures.publicKey(Ed25519Signatures.SigningKey.of(key).publicKey());
    }

    /** A short, stable id of a public key: base64url of the first 12 bytes of SHA-256 over its X.509 encoding. */
    public static String keyId(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 12));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What a signature covers: every envelope field a consumer reads, each length-prefixed so that no two different
     * envelopes have the same bytes (moving text from one field to the next changes the lengths).
     */
    static byte[] signedBytes(EventEnvelope event) {
        StringBuilder text = new StringBuilder("boxoffice-event-v1\n");
        for (String field : new String[] { event.id().toString(), event.type(), Integer.toString(event.version()),
                event.occurredAt().toString(), event.producer(), event.key(),
                event.traceParent() == null ? "" : event.traceParent(), event.payload() }) {
            text.append(field.length()).append(':').append(field).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * What the trace signature covers: the event's id and its trace fields besides the {@code traceparent}
     * ({@code tracestate}, {@code baggage}), name and value each length-prefixed, sorted by name. Signed apart from
     * {@link #signedBytes}, so a consumer that predates those fields still verifies the event's own signature.
     */
    static byte[] traceSignedBytes(EventEnvelope event) {
        StringBuilder text = new StringBuilder("boxoffice-event-trace-v1\n");
        String id = event.id().toString();
        text.append(id.length()).append(':').append(id).append('\n');
        event.traceBesidesParent().forEach((name, value) -> {
            text.append(name.length()).append(':').append(name).append('\n');
            text.append(value.length()).append(':').append(value).append('\n');
        });
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] der(String text) {
        String body = text.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        if (body.isEmpty()) {
            throw new IllegalArgumentException("empty key");
        }
        return Base64.getDecoder().decode(body);
    }
}
