package org.boxoffice.user.key;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

/** RSA private keys as PKCS#8 PEM ({@code openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048}). */
final class Pem {

    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    private Pem() {
    }

    static RSAKey generate(String kid) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return jwk(kid, (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String encode(RSAKey key) {
        try {
            return BEGIN + "\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(
                    key.toPrivateKey().getEncoded()) + "\n" + END + "\n";
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a PKCS#8 RSA private key; the public half is derived from its CRT parameters. */
    static RSAKey decode(String kid, String pem) {
        int begin = pem.indexOf(BEGIN);
        int end = pem.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("signing key " + kid + " is not a PKCS#8 PEM private key (" + BEGIN + ")");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + BEGIN.length(), end));
        try {
            if (KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der))
                    instanceof RSAPrivateCrtKey privateKey) {
                return jwk(kid, privateKey);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("signing key " + kid + " is not an RSA private key", e);
        }
        throw new IllegalArgumentException("signing key " + kid + " lacks the RSA CRT parameters");
    }

    private static RSAKey jwk(String kid, RSAPrivateCrtKey privateKey) {
        try {
            RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            if (publicKey.getModulus().bitLength() < 2048) {
                throw new IllegalArgumentException("signing key " + kid + " is shorter than 2048 bits");
            }
            return new RSAKey.Builder(publicKey).privateKey(privateKey).keyID(kid).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
