package org.boxoffice.platform.events;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Map;

/**
 * Signs what this service publishes with its own Ed25519 key ({@link Ed25519Signatures}), so that consumers can tell its events from anything
 * else written to its stream. Only the producer holds the private key; consumers hold the public key
 * ({@link TrustedEventKeys}). The signature covers every envelope field ({@link EventKeys#signedBytes}) and travels
 * in two more stream fields: {@value #KEY_ID_FIELD} and {@value #SIGNATURE_FIELD}; trace fields besides the
 * {@code traceparent} are signed apart, in {@value #TRACE_SIGNATURE_FIELD}.
 */
public final class EventSigner {

    /** Stream field naming the key that signed the event ({@link EventKeys#keyId}). */
    public static final String KEY_ID_FIELD = "signatureKey";
    /** Stream field holding the base64 Ed25519 signature. */
    public static final String SIGNATURE_FIELD = "signature";
    /**
     * Stream field holding the base64 Ed25519 signature of the trace fields besides {@code traceparent}
     * ({@link EventKeys#traceSignedBytes}); present only when the event carries such fields.
     */
    public static final String TRACE_SIGNATURE_FIELD = "traceSignature";

    private final Ed25519Signatures.SigningKey key;
    private final PublicKey publicKey;
    private final String keyId;

    public EventSigner(PrivateKey key) {
        this.key = Ed25519Signatures.SigningKey.of(key);
        this.publicKey = Ed25519Signatures.publicKey(this.key.publicKey());
        this.keyId = EventKeys.keyId(publicKey);
    }

    public String keyId() {
        return keyId;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** The event's stream fields, signed. */
    public Map<String, String> signedFields(EventEnvelope event) {
        Map<String, String> fields = event.toFields();
        fields.put(KEY_ID_FIELD, keyId);
        fields.put(SIGNATURE_FIELD, Base64.getEncoder().encodeToString(key.sign(EventKeys.signedBytes(event))));
        if (!event.traceBesidesParent().isEmpty()) {
            fields.put(TRACE_SIGNATURE_FIELD,
                    Base64.getEncoder().encodeToString(key.sign(EventKeys.traceSignedBytes(event))));
        }
        return fields;
    }

}
