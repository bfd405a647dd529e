package org.boxoffice.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;

import org.junit.jupiter.api.Test;

/** The fast signatures are RFC 8032 Ed25519: interchangeable with the JDK's, in both directions. */
class Ed25519SignaturesTest {

    private static final byte[] MESSAGE = "{\"type\":\"HoldPlaced\",\"id\":\"42\"}".getBytes(StandardCharsets.UTF_8);

    private final KeyPair pair = EventKeys.generate();

    @Test
    void signsExactlyAsTheJdkDoesSoEitherSideVerifiesTheOther() throws Exception {
        byte[] fast = Ed25519Signatures.SigningKey.of(pair.getPrivate()).sign(MESSAGE);

        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initSign(pair.getPrivate());
        jdk.update(MESSAGE);
        byte[] slow = jdk.sign();
        assertThat(fast).as("Ed25519 signatures are deterministic").isEqualTo(slow);

        jdk.initVerify(pair.getPublic());
        jdk.update(MESSAGE);
        assertThat(jdk.verify(fast)).isTrue();
        assertThat(Ed25519Signatures.verify(Ed25519Signatures.verifyingKey(pair.getPublic()), slow, MESSAGE)).isTrue();
    }

    @Test
    void refusesAnAlteredMessageAnotherKeyAndATruncatedSignature() {
        byte[] signature = Ed25519Signatures.SigningKey.of(pair.getPrivate()).sign(MESSAGE);
        var key = Ed25519Signatures.verifyingKey(pair.getPublic());
        byte[] altered = MESSAGE.clone();
        altered[3] ^= 1;

        assertThat(Ed25519Signatures.verify(key, signature, altered)).isFalse();
        assertThat(Ed25519Signatures.verify(Ed25519Signatures.verifyingKey(EventKeys.generate().getPublic()), signature,
                MESSAGE)).isFalse();
        assertThat(Ed25519Signatures.verify(key, java.util.Arrays.copyOf(signature, 63), MESSAGE)).isFalse();
    }

    @Test
    void aKeyOfAnotherAlgorithmIsNoVerifyingKey() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));

        assertThat(Ed25519Signatures.verifyingKey(ec.generateKeyPair().getPublic())).isNull();
    }
}
