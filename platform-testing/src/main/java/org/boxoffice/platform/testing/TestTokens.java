package org.boxoffice.platform.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.json.JsonMapper;

/**
 * Access tokens for integration tests, signed like user-service signs them (RS256 with a {@code kid}, the claims of
 * docs/security.md) by keys that {@link TestJwks} publishes, and the forged ones a service must refuse.
 *
 * <pre>{@code
 * HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + TestTokens.organizer(orgId))
 * TestTokens.token().roles("BUYER").expired().sign()
 * }</pre>
 */
public final class TestTokens {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private TestTokens() {
    }

    /** A buyer with a fresh random id. */
    public static String buyer() {
        return buyer(UUID.randomUUID());
    }

    public static String buyer(UUID userId) {
        return token().subject(userId).roles("BUYER").sign();
    }

    /** An organizer of one organization (also a buyer, as every account is). */
    public static String organizer(UUID organizationId) {
        return token().roles("BUYER", "ORGANIZER").organizations(organizationId).sign();
    }

    public static String admin() {
        return token().roles("BUYER", "ADMIN").sign();
    }

    /** A valid buyer token to shape further: any claim, lifetime, key or algorithm. */
    public static Builder token() {
        return new Builder();
    }

    /** Builds one token; each forgery method yields a token that must be rejected with 401. */
    public static final class Builder {

        private enum Signing { RS256, ES256, UNKNOWN_KEY, NONE, HS256 }

        private final Map<String, Object> claims = new LinkedHashMap<>();
        private Signing signing = Signing.RS256;
        private boolean tampered;
        private @Nullable String kid;

        private Builder() {
            Instant now = Instant.now();
            UUID subject = UUID.randomUUID();
            claims.put("iss", TestJwks.get().issuer());
            claims.put("aud", List.of("boxoffice"));
            claims.put("sub", subject.toString());
            claims.put("email", "user-" + subject.toString().substring(0, 8) + "@test.boxoffice.dev");
            claims.put("roles", List.of("BUYER"));
            claims.put("orgs", List.of());
            claims.put("iat", now.getEpochSecond());
            claims.put("exp", now.plus(Duration.ofMinutes(15)).getEpochSecond());
            claims.put("jti", UUID.randomUUID().toString());
        }

        public Builder subject(UUID userId) {
            claims.put("sub", userId.toString());
            return this;
        }

        public Builder email(String email) {
            claims.put("email", email);
            return this;
        }

        public Builder roles(String... roles) {
            claims.put("roles", List.of(roles));
            return this;
        }

        public Builder organizations(UUID... organizations) {
            claims.put("orgs", Set.of(organizations).stream().map(UUID::toString).toList());
            return this;
        }

        public Builder issuer(String issuer) {
            claims.put("iss", issuer);
            return this;
        }

        public Builder audience(String audience) {
            claims.put("aud", List.of(audience));
            return this;
        }

        /** Sets (or, with null, removes) any claim. */
        public Builder claim(String name, @Nullable Object value) {
            if (value == null) {
                claims.remove(name);
            } else {
                claims.put(name, value);
            }
            return this;
        }

        /** Expired five minutes ago: past the validators' 60-second clock skew. */
        public Builder expired() {
            Instant now = Instant.now();
            claims.put("iat", now.minus(Duration.ofMinutes(20)).getEpochSecond());
            claims.put("exp", now.minus(Duration.ofMinutes(5)).getEpochSecond());
            return this;
        }

        public Builder wrongIssuer() {
            return issuer("https://evil.example");
        }

        /** Signed with ES256 by the published EC key: valid, for services that must accept both algorithms. */
        public Builder es256() {
            signing = Signing.ES256;
            return this;
        }

        /** Signed by an RSA key that is not in the JWKS, under the published {@code kid}. */
        public Builder wrongKey() {
            signing = Signing.UNKNOWN_KEY;
            return this;
        }

        /**
         * Signed by the published RSA key under a key id the JWKS does not list (as after a rotation the service has
         * not seen yet): the service fetches the JWKS again before refusing it.
         */
        public Builder unpublishedKeyId(String keyId) {
            kid = keyId;
            return this;
        }

        /** An unsigned token ({@code alg: none}, empty signature). */
        public Builder algNone() {
            signing = Signing.NONE;
            return this;
        }

        /** HS256 with the published RSA public key as the HMAC secret: the classic algorithm-confusion forgery. */
        public Builder hs256() {
            signing = Signing.HS256;
            return this;
        }

        /** Properly signed, then the payload changed (roles raised to ADMIN) without re-signing. */
        public Builder tampered() {
            tampered = true;
            return this;
        }

        public String sign() {
            TestJwks keys = TestJwks.get();
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("alg", switch (signing) {
                case RS256, UNKNOWN_KEY -> "RS256";
                case ES256 -> "ES256";
                case NONE -> "none";
                case HS256 -> "HS256";
            });
            header.put("typ", "JWT");
            if (signing != Signing.NONE) {
                header.put("kid", kid != null ? kid : signing == Signing.ES256 ? TestJwks.EC_KID : TestJwks.RSA_KID);
            }
            String signingInput = encode(header) + "." + encode(claims);
            byte[] input = signingInput.getBytes(StandardCharsets.US_ASCII);
            byte[] signature = switch (signing) {
                case RS256 -> sign("SHA256withRSA", keys.rsa.getPrivate(), input);
                case UNKNOWN_KEY -> sign("SHA256withRSA", keys.unknownRsa.getPrivate(), input);
                case ES256 -> sign("SHA256withECDSAinP1363Format", keys.ec.getPrivate(), input);
                case NONE -> new byte[0];
                case HS256 -> hmac(keys.rsa.getPublic().getEncoded(), input);
            };
            if (tampered) {
                Map<String, Object> raised = new LinkedHashMap<>(claims);
                raised.put("roles", List.of("BUYER", "ADMIN"));
                signingInput = encode(header) + "." + encode(raised);
            }
            return signingInput + "." + BASE64URL.encodeToString(signature);
        }

        private static String encode(Map<String, Object> json) {
            return BASE64URL.encodeToString(JSON.writeValueAsBytes(json));
        }

        private static byte[] sign(String algorithm, PrivateKey key, byte[] input) {
            try {
                Signature signature = Signature.getInstance(algorithm);
                signature.initSign(key);
                signature.update(input);
                return signature.sign();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        private static byte[] hmac(byte[] secret, byte[] input) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret, "HmacSHA256"));
                return mac.doFinal(input);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
