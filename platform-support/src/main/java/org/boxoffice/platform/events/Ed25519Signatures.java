package org.boxoffice.platform.events;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.jspecify.annotations.Nullable;

/**
 * Ed25519 (RFC 8032) signing and verification of events with Bouncy Castle's field arithmetic instead of the JDK's
 * {@code Signature}: the same keys, the same deterministic signatures, about 15 times cheaper to sign and 7 times
 * cheaper to verify (the JDK derives the public key again on every signature and has no precomputed tables; measured
 * in docs/performance.md). Every hold, order and payment publishes at least one event, so on the hot path this is
 * CPU every request pays.
 */
final class Ed25519Signatures {

    /** X.509 SubjectPublicKeyInfo of an Ed25519 key: this 12-byte prefix, then the 32-byte key (RFC 8410). */
    private static final byte[] SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private Ed25519Signatures() {
    }

    /** A private key ready to sign: its 32-byte seed and its public key, derived once. */
    record SigningKey(byte[] seed, byte[] publicKey) {

        static SigningKey of(PrivateKey key) {
            if (!(key instanceof EdECPrivateKey edec) || edec.getBytes().isEmpty()) {
                throw new IllegalArgumentException("not an Ed25519 private key");
            }
            byte[] seed = edec.getBytes().get();
            byte[] publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
            Ed25519.generatePublicKey(seed, 0, publicKey, 0);
            return new SigningKey(seed, publicKey);
        }

        byte[] sign(byte[] message) {
            byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
            Ed25519.sign(seed, 0, publicKey, 0, message, 0, message.length, signature, 0);
            return signature;
        }
    }

    /** The JDK's public key for a raw 32-byte Ed25519 public key (its X.509 encoding). */
    static PublicKey publicKey(byte[] raw) {
        byte[] encoded = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + raw.length);
        System.arraycopy(raw, 0, encoded, SPKI_PREFIX.length, raw.length);
        try {
            return KeyFactory.getInstance(EventKeys.ALGORITHM).generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no Ed25519", e);
        }
    }

    /** A public key decoded and checked once, ready to verify; {@code null} when it is not a valid Ed25519 key. */
    static Ed25519.@Nullable PublicPoint verifyingKey(PublicKey key) {
        byte[] encoded = key.getEncoded();
        if (encoded == null || encoded.length != SPKI_PREFIX.length + Ed25519.PUBLIC_KEY_SIZE
                || !Arrays.equals(encoded, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
            return null;
        }
        return Ed25519.validatePublicKeyPartialExport(encoded, SPKI_PREFIX.length);
    }

    static boolean verify(Ed25519.PublicPoint key, byte[] signature, byte[] message) {
        return signature.length == Ed25519.SIGNATURE_SIZE && Ed25519.verify(signature, 0, key, message, 0, message.length);
    }
}
